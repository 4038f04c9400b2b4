// ./build.sh screenshots: the README's pictures, taken from the real built extension on the practice pages
// (headless Debian Chromium), so they show what the code does today.
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { launch, keepMetadata, formPage, assistUi, catalogueText, METADATA_URL, CUSTOM_DEFAULT, API_TOKEN, CLIENT_SECRET } from './browser.mjs';

const DOCS = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs');
const shot = (name) => join(DOCS, `screenshot-${name}.png`);
const browser = await launch();
try {
  // Okta: the copy-assist panel on a metadata document, after "Use in Anypoint".
  const okta = await keepMetadata(browser.context, METADATA_URL);
  await okta.setViewportSize({ width: 1100, height: 560 });
  await okta.screenshot({ path: shot('okta') });

  // Anypoint: the bar says where the values came from; the form after "Fill from Okta".
  const { page, ui } = await formPage(browser.context);
  await ui.click('Fill from Okta');
  await ui.waitForStatus('Filled 5');
  await page.screenshot({ path: shot('anypoint'), fullPage: true });

  // Check with Okta: a token whose admin may not register apps, the rest right (the bar, top of the page).
  const fixture = (name) => readFileSync(resolve(DOCS, '../tests/fixtures', name), 'utf8').trim();
  await page.getByLabel('Authorization Header').fill(`SSWS ${fixture('api-token-read-only-admin.txt')}`);
  await page.getByLabel('Client ID').fill(fixture('client-id.txt'));
  await page.getByLabel('Client Secret').fill(CLIENT_SECRET);
  await ui.click('Check with Okta');
  await ui.waitForStatus('Okta org');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot('check'), clip: { x: 0, y: 0, width: 1280, height: 420 } });

  // A console in a dark theme: the bar and the hint lines take the page's dark palette.
  const dark = await formPage(browser.context, async (p) => {
    await p.goto('https://anypoint.mulesoft.com/practice/plain');
    await p.evaluate(() => {
      for (const element of [document.body, document.querySelector('main')]) Object.assign(element.style, { background: '#121212', color: '#eee' });
    });
  });
  await dark.page.getByLabel('Token URL', { exact: true }).pressSequentially('http://dev-12345678.okta.com/oauth2/default/v1/token');
  await dark.page.getByLabel('Issuer', { exact: true }).click();
  await dark.ui.waitFor('Use https://');
  await dark.page.screenshot({ path: shot('anypoint-dark'), fullPage: true });

  // Hints while typing, with their one-click fixes (plain practice form).
  const hints = await formPage(browser.context, (p) => p.goto('https://anypoint.mulesoft.com/practice/plain'));
  await hints.page.getByLabel('Issuer', { exact: true }).fill('https://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration');
  await hints.page.getByLabel('Token URL', { exact: true }).pressSequentially('http://dev-12345678.okta.com/oauth2/default/v1/token');
  await hints.page.getByLabel('Client Request Timeout').fill('30');
  await hints.page.getByLabel('Client Request Timeout').press('Tab');
  await hints.ui.waitFor('Use the nearest allowed value');
  await hints.page.screenshot({ path: shot('hints'), fullPage: true });

  // The toolbar popup (opened as a page), after checking an org.
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 600, height: 720 });
  await popup.goto(`chrome-extension://${new URL(browser.worker.url()).host}/popup/popup.html`);
  await popup.getByLabel('Okta org, issuer or Metadata URI').fill('dev-12345678.okta.com');
  await popup.getByRole('button', { name: 'Check' }).click();
  await popup.getByRole('button', { name: 'Use in Anypoint' }).waitFor();
  await popup.screenshot({ path: shot('popup'), fullPage: true });
  // The same in the system's dark scheme.
  await popup.emulateMedia({ colorScheme: 'dark' });
  await popup.screenshot({ path: shot('popup-dark'), fullPage: true });

  // The stand-alone web page with a pasted document.
  const tool = await browser.context.newPage();
  await tool.goto('https://assist.example.com/');
  const document = JSON.stringify(CUSTOM_DEFAULT, null, 2);
  await tool.getByLabel('Metadata URI (the address of the document)').fill(METADATA_URL);
  await tool.getByLabel('Metadata document (JSON)').fill(document);
  await tool.getByRole('button', { name: 'Check' }).click();
  await tool.getByRole('status').filter({ hasText: 'Valid' }).waitFor();
  await tool.screenshot({ path: shot('web-page'), fullPage: true });

} finally {
  await browser.close();
}

// The same extension in a browser set to Japanese: the form after the fill, with a hint, and the popup. Button
// names come from the Japanese catalogue.
const say = (key) => catalogueText('ja', key);
const japanese = await launch({ lang: 'ja' });
try {
  const okta = await japanese.context.newPage();
  await okta.goto(METADATA_URL);
  const panel = assistUi(okta);
  await panel.click(say('panelKeep'));
  await panel.waitForStatus(say('barFill'));
  const page = await japanese.context.newPage();
  await page.goto('https://anypoint.mulesoft.com/accounts/client-providers/new/openid-dynamic-client');
  await page.getByText('Settings loaded.').waitFor();
  const ui = assistUi(page);
  await ui.click(say('barFill'));
  await ui.waitForStatus('件を入力しました');
  await page.getByLabel('Token URL', { exact: true }).fill('http://dev-12345678.okta.com/oauth2/default/v1/token');
  await ui.waitFor(say('fixUseHttps'));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot('anypoint-ja'), fullPage: true });

  const popup = await japanese.context.newPage();
  await popup.setViewportSize({ width: 600, height: 720 });
  await popup.goto(`chrome-extension://${new URL(japanese.worker.url()).host}/popup/popup.html`);
  await popup.getByRole('heading', { name: say('popupChecklistTitle') }).waitFor();
  await popup.screenshot({ path: shot('popup-ja'), fullPage: true });
} finally {
  await japanese.close();
}
console.log(`Screenshots written to ${DOCS}: okta, anypoint, check, anypoint-dark, hints, popup, popup-dark, web-page, anypoint-ja, popup-ja.`);
