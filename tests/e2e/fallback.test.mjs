// When the form is not recognised there is still a way: the context menu "Fill with Okta value ▸ …" on any
// field, the keyboard command in a field the classifier knows by itself, and the popup's report of the form for
// a bug report. The practice console's wizard (www/anypoint/src/app.jsx) is a React form the classifier does
// not recognise; what it submits is React's own state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, keepMetadata, submittedState, assistUi, until, openClientProviderForm, CUSTOM_DEFAULT } from '../support/browser.mjs';

const WIZARD_URL = 'https://anypoint.mulesoft.com/accounts/client-providers/new/openid-wizard';
let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// The wizard, once the helper has looked at it and found no client provider form.
async function openWizard() {
  const page = await browser.context.newPage();
  await page.goto(WIZARD_URL);
  await page.getByLabel('Issuer').waitFor();
  await page.waitForTimeout(500); // a look and a scan: the bar would have come by now
  assert.equal(await assistUi(page).count('Fill from Okta'), 0, 'the classifier does not recognise this form');
  return page;
}

// What the browser's menu click does: headless Chromium shows no menu, so the worker's own handler is called
// with what the browser would pass (the item, its parent, the frame of the right-click, the tab).
async function chooseInMenu(page, field) {
  await page.bringToFront();
  await browser.worker.evaluate(async (menuItemId) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    await menuClicked({ menuItemId, parentMenuItemId: 'fill', frameId: 0 }, tab);
  }, field);
}

const noteUnder = (page, label) => page.getByLabel(label).locator('xpath=following-sibling::okta-anypoint-assist-hint[1]');

test('the context menu fills a field of an unrecognised form, only from kept values, into the app\'s state; Undo puts it back', async () => {
  // The menu and its five items exist (an item that does not cannot be updated).
  const items = await browser.worker.evaluate(async () => {
    await makeMenu();
    const ids = ['fill', 'issuer', 'clientRegistrationUrl', 'authorizeUrl', 'tokenUrl', 'tokenIntrospectionUrl'];
    return Promise.all(ids.map((id) => chrome.contextMenus.update(id, {}).then(() => id, () => `no ${id}`)));
  });
  assert.deepEqual(items, ['fill', 'issuer', 'clientRegistrationUrl', 'authorizeUrl', 'tokenUrl', 'tokenIntrospectionUrl']);
  const page = await openWizard();
  const signIn = page.getByLabel('Sign-in endpoint');
  // Nothing kept: nothing written, and where to get the values.
  await signIn.click({ button: 'right' });
  await chooseInMenu(page, 'authorizeUrl');
  await until(async () => /No Okta metadata kept yet/.test(await noteUnder(page, 'Sign-in endpoint').textContent()), 'the note');
  assert.equal(await signIn.inputValue(), '');

  const okta = await keepMetadata(browser.context);
  await signIn.fill('typed by the admin');
  await signIn.click({ button: 'right' });
  await chooseInMenu(page, 'authorizeUrl');
  await until(async () => (await signIn.inputValue()) === CUSTOM_DEFAULT.authorization_endpoint, 'the value written');
  assert.match(await noteUnder(page, 'Sign-in endpoint').textContent(), /Filled Authorize URL from Okta\./);
  // The browser's own Undo, as after typing.
  await signIn.focus();
  await page.keyboard.press('Control+Z');
  assert.equal(await signIn.inputValue(), 'typed by the admin');
  await page.keyboard.press('Control+Shift+Z');
  assert.equal(await signIn.inputValue(), CUSTOM_DEFAULT.authorization_endpoint);

  // A right-click the page made up is not the admin's: the menu's choice then writes nothing. (The admin's own
  // right-click on another field afterwards is answered in order: once it is, the first was answered too.)
  const exchange = page.getByLabel('Exchange endpoint');
  await exchange.focus();
  await exchange.evaluate((input) => input.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, composed: true })));
  await chooseInMenu(page, 'tokenUrl');
  const displayName = page.getByLabel('Display name');
  await displayName.click({ button: 'right' });
  await chooseInMenu(page, 'issuer');
  await until(async () => (await displayName.inputValue()) === CUSTOM_DEFAULT.issuer, 'the admin\'s own right-click answered');
  assert.equal(await exchange.inputValue(), '');
  // ...and the admin's own does.
  await exchange.click({ button: 'right' });
  await chooseInMenu(page, 'tokenUrl');
  await until(async () => (await exchange.inputValue()) === CUSTOM_DEFAULT.token_endpoint, 'the token URL written');

  const state = await submittedState(page);
  assert.equal(state.signIn, CUSTOM_DEFAULT.authorization_endpoint, 'React\'s state holds the value');
  assert.equal(state.exchange, CUSTOM_DEFAULT.token_endpoint);
  await okta.close();
  await page.close();
});

test('the keyboard command fills the field the admin is in by its own words when no form was recognised', async () => {
  const okta = await keepMetadata(browser.context);
  const page = await openWizard();
  const command = () => browser.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    await chrome.tabs.sendMessage(tab.id, { command: 'fillFromOkta' });
  });
  await page.getByLabel('Issuer').focus();
  await page.bringToFront();
  await command();
  await until(async () => (await page.getByLabel('Issuer').inputValue()) === CUSTOM_DEFAULT.issuer, 'the issuer written');
  // A field whose words say nothing: nothing written, and the way that remains.
  await page.getByLabel('Sign-in endpoint').focus();
  await command();
  await until(async () => /Right-click it and choose "Fill with Okta value"/.test(await noteUnder(page, 'Sign-in endpoint').textContent()), 'the note');
  assert.equal(await page.getByLabel('Sign-in endpoint').inputValue(), '');
  assert.equal((await submittedState(page)).issuer, CUSTOM_DEFAULT.issuer);
  await okta.close();
  await page.close();
});

// The popup as the browser shows it: its own window beside the tab the admin is on.
async function openPopup() {
  const opened = browser.context.waitForEvent('page');
  await browser.worker.evaluate(() => chrome.windows.create({ url: chrome.runtime.getURL('popup/popup.html'), type: 'popup', width: 420, height: 600 }));
  const popup = await opened;
  await popup.waitForLoadState();
  await popup.evaluate(() => { navigator.clipboard.writeText = async (text) => { window.copied = text; }; });
  return popup;
}

test('the popup offers a report of a form it did not recognise, shown in full before it is copied, without values', async () => {
  const page = await openWizard();
  await page.getByLabel('Display name').fill('Okta for someone@example.org');
  await page.getByLabel('Sign-in endpoint').fill('https://typed.example.org/secret-value');
  await page.bringToFront();
  const popup = await openPopup();
  const show = popup.getByRole('button', { name: 'Copy a report of this form' });
  await show.waitFor();
  assert.equal(await popup.locator('#form-report-view').isVisible(), false, 'shown before it is copied');
  await show.click();
  const report = await popup.locator('#form-report-text').inputValue();
  assert.match(report, /did not recognise Anypoint's client provider form in this page's 4 controls/);
  assert.match(report, /label: "Sign-in endpoint"/);
  assert.match(report, /readAs: Issuer/);
  // The help text beside a field is read (it may hold a label) with its data masked; typed values never are.
  assert.match(report, /nearby: "Exchange endpoint For example <url>\. Questions: <email>, org <token>\."/);
  for (const value of ['jane.doe', 'acme-corp.com', 'acme.okta.com', '00o1a2b3c4d5e6f7g8h9', 'someone@example.org', 'secret-value', 'typed.example.org']) {
    assert.ok(!report.includes(value), `${value} is not in the report`);
  }
  await popup.getByRole('button', { name: 'Copy the report' }).click();
  await popup.getByText('Report copied.').waitFor();
  assert.equal(await popup.evaluate(() => window.copied), report);
  await popup.close();

  // Control: on the recognised form the popup offers no report.
  await page.goto('https://anypoint.mulesoft.com/practice/plain');
  await assistUi(page).waitFor('Fill from Okta');
  await page.bringToFront();
  const again = await openPopup();
  await again.getByRole('heading', { name: 'Setup checklist' }).waitFor();
  await again.waitForTimeout(500);
  assert.equal(await again.locator('#form-report').isVisible(), false);
  await again.close();
  await page.close();
});

// The procedure's last step: the provider made from Okta, chosen per environment on the admin's click.
const ENVIRONMENTS_URL = 'https://anypoint.mulesoft.com/accounts/businessGroups/practice-group/environments';
const remembered = () => browser.worker.evaluate(async () => (await chrome.storage.session.get('madeProvider')).madeProvider ?? null);

async function createProvider(name) {
  const page = await browser.context.newPage();
  await openClientProviderForm(page);
  await assistUi(page).waitFor('Fill from Okta');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create' }).click();
  await until(async () => (await remembered())?.name === name, 'the name remembered at Create');
  await page.close();
}

async function openEnvironment(query = '') {
  const page = await browser.context.newPage();
  await page.goto(`${ENVIRONMENTS_URL}${query}`);
  await page.getByRole('button', { name: 'Sandbox' }).click();
  await page.getByRole('dialog').waitFor();
  return page;
}

test('in an environment\'s dialog the helper names the provider made from Okta and selects it on the admin\'s click', async () => {
  await createProvider('Okta (practice)');
  const page = await openEnvironment();
  const ui = assistUi(page);
  await ui.click('Choose "Okta (practice)"');
  await ui.waitForStatus('Chosen. Press "Update"');
  assert.equal(await page.locator('#client-provider').inputValue(), 'okta');
  // The admin presses Update: the app's own state holds the choice.
  await page.getByRole('button', { name: 'Update' }).click();
  assert.deepEqual(JSON.parse(await page.getByTestId('submitted-state').textContent()), { environment: 'Sandbox', clientProvider: 'okta' });
  // The checklist says what the page showed: seen, not proved.
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${new URL(browser.worker.url()).host}/popup/popup.html`);
  const step = popup.locator('#checklist li').nth(4);
  await step.locator('.seen').waitFor();
  assert.match(await step.locator('.seen').textContent(), /^Seen: "Okta \(practice\)" chosen for Sandbox/);
  assert.equal(await step.getAttribute('data-proved'), 'false');
  await popup.close();
  await page.close();
});

test('with two providers named after Okta, only the name given at Create chooses; without it the admin does', async () => {
  await browser.worker.evaluate(() => chrome.storage.session.remove('madeProvider'));
  let page = await openEnvironment('?providers=two-okta');
  const ui = assistUi(page);
  await ui.waitForStatus('Choose the client provider you created from Okta in this list');
  assert.equal(await ui.count('Choose "Okta (production)"') + await ui.count('Choose "Okta (test)"'), 0);
  assert.equal(await page.locator('#client-provider').inputValue(), 'anypoint', 'nothing chosen for the admin');
  await page.close();
  // Control: the same dialog, once the provider was created under its name.
  await createProvider('Okta (test)');
  page = await openEnvironment('?providers=two-okta');
  await assistUi(page).click('Choose "Okta (test)"');
  await until(async () => (await page.locator('#client-provider').inputValue()) === 'okta-test', 'the provider chosen');
  await page.close();
});
