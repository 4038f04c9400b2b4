// For organisations: the managed policy as Chromium reads it on Linux (/etc/chromium/policies/managed, as root, as
// CI runs), set for this extension's managed storage. The org pin refuses another org's document everywhere and
// fills the pinned one; a switched-off feature is absent and makes no request; what was kept for another org before
// the policy came is dropped; without the file, today's behaviour.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, keepMetadata, assistUi, formPage, until, EXTENSION_DIR, METADATA_URL, CUSTOM_DEFAULT } from '../support/browser.mjs';
import { contentScriptWorld } from '../support/isolated_world.mjs';
import { CHROMIUM_POLICY, chromiumPolicy, unpackedExtensionId, writePolicy } from '../support/policies.mjs';

const EXTENSION_ID = unpackedExtensionId(EXTENSION_DIR);
const OTHER_ORG_URL = 'https://acme.okta.com/.well-known/openid-configuration';
let removePolicy = () => {};
after(() => removePolicy());

// A browser started with `settings` as the organisation's policy for the extension (none: no file at all).
async function launchWith(settings) {
  removePolicy();
  removePolicy = settings ? writePolicy(CHROMIUM_POLICY, chromiumPolicy(EXTENSION_ID, settings)) : () => {};
  const browser = await launch();
  assert.equal(new URL(browser.worker.url()).host, EXTENSION_ID, 'the policy names this build');
  const managed = await browser.worker.evaluate(() => chrome.storage.managed.get());
  assert.deepEqual(managed, settings ?? {}, 'the browser read the policy file');
  return browser;
}

const popupOf = async (browser) => {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${EXTENSION_ID}/popup/popup.html`);
  return popup;
};
const kept = (browser) => browser.worker.evaluate(async () => (await chrome.storage.session.get('keptDraft')).keptDraft ?? null);

test('the org pin refuses another org\'s document on Okta\'s pages, in the popup and in the form, and fills the pinned one', async () => {
  const browser = await launchWith({ oktaOrgs: ['dev-12345678.okta.com'] });
  try {
    // Okta's page of another org: the refusal where the panel goes, nothing kept.
    const other = await browser.context.newPage();
    await other.goto(OTHER_ORG_URL);
    await assistUi(other).waitForStatus('acme.okta.com is not an Okta org your organisation allows');
    assert.equal(await kept(browser), null);
    // The popup: no request to the other org at all.
    const popup = await popupOf(browser);
    const before = browser.server.requests.length;
    await popup.getByLabel('Okta org, issuer or Metadata URI').fill('acme.okta.com');
    await popup.getByRole('button', { name: 'Check' }).click();
    await popup.locator('#load-status').filter({ hasText: 'its policy ("oktaOrgs") lists only dev-12345678.okta.com' }).waitFor();
    assert.deepEqual(browser.server.requests.slice(before).filter((r) => r.host === 'acme.okta.com'), []);
    // The form's Issuer of another org, nothing kept: refused before any request.
    const { page, ui } = await formPage(browser.context);
    await page.getByLabel('Issuer').fill('https://acme.okta.com');
    await ui.click('Fill from Okta');
    await ui.waitForStatus('acme.okta.com is not an Okta org your organisation allows');
    assert.deepEqual(browser.server.requests.slice(before).filter((r) => r.host === 'acme.okta.com'), []);
    // The pinned org: kept and filled as ever (the control).
    await keepMetadata(browser.context, METADATA_URL);
    await page.getByLabel('Issuer').fill('');
    await ui.click('Fill from Okta');
    await ui.waitForStatus('Filled 5');
    assert.equal(await page.getByLabel('Token URL').inputValue(), CUSTOM_DEFAULT.token_endpoint);
    // The options page says what the organisation set.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${EXTENSION_ID}/options/options.html`);
    await options.getByRole('heading', { name: 'Set by your organisation' }).waitFor();
    assert.match(await options.locator('#managed-lists').textContent(), /dev-12345678\.okta\.com.*Managed by your organisation/);
  } finally {
    await browser.close();
  }
});

test('switched off by policy: no Check with Okta button, no check request, no context menu, nothing written to Okta; the admin cannot switch them on', async () => {
  const browser = await launchWith({ checkWithOkta: false, contextMenu: false, createInOkta: false });
  try {
    await keepMetadata(browser.context);
    const { page, ui } = await formPage(browser.context);
    await ui.waitFor('Fill from Okta');
    assert.equal(await ui.count('Check with Okta'), 0, 'no button');
    assert.equal(await ui.count('Create the introspection client in Okta'), 0, 'nothing that writes to Okta');
    // Asked all the same (as a page cannot, but a stale script might): refused, and nothing reaches Okta.
    const before = browser.server.requests.length;
    const world = await contentScriptWorld(page);
    const answer = await world.evaluate(`askCore({ checkWithOkta: { values: { issuer: ${JSON.stringify(CUSTOM_DEFAULT.issuer)} }, header: 'SSWS x', secret: 'y' } })`);
    assert.match(answer.message, /Check with Okta .* is switched off by your organisation/);
    const write = await world.evaluate(`askCore({ lookUpIntrospectionClient: { values: {}, header: 'SSWS x' } })`);
    assert.match(write.message, /Anything that creates or changes something in Okta is switched off by your organisation/);
    assert.deepEqual(browser.server.requests.slice(before).filter((r) => r.host !== 'anypoint.mulesoft.com').map((r) => `${r.host}${r.path}`), [], 'nothing to any host but the console');
    // The menu is not there (an item that does not exist cannot be updated).
    const items = await browser.worker.evaluate(async () => {
      await makeMenu();
      return chrome.contextMenus.update('issuer', {}).then(() => 'there', () => 'absent');
    });
    assert.equal(items, 'absent');
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${EXTENSION_ID}/options/options.html`);
    const box = options.locator('[data-switch=checkWithOkta]');
    await box.waitFor();
    assert.equal(await box.isChecked(), false);
    assert.equal(await box.isDisabled(), true, 'managed: not the admin\'s to change');
    assert.equal(await options.locator('[data-switch=issuerFirst]').isDisabled(), false, 'what the policy left alone is');
  } finally {
    await browser.close();
  }
});

test('without a policy file: today\'s behaviour (another org\'s values kept, Check with Okta there); a policy that arrives drops them', async () => {
  const browser = await launchWith(null);
  try {
    const other = await browser.context.newPage();
    await other.goto(OTHER_ORG_URL);
    const ui = assistUi(other);
    await ui.click('Use in Anypoint');
    await ui.waitForStatus('Kept the values');
    assert.equal((await kept(browser))?.issuer, 'https://acme.okta.com');
    const { ui: bar } = await formPage(browser.context);
    await bar.waitFor('Check with Okta');
    await bar.waitFor('Create the introspection client in Okta');
    // The control of the switched-off menu: with no policy, its items are there.
    const items = await browser.worker.evaluate(async () => {
      await makeMenu();
      return chrome.contextMenus.update('issuer', {}).then(() => 'there', () => 'absent');
    });
    assert.equal(items, 'there');
    // The organisation's policy arrives while the browser runs (Chromium watches its policy folder).
    removePolicy = writePolicy(CHROMIUM_POLICY, chromiumPolicy(EXTENSION_ID, { oktaOrgs: ['dev-12345678.okta.com'] }));
    await until(async () => (await browser.worker.evaluate(() => chrome.storage.managed.get())).oktaOrgs !== undefined, 'the policy read', 20000);
    const popup = await popupOf(browser);
    await popup.getByText('No Okta metadata kept yet').waitFor();
    assert.equal(await kept(browser), null, 'what was kept for another org is dropped');
  } finally {
    await browser.close();
  }
});
