// The extension's own UI (the toolbar popup, opened as a page): load metadata by the org's domain through
// the worker's fetch policy, keep what was checked, fill Anypoint with it, forget it; custom domains only
// after the admin allowed the host; clear messages for wrong addresses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, formPage, submittedState, PRODUCT } from '../support/browser.mjs';

let browser;
let popupUrl;

before(async () => {
  browser = await launch();
  popupUrl = `chrome-extension://${new URL(browser.worker.url()).host}/popup/popup.html`;
});
after(async () => {
  await browser?.close();
});

async function openPopup() {
  const popup = await browser.context.newPage();
  await popup.goto(popupUrl);
  return popup;
}

async function check(page, location) {
  await page.getByLabel('Okta org, issuer or Metadata URI').fill(location);
  await page.getByRole('button', { name: 'Check' }).click();
}

test('typing the org domain loads its default server; Use in Anypoint keeps what was checked, without a second fetch', async () => {
  const popup = await openPopup();
  await popup.getByText('No Okta metadata kept yet').waitFor();
  await check(popup, 'dev-12345678.okta.com');
  const panel = popup.getByRole('region', { name: PRODUCT });
  await panel.getByText('https://dev-12345678.okta.com/oauth2/default/v1/token', { exact: true }).waitFor();
  const fetchesBefore = browser.server.requests.filter((r) => r.host === 'dev-12345678.okta.com').length;
  await panel.getByRole('button', { name: 'Use in Anypoint' }).click();
  await panel.getByRole('status').filter({ hasText: 'Kept the values' }).waitFor();
  assert.equal(browser.server.requests.filter((r) => r.host === 'dev-12345678.okta.com').length, fetchesBefore, 'no second fetch');
  assert.ok(browser.server.requests.every((r) => r.cookie === null), 'no cookie is ever sent');
  await popup.getByText(/^https:\/\/dev-12345678\.okta\.com\/oauth2\/default\. From authorization server "default" of Okta org dev-12345678, kept just now\.$/).waitFor();

  const { page, ui } = await formPage(browser.context);
  await ui.click('Fill from Okta');
  await ui.waitForStatus('Filled 5');
  assert.equal((await submittedState(page)).authorizeUrl, 'https://dev-12345678.okta.com/oauth2/default/v1/authorize');

  // Clipboard permissions cannot be granted to an extension origin from the test: record what is written.
  await popup.evaluate(() => { navigator.clipboard.writeText = async (text) => { window.copied = text; }; });
  await popup.getByRole('button', { name: 'Copy API body' }).click();
  await popup.getByText('API body copied').waitFor();
  const body = JSON.parse(await popup.evaluate(() => window.copied));
  assert.equal(body.oidc_dynamic_client_provider.issuer, 'https://dev-12345678.okta.com/oauth2/default');
  assert.equal(body.oidc_dynamic_client_provider.client_request_timeout, 5000);
  assert.equal(body.oidc_dynamic_client_provider.primary_client.secret, '<fill in>');
  await popup.getByRole('button', { name: 'Forget kept values' }).click();
  await popup.getByText('No Okta metadata kept yet').waitFor();
  await popup.close();
  await page.close();
});

test('with a document checked, the popup fits the 600 px a browser shows of it (English, 100% zoom)', async () => {
  const popup = await openPopup();
  await popup.setViewportSize({ width: 560, height: 600 });
  await check(popup, 'dev-12345678.okta.com');
  await popup.locator('#report section').waitFor();
  await popup.getByRole('heading', { name: 'Setup checklist' }).waitFor();
  const height = await popup.evaluate(() => document.body.getBoundingClientRect().height);
  assert.ok(height <= 600, `the popup is ${height} px tall`);
  // The checklist is one click away.
  await popup.locator('#checklist-section > summary').click();
  await popup.locator('#checklist li').first().waitFor();
  await popup.close();
});

test('an org authorization server by its Metadata URI, with an explicit default port', async () => {
  const popup = await openPopup();
  await check(popup, 'https://acme.okta.com:443/.well-known/openid-configuration');
  await popup.getByText('the org authorization server of Okta org acme').waitFor();
  assert.equal(await popup.getByRole('button', { name: 'Use in Anypoint' }).isDisabled(), false);
  await popup.close();
});

test('wrong addresses get a message that says what to do', async () => {
  const popup = await openPopup();
  await check(popup, 'nope.okta.com');
  await popup.locator('#load-status').filter({ hasText: 'Okta answered HTTP 404' }).waitFor();
  await check(popup, 'not a host at all');
  await popup.locator('#load-status').filter({ hasText: 'is not an Okta address' }).waitFor();
  await check(popup, 'http://dev-12345678.okta.com/oauth2/default');
  await popup.locator('#load-status').filter({ hasText: 'not loaded over https' }).waitFor();
  assert.equal(await popup.getByRole('button', { name: 'Use in Anypoint' }).count(), 0);
  await popup.close();
});

test('a host that is not Okta reaches no server until the admin allows it', async () => {
  // Nothing granted yet: the install-time hosts are not listed as custom domains (the options page lists them).
  const options = await browser.context.newPage();
  await options.goto(popupUrl.replace('popup/popup.html', 'options/options.html'));
  await options.locator('#domains').getByText('None.').waitFor();
  await options.close();
  const popup = await openPopup();
  const before = browser.server.requests.length;
  await check(popup, 'https://login.acme-corp.com/oauth2/default');
  await popup.locator('#load-status').filter({ hasText: 'login.acme-corp.com is not an Okta host' }).waitFor();
  await popup.getByRole('button', { name: 'Allow access to login.acme-corp.com' }).waitFor();
  await check(popup, 'https://collector.example.com/.well-known/openid-configuration');
  await popup.locator('#load-status').filter({ hasText: 'collector.example.com is not an Okta host' }).waitFor();
  assert.deepEqual(browser.server.requests.slice(before), [], 'nothing was sent anywhere');
  await popup.close();
});

test('a document whose registration endpoint is on a foreign host is shown but cannot be kept', async () => {
  const popup = await openPopup();
  await check(popup, 'dev-87654321.okta.com');
  await popup.getByText(/"registration_endpoint" is on collector\.example\.com, not on the issuer's host dev-87654321\.okta\.com/).waitFor();
  assert.equal(await popup.getByRole('button', { name: 'Use in Anypoint' }).isDisabled(), true);
  // Even a forged keep from the popup finds nothing checked to keep.
  const answer = await popup.evaluate(() => askCore('keepChecked'));
  assert.equal(answer.kind, 'failure');
  await popup.close();
});

test('the fetch policy holds in the browser: no redirect followed, no oversized answer, no endless wait', async () => {
  const popup = await openPopup();
  const status = popup.locator('#load-status');
  await check(popup, 'dev-redirect.okta.com');
  await status.filter({ hasText: 'answered with a redirect, which the extension does not follow' }).waitFor();
  assert.equal(browser.server.requests.filter((r) => r.host === 'collector.example.com').length, 0, 'the redirect target was never asked');
  await check(popup, 'dev-huge.okta.com');
  await status.filter({ hasText: /The document is 2048 KB/ }).waitFor();
  await check(popup, 'dev-huge-stream.okta.com');
  // No Content-Length: refused while reading, once past 1 MiB (how far past depends on the chunks the network gave).
  await status.filter({ hasText: /The document is (1\d{3}|2\d{3}) KB; metadata documents are a few KB/ }).waitFor();
  const started = Date.now();
  await check(popup, 'dev-slow.okta.com');
  await status.filter({ hasText: 'Okta did not answer within 8 seconds' }).waitFor({ timeout: 15000 });
  assert.ok(Date.now() - started < 11000, 'the worker gave up, not the page');
  assert.equal(await popup.getByRole('button', { name: 'Use in Anypoint' }).count(), 0);
  await popup.close();
});

test('the checklist links to Access Management on the control plane where the form was last seen (US before any)', async () => {
  const popup = await openPopup();
  const link = () => popup.getByRole('link', { name: 'Access Management in Anypoint' }).first();
  await popup.getByText('Anypoint: US').waitFor();
  assert.equal(await link().getAttribute('href'), 'https://anypoint.mulesoft.com/accounts/');
  // The form on the EU plane: the checklist follows it.
  const { page } = await formPage(browser.context, (p) => p.goto('https://eu1.anypoint.mulesoft.com/practice/plain'));
  await popup.reload();
  await popup.getByText('Anypoint: EU').waitFor();
  assert.equal(await link().getAttribute('href'), 'https://eu1.anypoint.mulesoft.com/accounts/');
  await page.close();
  await popup.close();
});
