// The stand-alone web page (www/tool) for admins who cannot install extensions: the same Rust core as wasm in a
// normal page under a strict CSP, on a host of its own, in Debian's Chromium without the extension.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, METADATA_URL, CUSTOM_DEFAULT } from '../support/browser.mjs';

const PAGE = 'https://assist.example.com/';
const fixture = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
let browser;

before(async () => {
  browser = await launch({ withExtension: false });
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://assist.example.com' });
});
after(async () => {
  await browser?.close();
});

async function check(page, text, url) {
  await page.getByLabel('Metadata URI (the address of the document)').fill(url);
  await page.getByLabel('Metadata document (JSON)').fill(text);
  await page.getByRole('button', { name: 'Check' }).click();
}

test('a pasted document gives the Anypoint values, hints while editing, and the API body with curl', async () => {
  const page = await browser.context.newPage();
  const response = await page.goto(PAGE);
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  await check(page, JSON.stringify(CUSTOM_DEFAULT, null, 2), METADATA_URL);
  await page.getByRole('status').filter({ hasText: 'Valid: authorization server "default" of Okta org dev-12345678.' }).waitFor();
  assert.equal(await page.getByLabel('Issuer', { exact: true }).inputValue(), CUSTOM_DEFAULT.issuer);
  assert.equal(await page.getByLabel('Token Introspection URL', { exact: true }).inputValue(), CUSTOM_DEFAULT.introspection_endpoint);
  assert.equal(await page.getByLabel('Client Registration URL', { exact: true }).inputValue(), CUSTOM_DEFAULT.registration_endpoint);

  const body = JSON.parse(await page.locator('#api-body').textContent());
  assert.equal(body.oidc_dynamic_client_provider.issuer, CUSTOM_DEFAULT.issuer);
  assert.equal(body.oidc_dynamic_client_provider.client_request_timeout, 5000, 'milliseconds');
  assert.equal(body.oidc_dynamic_client_provider.client.registration.authorization, '<fill in>', 'a placeholder where the token goes');
  assert.match(await page.locator('#curl').textContent(), /^curl -X POST 'https:\/\/anypoint\.mulesoft\.com\/accounts\/api\/organizations\/<root organization id>\/clientProviders'/);
  // The command goes to the control plane the admin picks (US first).
  for (const host of ['jp1.platform.mulesoft.com', 'eu1.anypoint.mulesoft.com']) {
    await page.getByLabel('Your Anypoint control plane').selectOption(host);
    assert.match(await page.locator('#curl').textContent(), new RegExp(`^curl -X POST 'https://${host.replaceAll('.', '\\.')}/accounts/api/organizations/`));
  }
  // An existing provider, named by the address of its page: the command updates it (PATCH) on the same plane.
  const id = '8f2c3a1e-6b4d-4c1a-9e7f-1a2b3c4d5e6f';
  const provider = page.getByLabel('Update an existing provider (its id, or the address of its page in Anypoint)');
  await provider.fill(`https://eu1.anypoint.mulesoft.com/accounts/client-providers/${id}`);
  assert.match(await page.locator('#curl').textContent(), new RegExp(`^curl -X PATCH 'https://eu1\\.anypoint\\.mulesoft\\.com/accounts/api/organizations/<root organization id>/clientProviders/${id}'`));
  assert.match(await page.locator('#provider-note').textContent(), /updates provider 8f2c3a1e/);
  await provider.fill('https://evil.example/client-providers/8f2c3a1e');
  assert.match(await page.locator('#curl').textContent(), /^curl -X POST /, 'control: an address that is not Anypoint\'s updates nothing');
  assert.match(await page.locator('#provider-note').textContent(), /creates a new one/);
  await provider.fill('');

  // Hints while editing, with the core's fixes; the API body follows the edit.
  const token = page.getByLabel('Token URL', { exact: true });
  await token.fill('http://dev-12345678.okta.com/oauth2/default/v1/token');
  assert.equal(await token.getAttribute('aria-invalid'), 'true');
  await page.getByText('Token URL must use https://').waitFor();
  await page.getByRole('button', { name: 'Use https://' }).click();
  assert.equal(await token.inputValue(), 'https://dev-12345678.okta.com/oauth2/default/v1/token');
  assert.equal(await token.getAttribute('aria-invalid'), 'false');
  await page.getByLabel('Client Request Timeout', { exact: true }).fill('12');
  assert.equal(JSON.parse(await page.locator('#api-body').textContent()).oidc_dynamic_client_provider.client_request_timeout, 12000);

  // Copy buttons put the exact text on the clipboard.
  await page.getByRole('button', { name: 'Copy Issuer' }).click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), CUSTOM_DEFAULT.issuer);
  await page.getByRole('button', { name: 'Copy API body' }).click();
  assert.equal(JSON.parse(await page.evaluate(() => navigator.clipboard.readText())).oidc_dynamic_client_provider.client_request_timeout, 12000);
  // Nothing but the page's own files was requested.
  assert.deepEqual([...new Set(browser.server.requests.map((r) => r.host))], ['assist.example.com']);
  await page.close();
});

test('a document that must not be used says why and offers no values', async () => {
  const page = await browser.context.newPage();
  await page.goto(PAGE);
  await check(page, fixture('foreign-registration-endpoint.openid-configuration.json'),
    'https://dev-87654321.okta.com/oauth2/default/.well-known/openid-configuration');
  await page.getByRole('status').filter({ hasText: 'cannot be used as it is' }).waitFor();
  await page.getByText(/"registration_endpoint" is on collector\.example\.com/).waitFor();
  assert.equal(await page.getByLabel('Issuer', { exact: true }).inputValue(), '');
  await check(page, '{"issuer": ', '');
  await page.getByText(/The document is not valid JSON/).waitFor();
  await page.close();
});

test('a custom URL domain: a guessed address vouches for nothing; the typed one is checked, with the token host named', async () => {
  const page = await browser.context.newPage();
  await page.goto(PAGE);
  const custom = fixture('custom-default.openid-configuration.json').replaceAll('dev-12345678.okta.com', 'login.acme-corp.com');
  // No address: the one the document names is only a guess, and grants nothing.
  await check(page, custom, '');
  await page.getByRole('status').filter({ hasText: 'cannot be used as it is' }).waitFor();
  await page.getByText(/login\.acme-corp\.com is not an Okta host/).waitFor();
  assert.equal(await page.getByLabel('Issuer', { exact: true }).inputValue(), '');
  // The control: the address typed by the admin is theirs to vouch for; the registration host is named.
  await check(page, custom, 'https://login.acme-corp.com/oauth2/default/.well-known/openid-configuration');
  await page.getByRole('status').filter({ hasText: 'Valid:' }).waitFor();
  await page.getByText(/The Client Registration URL is on login\.acme-corp\.com, not on an Okta org's host: Anypoint sends your API token there/).waitFor();
  await page.close();
});

test('the page refuses to be framed by another site (frame-ancestors, as the README suggests)', async () => {
  const page = await browser.context.newPage();
  // The control: on its own, the page shows its Check button.
  await page.goto(PAGE);
  await page.getByRole('button', { name: 'Check' }).waitFor();
  // Framed by another page: the browser shows nothing of it.
  await page.setContent(`<iframe src="${PAGE}" width="800" height="600"></iframe>`);
  await page.waitForTimeout(1000);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  assert.ok(frame, 'the frame exists');
  assert.equal(await frame.getByRole('button', { name: 'Check' }).count(), 0, 'nothing of the page in the frame');
  await page.close();
});
