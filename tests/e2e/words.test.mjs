// The words come from the browser's own catalogue (extension/_locales), rendered by the core's one renderer
// (src/core/words.rs): what it says is what chrome.i18n.getMessage says for the same keys and arguments, in
// English and, in a browser set to Japanese (--lang=ja), in Japanese: the panel, the bar, the fill's line, a
// hint, a check line and the popup. The test's own expectations are read from the same catalogue files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, assistUi, catalogueText, METADATA_URL, until } from '../support/browser.mjs';
import { contentScriptWorld } from '../support/isolated_world.mjs';

const FORM_URL = 'https://anypoint.mulesoft.com/accounts/client-providers/new/openid-dynamic-client';

/** The first value `read` gives that is not null or empty, within `until`'s time. */
async function valueOf(read, what) {
  let value = null;
  await until(async () => Boolean(value = await read()), what);
  return value;
}

/** The hint text linked to a field through aria-describedby. */
const hintOf = (field) => field.evaluate((el) => (el.getAttribute('aria-describedby') ?? '')
  .split(/\s+/).map((id) => el.getRootNode().getElementById(id)?.textContent ?? '').join(' ').trim());

/**
 * In a browser speaking `lang`: keep the metadata with the panel's button, fill the form with the bar's, type an
 * http:// Token URL, check with a token Okta refuses (E0000011), and open the popup. What was shown, and what
 * chrome.i18n renders for the same keys.
 */
async function walkthrough(lang) {
  const say = (key) => catalogueText(lang === 'ja' ? 'ja' : 'en', key);
  const browser = await launch({ lang });
  try {
    const okta = await browser.context.newPage();
    await okta.goto(METADATA_URL);
    const panel = assistUi(okta);
    await panel.click(say('panelKeep'));
    // Kept: the panel's line names the bar's button to press next (keptMessage).
    await valueOf(async () => (await panel.statuses()).find((line) => line.includes(say('barFill'))), 'the values kept');
    const page = await browser.context.newPage();
    await page.goto(FORM_URL);
    await page.getByText('Settings loaded.').waitFor();
    const ui = assistUi(page);
    await ui.click(say('barFill'));
    const filled = await valueOf(async () => (await ui.statuses()).find((line) => /\b5\b/.test(line)), 'the fill\'s line');
    const tokenUrl = page.getByLabel('Token URL', { exact: true });
    await tokenUrl.fill('http://dev-12345678.okta.com/oauth2/default/v1/token');
    const hint = await valueOf(() => hintOf(tokenUrl), 'the Token URL\'s hint');
    await tokenUrl.fill('https://dev-12345678.okta.com/oauth2/default/v1/token');
    await page.getByLabel('Authorization Header').fill(`SSWS 00${'x'.repeat(40)}`);
    await ui.click(say('barCheck'));
    const world = await contentScriptWorld(page);
    const lineOf = () => world.evaluate(`attached.bar.results.querySelector('[data-check=apiToken]')?.textContent ?? null`);
    const line = await valueOf(lineOf, 'the check\'s result');
    const byBrowser = await world.evaluate(`(() => {
      const m = (key, ...args) => chrome.i18n.getMessage(key, args);
      return {
        locale: m('@@ui_locale'),
        line: m('checkLine', m('verdictFailed'), m('checkTitleApiToken'),
          m('checkTokenRefused', m('codeNote', 'E0000011'), m('oktaTokensPage'))),
        hint: m('hintHttpsRequired', 'Token URL'),
      };
    })()`);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${new URL(browser.worker.url()).host}/popup/popup.html`);
    await popup.getByRole('heading', { name: say('popupChecklistTitle') }).waitFor();
    const popupLang = await popup.evaluate(() => document.documentElement.lang);
    return { filled, hint, line, byBrowser, popupLang };
  } finally {
    await browser.close();
  }
}

test('English: the words are the catalogue\'s, as chrome.i18n renders them', async () => {
  const { filled, hint, line, byBrowser, popupLang } = await walkthrough('en-US');
  assert.match(byBrowser.locale, /^en/);
  assert.match(filled, /^Filled 5: Issuer, /);
  assert.equal(hint, byBrowser.hint);
  assert.equal(line, byBrowser.line);
  assert.match(line, /^Failed — API token: Okta refused the token \(E0000011\):.*Security > API > Tokens/);
  assert.equal(popupLang, 'en');
});

test('Japanese (--lang=ja): panel, bar, fill, hint, check and popup speak Japanese, as chrome.i18n does', async () => {
  const english = await walkthrough('en-US');
  const japanese = await walkthrough('ja');
  assert.equal(japanese.byBrowser.locale, 'ja');
  assert.match(japanese.filled, /^5 件を入力しました: Issuer、/);
  assert.equal(japanese.hint, japanese.byBrowser.hint);
  assert.match(japanese.hint, /^Token URL には https:\/\/ を使ってください。/);
  assert.equal(japanese.line, japanese.byBrowser.line);
  assert.match(japanese.line, /^失敗 — API トークン: Okta はトークンを拒否しました（E0000011）.*セキュリティ > API > トークン/);
  assert.equal(japanese.popupLang, 'ja');
  assert.notEqual(japanese.line, english.line, 'control: the language changed the words');
  assert.notEqual(japanese.hint, english.hint, 'control: the language changed the hint');
});
