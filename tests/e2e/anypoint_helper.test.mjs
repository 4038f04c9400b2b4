// The helper inside the Anypoint form, on every practice markup (React, plain HTML, custom elements with inputs
// in shadow roots, a form that rebuilds its fields on every change, a modal dialog; all under a strict CSP):
// hints while typing, the SSWS fix on paste and on leaving the field, fill and undo, and no secret in any
// storage area afterwards. The helper's own UI is found as assistive technology finds it (tests/support).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, keepMetadata, formPage, openClientProviderForm, submittedState, assistUi, API_TOKEN, CLIENT_SECRET, ANYPOINT_LIST_URL, until } from '../support/browser.mjs';
import { contentScriptWorld } from '../support/isolated_world.mjs';

const PRACTICE = 'https://anypoint.mulesoft.com/practice';
const FORMS = {
  React: openClientProviderForm,
  'plain HTML': (page) => page.goto(`${PRACTICE}/plain`),
  'custom elements': (page) => page.goto(`${PRACTICE}/custom-elements`),
  're-rendered on every change': (page) => page.goto(`${PRACTICE}/rerender`),
  'React, in a dialog': async (page) => {
    await page.goto('https://anypoint.mulesoft.com/accounts/client-providers/new/openid-dynamic-client?dialog');
    await page.getByRole('dialog').getByText('Settings loaded.').waitFor();
  },
};
let browser;

before(async () => {
  browser = await launch();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://anypoint.mulesoft.com' });
});
after(async () => {
  await browser?.close();
});

const open = (how) => formPage(browser.context, how);

async function paste(page, field, text) {
  await field.focus();
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}


const invalid = (field) => until(async () => (await field.getAttribute('aria-invalid')) === 'true', 'aria-invalid="true"');
const valid = (field) => until(async () => (await field.getAttribute('aria-invalid')) === null, 'aria-invalid removed');

/** Wait until the field's hint line reads exactly `text` (the answer to its final value, not to a keystroke's). */
const hintReads = (field, text) => until(async () => (await hintOf(field)).trim() === text, `the hint "${text}"`);

/** The hint text linked to a field through aria-describedby. */
async function hintOf(field) {
  return field.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => el.getRootNode().getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

for (const [markup, how] of Object.entries(FORMS)) {
  test(`${markup}: an http:// Token URL is an error while typing, and the hint goes when fixed`, async () => {
    const { page } = await open(how);
    const tokenUrl = page.getByLabel('Token URL', { exact: true });
    const next = page.getByLabel('Token Introspection URL');
    // Distance from this field to the next one (boxes are relative to the viewport, which may scroll).
    const gap = async () => (await next.boundingBox()).y - (await tokenUrl.boundingBox()).y;
    const before = await gap();
    await tokenUrl.pressSequentially('http://dev-12345678.okta.com/oauth2/default/v1/token');
    // State, not time: the hint of the final value (a keystroke's may have had two lines, as "…/v1/" does).
    await hintReads(tokenUrl, 'Token URL must use https://; Okta serves every endpoint over https.');
    await invalid(tokenUrl);
    assert.equal(await gap(), before, 'a one-line hint does not move the form');
    await tokenUrl.fill('');
    await tokenUrl.pressSequentially('https://dev-12345678.okta.com/oauth2/default/v1/token');
    await hintReads(tokenUrl, '');
    await valid(tokenUrl);
    await page.close();
  });

  test(`${markup}: the token URL pasted into Authorize URL is named as such`, async () => {
    const { page } = await open(how);
    const authorize = page.getByLabel('Authorize URL', { exact: true });
    await paste(page, authorize, 'https://dev-12345678.okta.com/oauth2/default/v1/token');
    await invalid(authorize);
    assert.match(await hintOf(authorize), /token endpoint/);
    await page.close();
  });

  test(`${markup}: a metadata URL in Issuer and a timeout out of range get their hints and fixes`, async () => {
    const { page, ui } = await open(how);
    const issuer = page.getByLabel('Issuer', { exact: true });
    await paste(page, issuer, 'https://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration');
    await invalid(issuer);
    assert.match(await hintOf(issuer), /metadata URL/);
    await ui.click('Use the bare issuer');
    await valid(issuer);
    assert.equal(await issuer.inputValue(), 'https://dev-12345678.okta.com/oauth2/default');
    const timeout = page.getByLabel('Client Request Timeout');
    await timeout.fill('');
    await timeout.pressSequentially('30');
    await hintReads(timeout, 'Anypoint accepts 5 to 20 seconds; 30 is outside.');
    await invalid(timeout);
    await ui.click('Use the nearest allowed value');
    await valid(timeout);
    assert.equal((await submittedState(page)).timeout, '20');
    await page.close();
  });

  test(`${markup}: a pasted raw token becomes "SSWS <token>" in the app state at once`, async () => {
    const { page } = await open(how);
    const header = page.getByLabel('Authorization Header');
    await paste(page, header, API_TOKEN);
    await until(async () => (await header.inputValue()) === `SSWS ${API_TOKEN}`, 'the SSWS prefix');
    assert.match(await hintOf(header), /SSWS/);
    assert.ok(!(await hintOf(header)).includes(API_TOKEN), 'the hint never shows the token');
    const state = await submittedState(page);
    assert.equal(state.authorizationHeader, `SSWS …(${API_TOKEN.length + 5} chars)`);
    await page.close();
  });

  test(`${markup}: a typed raw token gets the prefix when leaving the field; no double prefix`, async () => {
    const { page } = await open(how);
    const header = page.getByLabel('Authorization Header');
    await header.pressSequentially(`SSWS SSWS ${API_TOKEN}`);
    assert.equal(await header.inputValue(), `SSWS SSWS ${API_TOKEN}`, 'typing is not interrupted');
    await page.keyboard.press('Tab');
    await until(async () => (await header.inputValue()) === `SSWS ${API_TOKEN}`, 'one SSWS prefix');
    const state = await submittedState(page);
    assert.equal(state.authorizationHeader, `SSWS …(${API_TOKEN.length + 5} chars)`);
    await page.close();
  });

  test(`${markup}: Fill from Okta reaches the form's state and Undo fill restores it`, async () => {
    const okta = await keepMetadata(browser.context);
    const { page, ui } = await open(how);
    await ui.click('Fill from Okta');
    await ui.waitForStatus('Filled 5');
    await ui.click('Undo fill');
    await ui.waitForGone('Undo fill');
    let state = await submittedState(page);
    for (const key of ['issuer', 'registrationUrl', 'authorizeUrl', 'tokenUrl', 'introspectionUrl']) assert.equal(state[key], '', key);
    await ui.click('Fill from Okta');
    await ui.waitForStatus('Filled 5');
    state = await submittedState(page);
    assert.equal(state.tokenUrl, 'https://dev-12345678.okta.com/oauth2/default/v1/token');
    assert.equal(state.issuer, 'https://dev-12345678.okta.com/oauth2/default');
    await okta.close();
    await page.close();
  });
}

test('no storage area holds the token or the client secret after a full flow', async () => {
  const okta = await keepMetadata(browser.context);
  const { page, ui } = await open();
  await ui.click('Fill from Okta');
  await paste(page, page.getByLabel('Authorization Header'), API_TOKEN);
  await page.waitForFunction(() => document.querySelector('#authorizationHeader')?.value.startsWith('SSWS '));
  await page.getByLabel('Client Secret').pressSequentially(CLIENT_SECRET);
  await page.keyboard.press('Tab');
  await submittedState(page);
  const stored = await browser.worker.evaluate(async () => JSON.stringify(await Promise.all(
    ['local', 'sync', 'session'].map((area) => chrome.storage[area].get(null)),
  )));
  assert.ok(stored.includes('dev-12345678.okta.com'), `the kept values are there: ${stored}`);
  assert.ok(!stored.includes(API_TOKEN.slice(2)), 'no API token in storage');
  assert.ok(!stored.includes(CLIENT_SECRET), 'no client secret in storage');
  await okta.close();
  await page.close();
});

test('a value the admin typed is kept until they choose Okta\'s', async () => {
  const okta = await keepMetadata(browser.context);
  const { page, ui } = await open();
  const tokenUrl = page.getByLabel('Token URL', { exact: true });
  await tokenUrl.fill('https://typed.example.com/token');
  await ui.click('Fill from Okta');
  await ui.waitForStatus('Kept your values in Token URL');
  assert.equal(await tokenUrl.inputValue(), 'https://typed.example.com/token');
  await ui.click("Use Okta's value in Token URL");
  await ui.waitForStatus("Replaced Token URL with Okta's value.");
  assert.equal((await submittedState(page)).tokenUrl, 'https://dev-12345678.okta.com/oauth2/default/v1/token');
  await ui.click('Undo fill');
  await ui.waitForGone('Undo fill');
  assert.equal((await submittedState(page)).tokenUrl, 'https://typed.example.com/token');
  await okta.close();
  await page.close();
});

test('the keyboard command fills; the bar never takes focus; everything is reachable with Tab', async () => {
  const okta = await keepMetadata(browser.context);
  const { page, ui } = await open();
  const name = page.getByLabel('Name', { exact: true });
  await name.focus();
  // One full scan (snapshot → core → bar), as after a re-render: focus must stay where the admin put it.
  await (await contentScriptWorld(page)).evaluate('scan()');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'name');
  // Chromium delivers extension shortcuts from its window UI, which headless lacks: send what the worker's
  // onCommand handler sends, from the worker, to this tab. The manifest's binding is checked below.
  await page.bringToFront();
  await browser.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    await chrome.tabs.sendMessage(tab.id, { command: 'fillFromOkta' });
  });
  await ui.waitForStatus('Filled 5');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'name', 'filling does not move focus');
  const manifest = await browser.worker.evaluate(() => chrome.runtime.getManifest());
  assert.equal(manifest.commands['fill-from-okta'].suggested_key.default, 'Alt+Shift+F');
  // Tab from the page's first control backwards reaches the bar's button.
  await name.focus();
  await page.keyboard.press('Shift+Tab');
  const focused = await ui.focusedButton();
  assert.ok(['Fill from Okta', 'Compare with Okta', 'Undo fill'].includes(focused), `the bar's buttons are in the Tab order (got ${focused})`);
  await okta.close();
  await page.close();
});

test('"deletion and updates in IdP" without "deletion in Anypoint Platform" is an error', async () => {
  const { page } = await open();
  const idp = page.getByLabel('Enable client deletion and updates in IdP');
  await idp.check();
  await invalid(idp);
  assert.match(await hintOf(idp), /needs "Enable client deletion in Anypoint Platform"/);
  await page.close();
});

test('the helper goes when the form goes', async () => {
  const { page, ui } = await open();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Add Client Provider' }).waitFor();
  await ui.waitForGone('Fill from Okta');
  await page.close();
});

test('after the console has been idle, a route change to the form still brings the helper', async () => {
  const page = await browser.context.newPage();
  await page.goto(ANYPOINT_LIST_URL);
  const world = await contentScriptWorld(page);
  await until(async () => world.evaluate('performance.now() - watch.lastMoveAt > SOON_MS'), 'the watch to slow down (no form here)');
  await page.getByRole('button', { name: 'Add Client Provider' }).click();
  await page.getByRole('menuitem', { name: 'OpenID Connect Dynamic Client Registration' }).click();
  await assistUi(page).waitFor('Fill from Okta');
  await page.close();
});

test('a busy list pays for one batch of DOM records per look, and nothing is read per row', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${PRACTICE}/users`);
  const world = await contentScriptWorld(page);
  const counts = () => world.evaluate('({ looks: watch.looks, batches: watch.batches })');
  const before = await counts();
  const took = await page.evaluate(() => window.runChurn(300)); // 75 000 rows in, as many out
  const churned = await counts();
  const looks = churned.looks - before.looks;
  const batches = churned.batches - before.batches;
  assert.ok(looks > 0, 'the page was looked at while it churned');
  // Spaced out once the page shows it is busy (16, 32 ms, then polled every 250 ms in the seconds after its
  // load), not once per change: 300 rounds of churn are hundreds of batches of records had they all been taken.
  assert.ok(looks <= 6 + took / 250, `looks are spaced out on a busy page (${looks} looks in ${Math.round(took)} ms)`);
  assert.ok(batches <= looks + 1, `each batch of records disconnects the observer until the next look (${batches} batches, ${looks} looks)`);
  await page.close();
});

test('on a busy list, a click on a row does not start reading alerts for an error; a click on a button does', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${PRACTICE}/users`);
  await page.evaluate(() => window.runChurn(1)); // rows
  await page.evaluate(() => {
    const button = document.createElement('button');
    button.textContent = 'Invite users';
    document.body.append(button);
  });
  const world = await contentScriptWorld(page);
  const readingAlerts = () => world.evaluate('performance.now() < watch.readRegionsUntil');
  // A row's text, not its link: following a link is a route change.
  await page.locator('#users li span').first().click();
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(await readingAlerts(), false, 'a click on a row leaves the alerts unread');
  await page.getByRole('button', { name: 'Invite users' }).click();
  assert.equal(await readingAlerts(), true, 'a button click starts reading them (Anypoint may answer late)');
  await page.close();
});
