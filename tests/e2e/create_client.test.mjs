// "Create the introspection client in Okta": the one write into Okta, on the admin's two clicks, into the kept org
// only. The practice org (www/serve.mjs) lists its clients by a prefix search of their names, registers one as Okta
// does, gives one a new secret, and answers 400, 429 or nothing when a test asks. What the form's React state
// holds is what the practice console submits.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { launch, keepMetadata, formPage, submittedState, until, API_TOKEN } from '../support/browser.mjs';
import { readFileSync } from 'node:fs';

const ORG = 'dev-12345678.okta.com';
const READ_ONLY_TOKEN = readFileSync(new URL('../fixtures/api-token-read-only-admin.txt', import.meta.url), 'utf8').trim();
const NAME = 'Anypoint token introspection';
let browser;

before(async () => {
  browser = await launch();
  await keepMetadata(browser.context);
});
after(async () => {
  await browser?.close();
});
beforeEach(() => {
  browser.server.org.clients.length = 0;
  browser.server.org.faults.length = 0;
});

const mask = (secret) => `${secret.slice(0, 5)}…(${secret.length} chars)`;
const since = (count) => browser.server.requests.slice(count).filter((r) => !r.path.startsWith('/accounts') && !r.path.startsWith('/assets'));

// The form with the header typed, and the line beside the introspection client's fields.
async function form(header = `SSWS ${API_TOKEN}`) {
  const { page, ui } = await formPage(browser.context);
  await page.getByLabel('Authorization Header').fill(header);
  await page.getByLabel('Authorization Header').blur();
  await until(async () => !(await ui.isDisabled('Create the introspection client in Okta')), 'the button enabled');
  return { page, ui };
}

test('two clicks: the first says what will happen in which org, the second creates it and fills the form; one lookup and one POST, to the org only', async () => {
  const { page, ui } = await form();
  const before = browser.server.requests.length;
  await ui.click('Create the introspection client in Okta');
  await ui.waitForStatus(`Creates the application "${NAME}" in Okta org dev-12345678 (${ORG})`);
  const lookup = since(before).map((r) => [r.method, r.host, r.path, Object.fromEntries(new URLSearchParams(r.search))]);
  assert.deepEqual(lookup, [['GET', ORG, '/oauth2/v1/clients', { q: NAME, limit: '200' }]]);
  assert.equal(browser.server.org.clients.length, 0, 'nothing created by the first click');
  await ui.click(`Create "${NAME}"`);
  await ui.waitForStatus(`Created "${NAME}" in ${ORG}`);
  const [client] = browser.server.org.clients;
  assert.equal(client.client_name, NAME);
  assert.equal(client.token_endpoint_auth_method, 'client_secret_basic');
  const requests = since(before);
  assert.deepEqual(requests.map((r) => [r.method, r.host, r.path]), [['GET', ORG, '/oauth2/v1/clients'], ['POST', ORG, '/oauth2/v1/clients']]);
  assert.ok(requests.every((r) => r.cookie === null && r.authorized), 'no cookie; the API token each time');
  // The secret went into the Client Secret control and nowhere else: not storage, not the page's text.
  const state = await submittedState(page);
  assert.equal(state.clientId, client.client_id);
  assert.equal(state.clientSecret, mask(client.client_secret));
  const stored = await browser.worker.evaluate(async () => JSON.stringify(await chrome.storage.session.get(null)) + JSON.stringify(await chrome.storage.local.get(null)));
  assert.ok(!stored.includes(client.client_secret), 'never stored');
  // (React mirrors a controlled input's value into its attribute, as it does for what the admin types: the
  // control's own. The page's text holds it nowhere.)
  assert.ok(!(await page.evaluate(() => document.body.textContent)).includes(client.client_secret), 'not in the page beyond its own control');
  // Nor in any other control's value or any attribute (the Client Secret control's own value attribute aside).
  const elsewhere = await page.evaluate((secret) => {
    const own = document.querySelector('#clientSecret');
    const found = [];
    const walk = (root) => {
      for (const element of root.querySelectorAll('*')) {
        if (element !== own && 'value' in element && String(element.value).includes(secret)) found.push(`${element.tagName} value`);
        for (const { name, value } of element.attributes) if (value.includes(secret) && !(element === own && name === 'value')) found.push(`${element.tagName} ${name}`);
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(document);
    return found;
  }, client.client_secret);
  assert.deepEqual(elsewhere, [], 'nowhere else in the page');
  assert.ok(!(await ui.statuses()).join(' ').includes(client.client_secret), 'not on the line');
  // The checklist: done by the extension.
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${new URL(browser.worker.url()).host}/popup/popup.html`);
  await popup.locator('#checklist li').nth(2).getByText(`Done by the extension: "${NAME}" created in ${ORG}`).waitFor();
  await popup.close();
  await page.close();
});

test('a client of that exact name: a new secret for it (its cost said) or a new name; Okta\'s prefix search is filtered exactly', async () => {
  browser.server.org.clients.push(
    { client_id: '0oaOldOne', client_name: `${NAME} (old)`, client_secret: 'prefix-only-secret' },
    { client_id: '0oaExisting', client_name: NAME, client_secret: 'the-old-secret-0123456789' },
  );
  const { page, ui } = await form();
  await ui.click('Create the introspection client in Okta');
  await ui.waitForStatus(`Okta org dev-12345678 (${ORG}) already has an application named "${NAME}"`).catch(async (error) => {
    throw new Error(`${error.message}; shown: ${(await ui.statuses()).join(' | ')}`);
  });
  assert.equal(await ui.count(`Create "${NAME} 2"`), 1, 'a name that does not collide');
  const before = browser.server.requests.length;
  await ui.click('Give it a new secret (its old secret stops working at once: whatever uses it breaks)');
  await ui.waitForStatus(`Gave "${NAME}" in ${ORG} a new secret`);
  // The client read back by its id first (still the application of that name), then the one write.
  assert.deepEqual(since(before).map((r) => [r.method, r.path]), [['GET', '/oauth2/v1/clients/0oaExisting'], ['POST', '/oauth2/v1/clients/0oaExisting/lifecycle/newSecret']]);
  const rotated = browser.server.org.clients.find((c) => c.client_id === '0oaExisting').client_secret;
  assert.notEqual(rotated, 'the-old-secret-0123456789');
  const state = await submittedState(page);
  assert.deepEqual([state.clientId, state.clientSecret], ['0oaExisting', mask(rotated)]);
  await page.close();
});

test('a new secret only for the application offered: renamed in Okta since the lookup, nothing is rotated', async () => {
  browser.server.org.clients.push({ client_id: '0oaRenamed', client_name: NAME, client_secret: 'kept-secret-0123456789' });
  const { page, ui } = await form();
  await ui.click('Create the introspection client in Okta');
  await ui.waitForStatus(`already has an application named "${NAME}"`);
  browser.server.org.clients[0].client_name = 'Payroll'; // someone renamed it in Okta meanwhile
  const before = browser.server.requests.length;
  await ui.click('Give it a new secret (its old secret stops working at once: whatever uses it breaks)');
  await ui.waitForStatus(`is not the application "${NAME}", so no new secret was asked for`);
  assert.deepEqual(since(before).map((r) => [r.method, r.path]), [['GET', '/oauth2/v1/clients/0oaRenamed']], 'read back, nothing written');
  assert.equal(browser.server.org.clients[0].client_secret, 'kept-secret-0123456789');
  assert.equal(await page.getByLabel('Client Secret').inputValue(), '');
  await page.close();
});

test('the confirming click acts in the org it named: values of another org kept between the clicks, nothing is written', async () => {
  const { page, ui } = await form();
  await ui.click('Create the introspection client in Okta');
  await ui.waitForStatus(`in Okta org dev-12345678 (${ORG})`);
  const other = await keepMetadata(browser.context, 'https://acme.okta.com/.well-known/openid-configuration');
  await other.close();
  const before = browser.server.requests.length;
  try {
    await ui.click(`Create "${NAME}"`);
    await ui.waitForStatus(`you were asked about Okta org ${ORG}, but the values kept now are of acme.okta.com`);
    assert.deepEqual(since(before).filter((r) => r.host.endsWith('okta.com')), [], 'no request to either org');
  } finally {
    await (await keepMetadata(browser.context)).close(); // the org of the other tests
  }
  // The control: the org named is the org kept again, and the same confirming click creates it there.
  await ui.click('Create the introspection client in Okta');
  await ui.waitForStatus(`in Okta org dev-12345678 (${ORG})`);
  await ui.click(`Create "${NAME}"`);
  await ui.waitForStatus(`"${NAME}" in ${ORG}`);
  assert.equal(browser.server.org.clients.length, 1);
  await page.close();
});

test('each of Okta\'s refusals is explained and nothing is retried by itself; after a timeout the name is looked up again', async () => {
  // 401 and 403 at the lookup.
  for (const [header, said] of [['SSWS 00notAValidTokenAtAll0123456789abcdefgh', 'did not accept the API token (E0000011)'], [`SSWS ${READ_ONLY_TOKEN}`, 'may not register applications (E0000006)']]) {
    const { page, ui } = await form(header);
    await ui.click('Create the introspection client in Okta');
    await ui.waitForStatus(said);
    await page.close();
  }
  // 400 with Okta's description, 429, and no answer, at the POST.
  const { page, ui } = await form();
  const before = browser.server.requests.length;
  for (const [fault, said, timeout] of [[400, "Okta refused the request: 'grant_types' must contain", 10000], [429, "Okta's rate limit was reached", 10000], ['timeout', 'Okta did not answer in time', 20000]]) {
    browser.server.org.faults.push(fault);
    await ui.click('Create the introspection client in Okta');
    await ui.waitFor(`Create "${NAME}"`);
    await ui.click(`Create "${NAME}"`);
    await ui.waitForStatus(said, timeout);
  }
  const posts = since(before).filter((r) => r.method === 'POST');
  assert.equal(posts.length, 3, 'one POST per confirming click: nothing retried');
  // Each try began with a lookup of the name (after the timeout too).
  assert.deepEqual(since(before).map((r) => r.method), ['GET', 'POST', 'GET', 'POST', 'GET', 'POST']);
  assert.equal(browser.server.org.clients.length, 0);
  await page.close();
});

test('private key JWT: no SSWS header, so the button is off and the line says how to make the app by hand', async () => {
  const { page, ui } = await formPage(browser.context, (p) => p.goto('https://anypoint.mulesoft.com/practice/jwt-chosen'));
  await ui.waitForStatus('With private key JWT there is no SSWS header to create it with');
  assert.equal(await ui.isDisabled('Create the introspection client in Okta'), true);
  await page.close();
});
