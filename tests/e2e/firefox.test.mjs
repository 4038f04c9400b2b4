// Firefox (Debian's firefox-esr, WebDriver BiDi through puppeteer-core): the Firefox build of the extension
// runs its Rust core in the background script, keeps the values and fills the React form.
// Firefox's JSON viewer runs no content scripts on JSON documents, so the Okta page is shown here with the
// viewer off (as users who turn it off see it); with it on, the popup is the way (tested in Chromium: Firefox
// automation cannot open moz-extension:// pages).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';
import { startPracticeServer } from '../../www/serve.mjs';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const EXTENSION_DIR = new URL('../../extension/dist/firefox', import.meta.url).pathname;
let server;
let browser;

before(async () => {
  server = await startPracticeServer();
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      // The real host names reach the practice server: resolve them locally, send port 443 to its port.
      'network.dns.localDomains': 'anypoint.mulesoft.com,dev-12345678.okta.com',
      'network.socket.forcePort': `443=${server.port}`,
      'devtools.jsonview.enabled': false,
    },
  });
  await browser.installExtension(EXTENSION_DIR);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const statusText = () => document.querySelector('okta-anypoint-assist')?.shadowRoot?.querySelector('[role=status]')?.textContent ?? '';

test('Firefox: metadata page → Use in Anypoint → Fill from Okta reaches React state', async () => {
  const okta = await browser.newPage();
  await okta.goto('https://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration');
  const keep = await okta.waitForSelector('pierce/button.primary', { timeout: 15000 });
  assert.equal(await keep.evaluate((b) => b.textContent), 'Use in Anypoint');
  await keep.click();
  await okta.waitForFunction(`(${statusText})().startsWith('Kept the values')`, { timeout: 10000 });

  const anypoint = await browser.newPage();
  await anypoint.goto('https://anypoint.mulesoft.com/accounts/client-providers/new/openid-dynamic-client');
  await anypoint.waitForFunction(() => document.body.textContent.includes('Settings loaded.'), { timeout: 10000 });
  const fill = await anypoint.waitForSelector('pierce/button.primary', { timeout: 10000 });
  assert.equal(await fill.evaluate((b) => b.textContent), 'Fill from Okta');
  await fill.click();
  await anypoint.waitForFunction(`(${statusText})().startsWith('Filled 5')`, { timeout: 10000 });
  await (await anypoint.waitForSelector('button[type=submit]')).click();
  const state = JSON.parse(await (await anypoint.waitForSelector('[data-testid=submitted-state]')).evaluate((e) => e.textContent));
  assert.equal(state.issuer, 'https://dev-12345678.okta.com/oauth2/default');
  assert.equal(state.tokenUrl, 'https://dev-12345678.okta.com/oauth2/default/v1/token');
  assert.equal(state.introspectionUrl, 'https://dev-12345678.okta.com/oauth2/default/v1/introspect');
});

test('Firefox: a typed raw token gets SSWS when leaving the field', async () => {
  const page = await browser.newPage();
  await page.goto('https://anypoint.mulesoft.com/practice/plain');
  await page.waitForSelector('pierce/button.primary', { timeout: 10000 });
  const token = '00abcdefghijklmnopqrstuvwxyzABCDEFGHIJ_-01';
  await page.type('#p-header', token);
  await page.focus('#p-client-id');
  await page.waitForFunction((t) => document.querySelector('#p-header').value === `SSWS ${t}`, { timeout: 10000 }, token);
});
