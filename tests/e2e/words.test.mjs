// The words come from the browser's own catalogue (extension/_locales), rendered by the core's one renderer
// (src/core/words.rs): what it says is what chrome.i18n.getMessage says for the same keys and arguments, in
// English and, in a browser set to Japanese (--lang=ja), in Japanese. So far the check's result is worded so
// (the issue on words moves the rest).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, keepMetadata, formPage, until } from '../support/browser.mjs';
import { contentScriptWorld } from '../support/isolated_world.mjs';

const FORM_URL = 'https://anypoint.mulesoft.com/accounts/client-providers/new/openid-dynamic-client';

/** The API token's line of a check with a token Okta refuses (E0000011), and chrome.i18n's words for it. */
async function refusedTokenLine(lang) {
  const browser = await launch({ lang });
  try {
    await (await keepMetadata(browser.context)).close();
    const { page, ui } = await formPage(browser.context, async (p) => {
      await p.goto(FORM_URL);
      await p.getByText('Settings loaded.').waitFor();
    });
    await ui.click('Fill from Okta');
    await ui.waitForStatus('Filled 5');
    await page.getByLabel('Authorization Header').fill(`SSWS 00${'x'.repeat(40)}`);
    await ui.click('Check with Okta');
    const world = await contentScriptWorld(page);
    const lineOf = () => world.evaluate(`attached.bar.results.querySelector('[data-check=apiToken]')?.textContent ?? null`);
    await until(async () => (await lineOf()) !== null, 'the check\'s result');
    const i18n = await world.evaluate(`(() => {
      const m = (key, ...args) => chrome.i18n.getMessage(key, args);
      return {
        locale: m('@@ui_locale'),
        line: m('checkLine', m('verdictFailed'), m('checkTitleApiToken'),
          m('checkTokenRefused', m('codeNote', 'E0000011'), m('oktaTokensPage'))),
      };
    })()`);
    return { shown: await lineOf(), byBrowser: i18n.line, locale: i18n.locale };
  } finally {
    await browser.close();
  }
}

test('English: the check\'s words are the catalogue\'s, as chrome.i18n renders them', async () => {
  const { shown, byBrowser, locale } = await refusedTokenLine('en-US');
  assert.match(locale, /^en/);
  assert.equal(shown, byBrowser);
  assert.match(shown, /^Failed — API token: Okta refused the token \(E0000011\):.*Security > API > Tokens/);
});

test('Japanese (--lang=ja): the check speaks Japanese, as chrome.i18n does', async () => {
  const english = await refusedTokenLine('en-US');
  const japanese = await refusedTokenLine('ja');
  assert.equal(japanese.locale, 'ja');
  assert.equal(japanese.shown, japanese.byBrowser);
  assert.match(japanese.shown, /^失敗 — API トークン: Okta はトークンを拒否しました（E0000011）.*セキュリティ > API > トークン/);
  assert.notEqual(japanese.shown, english.shown, 'control: the language changed the words');
});
