// For organisations, in Debian's firefox-esr: the enterprise policy file (policies.json in the application's
// distribution folder, as root, as CI runs) sets this add-on's managed storage through its "3rdparty" key. The org
// pin refuses another org's document in the popup (no request to it) and the pinned one is kept and filled; a
// switched-off feature has no button; the options page shows it as the organisation's. Without a policy (every
// other Firefox test), Firefox fails to read managed storage, which is no policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { barOfTheForm, launchFirefox, pressWithKeyboard } from '../support/firefox.mjs';
import { CUSTOM_DEFAULT } from '../support/fixtures.mjs';
import { FIREFOX_POLICY, firefoxPolicy, writePolicy } from '../support/policies.mjs';

const ADDON_ID = JSON.parse(readFileSync(new URL('../../extension/dist/firefox/manifest.json', import.meta.url), 'utf8')).browser_specific_settings.gecko.id;
const SETTINGS = { oktaOrgs: ['dev-12345678.okta.com'], issuerFirst: false };
let firefox;
let removePolicy = () => {};

before(async () => {
  removePolicy = writePolicy(FIREFOX_POLICY, firefoxPolicy(ADDON_ID, SETTINGS));
  firefox = await launchFirefox({ withPopup: true, hosts: ['anypoint.mulesoft.com', 'dev-12345678.okta.com', 'acme.okta.com'] });
});
after(async () => {
  await firefox?.close();
  removePolicy();
});

// The popup's check of `host` is refused with words that include `said`, and nothing is asked of that host.
async function refusedInPopup(popup, server, host, said) {
  await popup.bringToFront();
  const before = server.requests.length;
  await popup.type('#location', host);
  await popup.click('button[type=submit]');
  await popup.waitForFunction((text) => document.getElementById('load-status').textContent.includes(text), { timeout: 10000 }, said);
  assert.deepEqual(server.requests.slice(before).filter((r) => r.host === host), [], `no request to ${host}`);
}

test('Firefox: the policy file reaches managed storage; another org is refused with no request, the pinned one fills', async () => {
  const { popup, browser, server } = firefox;
  assert.deepEqual(await popup.evaluate(() => chrome.storage.managed.get()), SETTINGS, 'Firefox read the policy file');
  await refusedInPopup(popup, server, 'acme.okta.com', 'its policy ("oktaOrgs") lists only dev-12345678.okta.com');

  // The pinned org (the control): checked, kept, filled. Compare with Okta is switched off: one Shift+Tab from
  // the form's first field reaches Fill from Okta (with it there, it would reach Compare).
  await popup.$eval('#location', (input) => { input.value = ''; });
  await popup.type('#location', 'dev-12345678.okta.com');
  await popup.click('button[type=submit]');
  await popup.waitForFunction((token) => document.querySelector('#report')?.textContent.includes(token), { timeout: 10000 }, CUSTOM_DEFAULT.token_endpoint);
  await popup.click('#report button.primary');
  await popup.waitForFunction(() => document.querySelector('#kept')?.textContent.includes('dev-12345678'), { timeout: 10000 });
  const anypoint = await browser.newPage();
  await anypoint.goto('https://anypoint.mulesoft.com/accounts/client-providers/new/openid-dynamic-client');
  await barOfTheForm(anypoint);
  await pressWithKeyboard(anypoint, '#name', ['Shift+Tab']);
  await anypoint.waitForFunction((issuer) => document.querySelector('#issuer').value === issuer, { timeout: 10000 }, CUSTOM_DEFAULT.issuer);
});

test('Firefox: the options page shows the organisation\'s settings, not changeable', async () => {
  const { options } = firefox;
  await options.bringToFront();
  await options.evaluate(() => location.reload());
  await options.waitForFunction(() => !document.getElementById('managed').hidden && document.querySelector('[data-switch=issuerFirst]'), { timeout: 10000 });
  assert.match(await options.$eval('#managed-lists', (list) => list.textContent), /dev-12345678\.okta\.com/);
  assert.deepEqual(await options.$eval('[data-switch=issuerFirst]', (box) => [box.checked, box.disabled]), [false, true]);
  assert.deepEqual(await options.$eval('[data-switch=checkWithOkta]', (box) => [box.checked, box.disabled]), [true, false]);
});

// Firefox does not check a policy against the schema: a pin of the wrong type reaches the extension, which must
// fail closed (no org), not open (any org). The control is the first test: the same org fills under a good pin.
test('Firefox: a pin of the wrong type allows no org, and the options page says why', async () => {
  await firefox.close();
  removePolicy();
  removePolicy = writePolicy(FIREFOX_POLICY, firefoxPolicy(ADDON_ID, { oktaOrgs: [42] }));
  firefox = await launchFirefox({ withPopup: true, hosts: ['anypoint.mulesoft.com', 'dev-12345678.okta.com'] });
  const { popup, options, server } = firefox;
  assert.deepEqual(await popup.evaluate(() => chrome.storage.managed.get()), { oktaOrgs: [42] }, 'Firefox passed the bad value through');
  await refusedInPopup(popup, server, 'dev-12345678.okta.com', 'lists no host this extension can use');
  await options.bringToFront();
  await options.evaluate(() => location.reload());
  await options.waitForFunction(() => document.getElementById('managed-warning')?.textContent.includes('no Okta org is allowed'), { timeout: 10000 });
});
