// Firefox as users have it (its JSON viewer on, so no content script sees the metadata document): the popup
// loads the org's metadata through the background script's core, keeps it, and the Anypoint form is filled.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { barOfTheForm, launchFirefox, pressWithKeyboard } from '../support/firefox.mjs';
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
  await barOfTheForm(anypoint);
  await pressWithKeyboard(anypoint, '#name', ['Shift+Tab', 'Shift+Tab']); // "Compare with Okta", then "Fill from Okta"
  await anypoint.waitForFunction((issuer) => document.querySelector('#issuer').value === issuer, { timeout: 10000 }, CUSTOM_DEFAULT.issuer);
  assert.equal(await anypoint.$eval('#tokenUrl', (input) => input.value), CUSTOM_DEFAULT.token_endpoint);
});

test('Firefox with the JSON viewer: a tab showing the metadata is marked, and the popup loads it in one click', async () => {
  const okta = await firefox.browser.newPage();
  await okta.goto('https://dev-12345678.okta.com/oauth2/default/.well-known/oauth-authorization-server');
  // The popup as the admin opens it now (a new popup page, in a tab: see tests/support/firefox.mjs).
  await firefox.popup.evaluate(() => chrome.tabs.create({ url: chrome.runtime.getURL('popup/popup.html') }));
  let popup = null;
  for (let tries = 0; !popup && tries < 50; tries++) {
    for (const page of await firefox.browser.pages()) {
      if (page !== firefox.popup && (await page.evaluate(() => location.href).catch(() => '')).endsWith('/popup/popup.html')) popup = page;
    }
    if (!popup) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.ok(popup, 'a new popup page');
  await popup.waitForFunction(() => !document.getElementById('this-tab-row').hidden, { timeout: 10000 });
  const badge = await popup.evaluate(async () => {
    const [tab] = (await chrome.tabs.query({})).filter((t) => t.url?.includes('oauth-authorization-server'));
    return chrome.action.getBadgeText({ tabId: tab.id });
  });
  assert.equal(badge, '✓', 'the toolbar button marks the tab');
  await popup.click('#this-tab');
  await popup.waitForFunction(() => document.querySelector('#report')?.textContent.includes('authorization server "default" of Okta org dev-12345678'), { timeout: 10000 });
  assert.equal(await popup.$eval('#location', (i) => i.value), 'https://dev-12345678.okta.com/oauth2/default/.well-known/oauth-authorization-server');
});
