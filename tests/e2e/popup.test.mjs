// The extension's own UI (the toolbar popup, opened as a page): load metadata by the org's domain through
// the worker (gloo-net fetch), keep it, fill Anypoint with it; clear messages for wrong addresses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openClientProviderForm, submittedState } from './browser.mjs';

let browser;
let popupUrl;

before(async () => {
  browser = await launch();
  popupUrl = `chrome-extension://${new URL(browser.worker.url()).host}/popup/popup.html`;
});
after(async () => {
  await browser?.close();
});

async function check(page, location) {
  await page.getByLabel('Okta org, issuer or Metadata URI').fill(location);
  await page.getByRole('button', { name: 'Check' }).click();
}

test('typing the org domain loads its default server; Use in Anypoint keeps it for the fill', async () => {
  const popup = await browser.context.newPage();
  await popup.goto(popupUrl);
  await popup.getByText('No Okta metadata kept yet').waitFor();
  await check(popup, 'dev-12345678.okta.com');
  const panel = popup.getByRole('region', { name: 'Okta → Anypoint Assist' });
  await panel.getByText('https://dev-12345678.okta.com/oauth2/default/v1/token', { exact: true }).waitFor();
  await panel.getByRole('button', { name: 'Use in Anypoint' }).click();
  await panel.getByRole('status').filter({ hasText: 'Kept the values' }).waitFor();
  await popup.getByText('https://dev-12345678.okta.com/oauth2/default (from https://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration)').waitFor();

  const anypoint = await browser.context.newPage();
  await openClientProviderForm(anypoint);
  await anypoint.getByRole('button', { name: 'Fill from Okta' }).click();
  await anypoint.getByRole('status').filter({ hasText: 'Filled 5' }).waitFor();
  assert.equal((await submittedState(anypoint)).authorizeUrl, 'https://dev-12345678.okta.com/oauth2/default/v1/authorize');
  await popup.close();
  await anypoint.close();
});

test('an org authorization server by its Metadata URI', async () => {
  const popup = await browser.context.newPage();
  await popup.goto(popupUrl);
  await check(popup, 'https://acme.okta.com/.well-known/openid-configuration');
  await popup.getByText('the org authorization server of Okta org acme').waitFor();
  await popup.close();
});

test('wrong addresses get a message that says what to do', async () => {
  const popup = await browser.context.newPage();
  await popup.goto(popupUrl);
  await check(popup, 'nope.okta.com');
  await popup.locator('#load-status').filter({ hasText: 'Okta answered HTTP 404' }).waitFor();
  await check(popup, 'not a host at all');
  await popup.locator('#load-status').filter({ hasText: 'is not an Okta address' }).waitFor();
  assert.equal(await popup.getByRole('button', { name: 'Use in Anypoint' }).count(), 0);
  await popup.close();
});
