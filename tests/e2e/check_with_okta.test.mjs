// "Check with Okta" on the Anypoint form, against the practice Okta org that answers as Okta does: every
// verdict (good configuration, invalid token, token without the role, wrong introspection secret, custom
// server without API Access Management, network failure, not JSON, timeout), never a request that creates
// anything, never a secret stored or logged; the explanation beside Anypoint's error after Create; the setup
// checklist in the popup with what the check proved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, keepMetadata, formPage, assistUi, until, API_TOKEN, CLIENT_SECRET, PRODUCT } from '../support/browser.mjs';
import { contentScriptWorld } from '../support/isolated_world.mjs';
import { SLOW_TOKEN } from '../../www/serve.mjs';

const fixture = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8').trim();
const CLIENT_ID = fixture('client-id.txt');
const READ_ONLY_TOKEN = fixture('api-token-read-only-admin.txt');
const FORM_URL = 'https://anypoint.mulesoft.com/accounts/client-providers/new/openid-dynamic-client';

let browser;
const consoleLines = [];

before(async () => {
  browser = await launch();
  // Every console line of every page, popup and the worker, proven to be captured by a probe in each.
  browser.context.on('console', (message) => consoleLines.push(message.text()));
  browser.worker.on('console', (message) => consoleLines.push(message.text()));
  await browser.worker.evaluate(() => console.log('probe: worker console'));
  // A session cookie of the Okta org, as an admin signed in to Okta has: the checks must not send it.
  await browser.context.addCookies([{ name: 'sid', value: 'admin-session', domain: 'dev-12345678.okta.com', path: '/', secure: true, sameSite: 'None' }]);
  // The values kept once, from the Okta page, as an admin would.
  const okta = await keepMetadata(browser.context);
  await okta.evaluate(() => console.log('probe: page console'));
  await okta.close();
});
after(async () => {
  await browser?.close();
});

async function openForm(search = '') {
  const { page, ui } = await formPage(browser.context, async (p) => {
    await p.goto(`${FORM_URL}${search}`);
    await p.getByText('Settings loaded.').waitFor();
  });
  page.on('console', (message) => consoleLines.push(message.text()));
  return { page, ui };
}

/** Fill the form from Okta, then type what only the admin knows (any of them may be left out). */
async function filledForm({ header = `SSWS ${API_TOKEN}`, clientId = CLIENT_ID, secret = CLIENT_SECRET, search = '' } = {}) {
  const { page, ui } = await openForm(search);
  await ui.click('Fill from Okta');
  await ui.waitForStatus('Filled 5');
  if (header) await page.getByLabel('Authorization Header').fill(header);
  if (clientId) await page.getByLabel('Client ID').fill(clientId);
  if (secret) await page.getByLabel('Client Secret').fill(secret);
  return { page, ui };
}

/** Click "Check with Okta" and answer the result's lines by check: { check → text }, and the summary. */
async function checkWithOkta(ui) {
  await ui.click('Check with Okta');
  // As long as the page's own call waits for the worker (a check with a request that times out takes ~9 s by
  // design; the test that needs it asserts the worker's limit itself).
  const summary = await ui.waitForStatus('Okta org', 12000);
  const text = await ui.textOf(PRODUCT, 'group');
  const lines = {};
  for (const title of ['OpenID configuration', 'Authorization server metadata', 'URLs in the form', 'API token', 'Role to register apps', 'Introspection client']) {
    const line = text.match(new RegExp(`(Passed|Warning|Failed) — ${title}: [^—]*?(?=(Passed|Warning|Failed) — |$)`));
    assert.ok(line, `a line for ${title} in: ${text}`);
    lines[title] = line[0].trim();
  }
  return { summary, lines };
}

const requestsTo = (host) => browser.server.requests.filter((r) => r.host === host);

test('a good configuration passes every check; nothing is created in Okta and the requests stay in the org', async () => {
  const { page, ui } = await openForm();
  assert.equal(await ui.isDisabled('Check with Okta'), true, 'disabled until the Issuer and a credential are filled');
  await ui.click('Fill from Okta');
  await ui.waitForStatus('Filled 5');
  assert.equal(await ui.isDisabled('Check with Okta'), true, 'the Issuer alone is not enough');
  await page.getByLabel('Authorization Header').fill(`SSWS ${API_TOKEN}`);
  await until(async () => !(await ui.isDisabled('Check with Okta')), 'enabled once the header is filled');
  await page.getByLabel('Client ID').fill(CLIENT_ID);
  await page.getByLabel('Client Secret').fill(CLIENT_SECRET);

  const before = browser.server.requests.length;
  const started = Date.now();
  const { summary, lines } = await checkWithOkta(ui);
  console.log(`# Check with Okta answered in ${Date.now() - started} ms (six checks, practice org)`);
  assert.match(summary, /Okta org dev-12345678: every check passed/);
  for (const [title, line] of Object.entries(lines)) assert.match(line, /^Passed/, `${title}: ${line}`);
  const sent = browser.server.requests.slice(before);
  assert.deepEqual(sent.map((r) => `${r.method} ${r.host}${r.path}`).sort(), [
    'GET dev-12345678.okta.com/api/v1/users/me',
    'GET dev-12345678.okta.com/oauth2/default/.well-known/oauth-authorization-server',
    'GET dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration',
    'GET dev-12345678.okta.com/oauth2/v1/clients',
    'POST dev-12345678.okta.com/oauth2/default/v1/introspect',
  ]);
  assert.ok(browser.server.requests.some((r) => r.host === 'dev-12345678.okta.com' && r.cookie?.includes('sid=')), 'the browser has the cookie');
  assert.ok(sent.every((r) => r.cookie === null), 'no cookie sent');
  assert.ok(sent.filter((r) => r.path.includes('/.well-known/')).every((r) => !r.authorized), 'discovery carries no credentials');
  assert.ok(sent.filter((r) => !r.path.includes('/.well-known/')).every((r) => r.authorized), 'the second round does');
  assert.ok(!browser.server.requests.some((r) => r.method !== 'GET' && r.path.startsWith('/oauth2/v1/clients')), 'no client created');
  await page.close();
});

test('an invalid token fails with Okta\'s code and the next step; the role is then not proven', async () => {
  const { page, ui } = await filledForm({ header: `SSWS 00${'x'.repeat(40)}` });
  const { summary, lines } = await checkWithOkta(ui);
  assert.match(lines['API token'], /^Failed — API token: Okta refused the token \(E0000011\).*expired \(unused for 30 days\).*Security > API > Tokens/);
  assert.match(lines['Role to register apps'], /^Warning/);
  assert.match(lines['Introspection client'], /^Passed/);
  assert.match(summary, /1 failed/);
  await page.close();
});

test('a token whose admin may not register apps fails the role check and names the roles', async () => {
  const { page, ui } = await filledForm({ header: `SSWS ${READ_ONLY_TOKEN}` });
  const { lines } = await checkWithOkta(ui);
  assert.match(lines['API token'], /^Passed/);
  assert.match(lines['Role to register apps'], /^Failed — .*\(E0000006\).*Super Administrator, API Access Management Administrator, or Application Administrator/);
  await page.close();
});

test('a wrong introspection secret fails; without a header only the client is checked', async () => {
  const { page, ui } = await filledForm({ header: '', secret: `${CLIENT_SECRET.slice(0, -1)}X` });
  await until(async () => !(await ui.isDisabled('Check with Okta')), 'Client ID + Secret enable it too');
  const { lines } = await checkWithOkta(ui);
  assert.match(lines['Introspection client'], /^Failed — Introspection client: Okta refused the client \(invalid_client\)/);
  assert.match(lines['API token'], /^Warning — API token: not checked: the Authorization Header is empty/);
  await page.close();
});

test('a custom server in an org without API Access Management: said so, and the org server offered', async () => {
  const { page, ui } = await openForm();
  await page.getByLabel('Issuer').fill('https://dev-noaam.okta.com/oauth2/default');
  await page.getByLabel('Authorization Header').fill(`SSWS ${API_TOKEN}`);
  const { lines } = await checkWithOkta(ui);
  assert.match(lines['OpenID configuration'], /^Failed — .*no API Access Management.*Issuer https:\/\/dev-noaam\.okta\.com$/);
  assert.match(lines['URLs in the form'], /^Warning/);
  await page.close();
});

test('network failure, an answer that is not JSON, and a timeout each get their own line; no secret follows', async () => {
  const cases = [
    ['https://dev-down.okta.com/oauth2/default', /could not reach Okta/],
    ['https://dev-html.okta.com/oauth2/default', /is not JSON/],
    ['https://dev-slow.okta.com/oauth2/default', /did not answer in time \(8 s per request, 9 s for the whole check\)/],
  ];
  for (const [issuer, cause] of cases) {
    const { page, ui } = await openForm();
    await page.getByLabel('Issuer').fill(issuer);
    await page.getByLabel('Authorization Header').fill(`SSWS ${API_TOKEN}`);
    const { lines } = await checkWithOkta(ui);
    const host = new URL(issuer).host;
    assert.ok(requestsTo(host).every((r) => r.path.includes('/.well-known/') && !r.authorized), `only discovery reached ${host}`);
    assert.match(lines['OpenID configuration'], new RegExp(`^Failed — OpenID configuration: .*${cause.source}`));
    assert.match(lines['API token'], /^Warning — API token: not checked: .*nothing secret was sent/);
    await page.close();
  }
});

test('a second round that does not answer in time still gets its line within the worker\'s limit', async () => {
  const { page, ui } = await filledForm({ header: `SSWS ${SLOW_TOKEN}` });
  const started = Date.now();
  const { lines } = await checkWithOkta(ui);
  assert.match(lines['API token'], /^Failed — API token: Okta did not answer in time/);
  assert.match(lines['Introspection client'], /^Passed/);
  assert.ok(Date.now() - started < 10000, 'answered before the worker gives up on the call');
  await page.close();
});

test('an Issuer outside Okta is not checked at all', async () => {
  const { page, ui } = await openForm();
  await page.getByLabel('Issuer').fill('https://collector.example.com/oauth2/default');
  await page.getByLabel('Authorization Header').fill(`SSWS ${API_TOKEN}`);
  await ui.click('Check with Okta');
  await ui.waitForStatus('Cannot check this Issuer');
  assert.equal(requestsTo('collector.example.com').length, 0, 'the token went nowhere');
  await page.close();
});

test('no storage area, console line or page text holds the token or the secret after checks', async () => {
  const { page, ui } = await filledForm();
  await checkWithOkta(ui);
  const stored = await browser.worker.evaluate(async () => JSON.stringify(await Promise.all(
    ['local', 'sync', 'session'].map((area) => chrome.storage[area].get(null)),
  )));
  assert.match(stored, /checkProof/, `the proof is stored: ${stored}`);
  assert.ok(consoleLines.includes('probe: worker console') && consoleLines.includes('probe: page console'), 'console lines are captured');
  for (const secret of [API_TOKEN, CLIENT_SECRET, READ_ONLY_TOKEN]) {
    assert.ok(!stored.includes(secret.slice(2)), 'not in storage');
    assert.ok(!consoleLines.some((line) => line.includes(secret.slice(2))), 'not in any console line');
    assert.ok(!(await ui.textOf(PRODUCT, 'group')).includes(secret.slice(2)), 'not in the result');
  }
  await page.close();
});

for (const [code, cause] of [['401', /Okta refused the Authorization Header \(401\)/], ['403', /may not register OpenID Connect apps \(403\)/],
  ['400', /invalid_client_metadata.*Authorization Code grant/], ['timeout', /did not answer within the Client Request Timeout/]]) {
  test(`after Create, Anypoint's "${code}" error about the OpenID provider gets its likely cause beside it`, async () => {
    const { page, ui } = await filledForm({ search: `?providerError=${code}` });
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('alert').waitFor();
    const explanation = await ui.waitForStatus('Likely cause');
    assert.match(explanation, cause);
    // Beside the error: the explanation's host follows the alert.
    assert.equal(await page.getByRole('alert').evaluate((alert) => alert.nextElementSibling?.dataset.assist), 'error-explanation');
    await page.close();
  });
}

test('the popup\'s setup checklist links into the admin\'s org and marks what the check proved', async () => {
  const { page, ui } = await filledForm({ header: `SSWS ${READ_ONLY_TOKEN}` });
  await checkWithOkta(ui);
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${new URL(browser.worker.url()).host}/popup/popup.html`);
  const list = popup.getByRole('list').filter({ has: popup.getByText('API token for the Authorization Header') });
  await list.getByRole('listitem').first().waitFor();
  const steps = list.getByRole('listitem');
  assert.equal(await steps.count(), 6);
  assert.equal(await list.getByRole('link', { name: 'API tokens in Okta' }).getAttribute('href'), 'https://dev-12345678-admin.okta.com/admin/access/api/tokens');
  assert.equal(await list.getByRole('link', { name: 'Applications in Okta' }).getAttribute('href'), 'https://dev-12345678-admin.okta.com/admin/apps/active');
  // Discovery, form URLs and the introspection client passed; the token's role did not: step 2 stays open.
  const proved = await steps.evaluateAll((items) => items.map((item) => item.dataset.proved));
  assert.deepEqual(proved, ['true', 'false', 'true', 'true', 'false', 'false']);
  await steps.nth(0).getByText(/Proved by Check with Okta, just now\./).waitFor();
  await popup.close();
  await page.close();
});

test('a page that swaps the Issuer under the admin\'s click neither steers the checklist\'s links nor changes its marks', async () => {
  const popupUrl = `chrome-extension://${new URL(browser.worker.url()).host}/popup/popup.html`;
  /** The checklist as the popup shows it: the token step's link, and which steps are marked proved. */
  async function checklistNow() {
    const popup = await browser.context.newPage();
    await popup.goto(popupUrl);
    const list = popup.getByRole('list').filter({ has: popup.getByText('API token for the Authorization Header') });
    await list.getByRole('listitem').first().waitFor();
    const link = await list.getByRole('link', { name: 'API tokens in Okta' }).getAttribute('href');
    const proved = await list.getByRole('listitem').evaluateAll((items) => items.map((item) => item.dataset.proved));
    await popup.close();
    return { link, proved };
  }
  // Start from a check of the kept issuer that proved some steps and not others, so that a check of another org
  // could both mark a step and erase a mark.
  const own = await filledForm({ header: `SSWS ${READ_ONLY_TOKEN}` });
  await checkWithOkta(own.ui);
  await own.page.close();
  const before = await checklistNow();
  assert.equal(before.link, 'https://dev-12345678-admin.okta.com/admin/access/api/tokens');
  assert.deepEqual(before.proved, ['true', 'false', 'true', 'true', 'false', 'false']);
  const { page, ui } = await filledForm({ header: `SSWS ${READ_ONLY_TOKEN}` });
  // The attacker's page: in a capture-phase listener, another org's issuer for the length of the click.
  await page.evaluate(() => {
    const issuer = document.querySelector('#issuer');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    addEventListener('pointerdown', () => {
      const own = issuer.value;
      setValue.call(issuer, 'https://acme.okta.com');
      issuer.dispatchEvent(new Event('input', { bubbles: true }));
      setTimeout(() => { setValue.call(issuer, own); issuer.dispatchEvent(new Event('input', { bubbles: true })); }, 1000);
    }, true);
  });
  const { summary } = await checkWithOkta(ui);
  assert.match(summary, /acme/, 'the check ran against the org the page chose');
  // Links from the kept values only; the check of another issuer neither marks a step nor erases a mark.
  assert.deepEqual(await checklistNow(), before);
  await page.close();
});

test('in Exchange, the error about the OpenID provider after "Request access" gets its likely cause beside it', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://anypoint.mulesoft.com/practice/exchange');
  const world = await contentScriptWorld(page);
  await until(async () => world.evaluate('performance.now() - watch.lastMoveAt > SOON_MS'), 'the watch to slow down (no form here)');
  await page.getByRole('button', { name: 'Request access' }).click(); // the error comes 4 s later
  await page.getByRole('alert').waitFor();
  const explanation = await assistUi(page).waitForStatus('Likely cause');
  assert.match(explanation, /invalid_client_metadata.*Authorization Code grant/);
  assert.equal(await page.getByRole('alert').evaluate((alert) => alert.nextElementSibling?.dataset.assist), 'error-explanation');
  await page.close();
});
