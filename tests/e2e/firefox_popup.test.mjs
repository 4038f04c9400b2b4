// Firefox as users have it (its JSON viewer on, so no content script sees the metadata document): the popup
// loads the org's metadata through the background script's core, keeps it, and the Anypoint form is filled.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchFirefox, pressWithKeyboard } from '../support/firefox.mjs';
import { CUSTOM_DEFAULT, METADATA_URL } from '../support/fixtures.mjs';

let firefox;

before(async () => {
  firefox = await launchFirefox({ jsonViewer: true, withPopup: true });
});
after(async () => {
  await firefox?.close();
});

test('Firefox with the JSON viewer: no panel on the document; popup → check → Use in Anypoint → Fill', async () => {
  const okta = await firefox.browser.newPage();
  await okta.goto(METADATA_URL);
  await new Promise((resolve) => setTimeout(resolve, 500)); // as long as the panel takes to appear where it can
  assert.equal(await okta.evaluate(() => document.querySelectorAll('okta-anypoint-assist').length), 0, 'the viewer runs no content script');

  const { popup } = firefox;
  await popup.bringToFront();
  await popup.type('#location', 'dev-12345678.okta.com');
  await popup.click('button[type=submit]');
  await popup.waitForFunction((token) => document.querySelector('#report')?.textContent.includes(token), { timeout: 10000 }, CUSTOM_DEFAULT.token_endpoint);
  await popup.click('#report button.primary'); // "Use in Anypoint" (the popup is the extension's own page)
  await popup.waitForFunction(() => document.querySelector('#kept')?.textContent.includes('From authorization server "default" of Okta org dev-12345678'), { timeout: 10000 });

  const anypoint = await firefox.browser.newPage();
  await anypoint.goto('https://anypoint.mulesoft.com/accounts/client-providers/new/openid-dynamic-client');
  await anypoint.waitForSelector('okta-anypoint-assist[data-assist=anypoint-bar]', { timeout: 10000 });
  await pressWithKeyboard(anypoint, '#name', ['Shift+Tab', 'Shift+Tab']); // "Compare with Okta", then "Fill from Okta"
  await anypoint.waitForFunction((issuer) => document.querySelector('#issuer').value === issuer, { timeout: 10000 }, CUSTOM_DEFAULT.issuer);
  assert.equal(await anypoint.$eval('#tokenUrl', (input) => input.value), CUSTOM_DEFAULT.token_endpoint);
});
