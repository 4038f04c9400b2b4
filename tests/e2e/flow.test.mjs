// The whole flow, as an admin walks it, in Debian's Chromium with the built extension:
// Okta metadata page → "Use in Anypoint" → Anypoint form (React, strict CSP) → "Fill from Okta" → React state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, keepMetadata, openClientProviderForm, submittedState, METADATA_URL } from './browser.mjs';

const SAMPLE = JSON.parse(
  readFileSync(new URL('../../www/okta/documents/custom-default.openid-configuration.json', import.meta.url)),
);
let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('metadata page shows the copy-assist panel under a strict CSP', async () => {
  const page = await browser.context.newPage();
  const response = await page.goto(METADATA_URL);
  assert.match(response.headers()['content-security-policy'], /script-src 'self'/, 'the fixture must send a strict CSP');
  const panel = page.getByRole('region', { name: 'Okta → Anypoint Assist' });
  await panel.waitFor();
  for (const label of ['Issuer', 'Client Registration URL', 'Authorize URL', 'Token URL', 'Token Introspection URL']) {
    await panel.getByRole('button', { name: `Copy ${label}`, exact: true }).waitFor();
  }
  assert.equal(await panel.getByText(SAMPLE.issuer, { exact: true }).count(), 1);
  await page.close();
});

test('metadata → Use in Anypoint → Fill from Okta reaches React state', async () => {
  const okta = await keepMetadata(browser.context);

  const anypoint = await browser.context.newPage();
  await openClientProviderForm(anypoint);
  await anypoint.getByRole('button', { name: 'Fill from Okta' }).click();
  await anypoint.getByRole('status').filter({ hasText: 'Filled 5' }).waitFor();

  const state = await submittedState(anypoint);
  assert.equal(state.issuer, SAMPLE.issuer);
  assert.equal(state.registrationUrl, SAMPLE.registration_endpoint);
  assert.equal(state.authorizeUrl, SAMPLE.authorization_endpoint);
  assert.equal(state.tokenUrl, SAMPLE.token_endpoint);
  assert.equal(state.introspectionUrl, SAMPLE.introspection_endpoint);
  await okta.close();
  await anypoint.close();
});

test('without kept metadata the helper says where to get it', async () => {
  const fresh = await launch();
  try {
    const page = await fresh.context.newPage();
    await openClientProviderForm(page);
    await page.getByRole('button', { name: 'Fill from Okta' }).click();
    await page.getByRole('status').filter({ hasText: 'No Okta metadata kept yet' }).waitFor();
    const state = await submittedState(page);
    assert.equal(state.issuer, '');
  } finally {
    await fresh.close();
  }
});

test('no helper on an Anypoint page without the form', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://anypoint.mulesoft.com/accounts/client-providers');
  await page.getByRole('button', { name: 'Add Client Provider' }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.getByRole('button', { name: 'Fill from Okta' }).count(), 0);
  await page.close();
});
