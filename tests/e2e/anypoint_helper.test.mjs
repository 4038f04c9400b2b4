// The helper inside the Anypoint form (React practice page, strict CSP): hints while typing, the SSWS fix on
// paste and on leaving the field, undo of a fill, and no secret in any storage area afterwards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, keepMetadata, openClientProviderForm, submittedState } from './browser.mjs';

const TOKEN = '00abcdefghijklmnopqrstuvwxyzABCDEFGHIJ_-01';
const SECRET = 'Zx8-abcdefghijklmnopqrstuvwxyzABCDEFGHIJ';
let browser;

before(async () => {
  browser = await launch();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://anypoint.mulesoft.com' });
});
after(async () => {
  await browser?.close();
});

async function formPage() {
  const page = await browser.context.newPage();
  await openClientProviderForm(page);
  await page.getByRole('button', { name: 'Fill from Okta' }).waitFor();
  return page;
}

async function paste(page, field, text) {
  await field.focus();
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

/** The hint text linked to a field through aria-describedby. */
async function hintOf(field) {
  return field.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => el.getRootNode().getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

test('an http:// Token URL is an error while typing, and the hint goes when fixed', async () => {
  const page = await formPage();
  const tokenUrl = page.getByLabel('Token URL', { exact: true });
  await tokenUrl.pressSequentially('http://dev-12345678.okta.com/oauth2/default/v1/token');
  await page.waitForFunction(() => document.querySelector('#tokenUrl')?.getAttribute('aria-invalid') === 'true');
  assert.match(await hintOf(tokenUrl), /must use https/);
  await tokenUrl.fill('');
  await tokenUrl.pressSequentially('https://dev-12345678.okta.com/oauth2/default/v1/token');
  await page.waitForFunction(() => !document.querySelector('#tokenUrl')?.hasAttribute('aria-invalid'));
  assert.equal((await hintOf(tokenUrl)).trim(), '');
  await page.close();
});

test('the token URL pasted into Authorize URL is named as such', async () => {
  const page = await formPage();
  const authorize = page.getByLabel('Authorize URL', { exact: true });
  await paste(page, authorize, 'https://dev-12345678.okta.com/oauth2/default/v1/token');
  await page.waitForFunction(() => document.querySelector('#authorizeUrl')?.getAttribute('aria-invalid') === 'true');
  assert.match(await hintOf(authorize), /token endpoint/);
  await page.close();
});

test('a metadata URL in Issuer and a timeout out of range get their hints', async () => {
  const page = await formPage();
  const issuer = page.getByLabel('Issuer', { exact: true });
  await paste(page, issuer, 'https://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration');
  await page.waitForFunction(() => document.querySelector('#issuer')?.getAttribute('aria-invalid') === 'true');
  assert.match(await hintOf(issuer), /metadata URL/);
  const timeout = page.getByLabel('Client Request Timeout');
  await timeout.fill('');
  await timeout.pressSequentially('30');
  await page.waitForFunction(() => document.querySelector('#timeout')?.getAttribute('aria-invalid') === 'true');
  assert.match(await hintOf(timeout), /5 to 20 seconds/);
  await page.close();
});

test('a pasted raw token becomes "SSWS <token>" in the app state at once', async () => {
  const page = await formPage();
  const header = page.getByLabel('Authorization Header');
  await paste(page, header, TOKEN);
  await page.waitForFunction((t) => document.querySelector('#authorizationHeader')?.value === `SSWS ${t}`, TOKEN);
  assert.match(await hintOf(header), /SSWS/);
  assert.ok(!(await hintOf(header)).includes(TOKEN), 'the hint never shows the token');
  const state = await submittedState(page);
  assert.equal(state.authorizationHeader, `SSWS …(${TOKEN.length + 5} chars)`);
  await page.close();
});

test('a typed raw token gets the prefix when leaving the field; no double prefix', async () => {
  const page = await formPage();
  const header = page.getByLabel('Authorization Header');
  await header.pressSequentially(`SSWS SSWS ${TOKEN}`);
  assert.equal(await header.inputValue(), `SSWS SSWS ${TOKEN}`, 'typing is not interrupted');
  await page.keyboard.press('Tab');
  await page.waitForFunction((t) => document.querySelector('#authorizationHeader')?.value === `SSWS ${t}`, TOKEN);
  await page.close();
});

test('Undo fill restores the previous values', async () => {
  const okta = await keepMetadata(browser.context);
  const page = await formPage();
  await page.getByRole('button', { name: 'Fill from Okta' }).click();
  await page.getByRole('status').filter({ hasText: 'Filled 5' }).waitFor();
  await page.getByRole('button', { name: 'Undo fill' }).click();
  const state = await submittedState(page);
  for (const key of ['issuer', 'registrationUrl', 'authorizeUrl', 'tokenUrl', 'introspectionUrl']) assert.equal(state[key], '', key);
  await okta.close();
  await page.close();
});

test('no storage area holds the token or the client secret after a full flow', async () => {
  const okta = await keepMetadata(browser.context);
  const page = await formPage();
  await page.getByRole('button', { name: 'Fill from Okta' }).click();
  await paste(page, page.getByLabel('Authorization Header'), TOKEN);
  await page.waitForFunction(() => document.querySelector('#authorizationHeader')?.value.startsWith('SSWS '));
  await page.getByLabel('Client Secret').pressSequentially(SECRET);
  await page.keyboard.press('Tab');
  await submittedState(page);
  const stored = await browser.worker.evaluate(async () => JSON.stringify(await Promise.all(
    ['local', 'sync', 'session'].map((area) => chrome.storage[area].get(null)),
  )));
  assert.ok(stored.includes('dev-12345678.okta.com'), `the kept values are there: ${stored}`);
  assert.ok(!stored.includes(TOKEN.slice(2)), 'no API token in storage');
  assert.ok(!stored.includes(SECRET), 'no client secret in storage');
  await okta.close();
  await page.close();
});
