// The whole flow, as an admin walks it, in Debian's Chromium with the built extension:
// Okta metadata page → "Use in Anypoint" → Anypoint form (React, strict CSP) → "Fill from Okta" → React state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, assistUi, keepMetadata, formPage, submittedState, assertOktaValues, METADATA_URL, CUSTOM_DEFAULT, PRODUCT, until } from '../support/browser.mjs';
import { contentScriptWorld } from '../support/isolated_world.mjs';

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
  const ui = assistUi(page);
  for (const label of ['Issuer', 'Client Registration URL', 'Authorize URL', 'Token URL', 'Token Introspection URL']) {
    await ui.waitFor(`Copy ${label}`);
  }
  const panel = await ui.textOf(PRODUCT, 'region');
  assert.ok(panel.includes(CUSTOM_DEFAULT.issuer), panel);
  assert.ok(panel.includes(CUSTOM_DEFAULT.introspection_endpoint), panel);
  await page.close();
});

test('metadata → Use in Anypoint → Fill from Okta reaches React state; the bar says where the values came from', async () => {
  const okta = await keepMetadata(browser.context);
  const { page, ui } = await formPage(browser.context);
  const bar = await ui.textOf(PRODUCT, 'group');
  assert.match(bar, /From authorization server "default" of Okta org dev-12345678, kept just now\./);
  assert.doesNotMatch(bar, /Save makes Anypoint/, 'a new provider\'s form gets no note for edit pages');
  await ui.click('Fill from Okta');
  await ui.waitForStatus('Filled 5');
  assert.doesNotMatch(await ui.textOf(PRODUCT, 'group'), /Save makes Anypoint/, 'nor once the fill has written the Issuer');

  const state = await submittedState(page);
  assertOktaValues(state);
  await okta.close();
  await page.close();
});

test('without kept metadata the helper says where to get it', async () => {
  const fresh = await launch();
  try {
    const { page, ui } = await formPage(fresh.context);
    assert.doesNotMatch(await ui.textOf(PRODUCT, 'group'), /From /, 'no source line without kept values');
    await ui.click('Fill from Okta');
    await ui.waitForStatus('No Okta metadata kept yet');
    const state = await submittedState(page);
    assert.equal(state.issuer, '');
  } finally {
    await fresh.close();
  }
});

test('issuer first: with nothing kept, the Issuer typed in the form is enough for Fill from Okta', async () => {
  const fresh = await launch();
  try {
    const { page, ui } = await formPage(fresh.context);
    const issuer = page.getByLabel('Issuer', { exact: true });
    // An Issuer on a host that is not Okta's is not loaded.
    await issuer.fill('https://login.acme-corp.com/oauth2/default');
    await ui.click('Fill from Okta');
    await ui.waitForStatus('login.acme-corp.com is not an Okta host');
    assert.equal(fresh.server.requests.filter((r) => r.host === 'login.acme-corp.com').length, 0);
    // An Okta issuer is: one click loads and fills, and keeps nothing (the page may have written that Issuer).
    await issuer.fill(CUSTOM_DEFAULT.issuer);
    await ui.click('Fill from Okta');
    await ui.waitForStatus('Loaded authorization server "default" of Okta org dev-12345678 from Okta. Filled 5');
    const state = await submittedState(page);
    assert.equal(state.tokenUrl, CUSTOM_DEFAULT.token_endpoint);
    assert.equal(state.registrationUrl, CUSTOM_DEFAULT.registration_endpoint);
    await ui.waitForText(PRODUCT, 'group', /\(dev-12345678\.okta\.com\), loaded from the Issuer in the form; not kept/);
    // The popup offers them with the org's full host; the admin's click there keeps them.
    const popup = await fresh.context.newPage();
    await popup.goto(`chrome-extension://${new URL(fresh.worker.url()).host}/popup/popup.html`);
    assert.equal((await popup.evaluate(() => askCore('getKept'))).kind, 'nothingKept', 'not kept by the fill');
    await popup.getByRole('button', { name: 'Keep the values of dev-12345678.okta.com' }).click();
    await popup.getByText('Kept the values of authorization server "default" of Okta org dev-12345678').waitFor();
    await popup.close();
    // Now kept: the next fill needs no request.
    await page.reload();
    await page.getByText('Settings loaded.').waitFor();
    await ui.waitForText(PRODUCT, 'group', /From authorization server "default" of Okta org dev-12345678, kept just now\./);
    const oktaRequests = () => fresh.server.requests.filter((r) => r.host.endsWith('.okta.com')).length;
    const before = oktaRequests();
    await ui.click('Fill from Okta');
    await ui.waitForStatus('Filled 5: Issuer');
    // With values kept, an Issuer the page (or anyone) wrote does not replace them: it is a value to confirm.
    await issuer.fill('https://acme.okta.com');
    await ui.click('Fill from Okta');
    await ui.waitForStatus('Kept your values in Issuer (they differ from Okta\'s)');
    assert.equal(oktaRequests(), before, 'nothing loaded');
  } finally {
    await fresh.close();
  }
});

test('no helper on an Anypoint page without the form', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://anypoint.mulesoft.com/accounts/client-providers');
  await page.getByRole('button', { name: 'Add Client Provider' }).waitFor();
  // A complete scan of this page (snapshot → the core's classification) decides: nothing attached.
  const attachedAfterScan = await (await contentScriptWorld(page)).evaluate('scan().then(() => attached !== null)');
  assert.equal(attachedAfterScan, false);
  assert.equal(await assistUi(page).count('Fill from Okta'), 0);
  await page.close();
});

test('the helper works when the form sits in a same-origin frame', async () => {
  const okta = await keepMetadata(browser.context);
  const { page, ui } = await formPage(browser.context, (p) => p.goto('https://anypoint.mulesoft.com/practice/framed'));
  const frame = page.frames().find((f) => f.url().endsWith('/practice/plain'));
  assert.ok(frame, 'the practice form is in a frame');
  assert.equal(await page.evaluate(() => document.querySelectorAll('okta-anypoint-assist').length), 0, 'the bar is in the frame, not the top page');
  await ui.click('Fill from Okta');
  await ui.waitForStatus('Filled 5');
  await frame.getByRole('button', { name: 'Create' }).click();
  const state = JSON.parse(await frame.getByTestId('submitted-state').textContent());
  assert.equal(state.tokenUrl, CUSTOM_DEFAULT.token_endpoint);
  const tokenUrl = frame.getByLabel('Token URL', { exact: true });
  await tokenUrl.fill('');
  await tokenUrl.pressSequentially('http://dev-12345678.okta.com/oauth2/default/v1/token');
  await ui.waitFor('Use https://');
  await Promise.all([okta.close(), page.close()]);
});

test('Okta admin console: a Metadata URI link gets "Use in Anypoint"; the API token page is never read', async () => {
  const fresh = await launch();
  try {
    const admin = await fresh.context.newPage();
    await admin.goto('https://dev-12345678-admin.okta.com/admin/oauth2/as/default');
    const adminUi = assistUi(admin);
    await adminUi.waitFor('Use in Anypoint');
    assert.equal(await adminUi.count('Use in Anypoint'), 1, 'only the link of this org gets a button');
    await adminUi.click('Use in Anypoint');
    await adminUi.waitForStatus('Kept the values of authorization server "default" of Okta org dev-12345678');
    const { page, ui } = await formPage(fresh.context);
    await ui.click('Fill from Okta');
    await ui.waitForStatus('Filled 5');
    assert.equal((await submittedState(page)).tokenUrl, CUSTOM_DEFAULT.token_endpoint);

    const tokens = await fresh.context.newPage();
    await tokens.goto('https://dev-12345678-admin.okta.com/admin/access/api/tokens');
    await tokens.locator('#new-token').waitFor();
    // No content script of the extension runs in this page at all (the manifest excludes it).
    await assert.rejects(contentScriptWorld(tokens), /no content-script world/);
    assert.equal(await tokens.evaluate(() => document.querySelectorAll('okta-anypoint-assist').length), 0);
    assert.equal(await assistUi(tokens).count('Use in Anypoint'), 0);

    // In the app itself: to the token page and back. Nothing of the token page is sent to the core (not even
    // to be refused); back on a page that may be read, links are looked at again.
    const world = await contentScriptWorld(admin);
    await world.evaluate(`(() => {
      const send = chrome.runtime.sendMessage.bind(chrome.runtime);
      globalThis.hrefsSent = [];
      chrome.runtime.sendMessage = (message) => {
        hrefsSent.push(...(message.request?.recogniseLinks?.hrefs ?? []).map((href) => location.pathname + ' ' + href));
        return send(message);
      };
    })()`);
    await admin.getByRole('link', { name: 'API Tokens' }).click();
    await admin.locator('#new-token').waitFor();
    await admin.waitForTimeout(500); // several frames of the console's own rendering
    assert.equal(await adminUi.count('Use in Anypoint'), 0);
    await admin.getByRole('link', { name: 'Authorization Servers' }).click();
    await adminUi.waitFor('Use in Anypoint');
    const sent = await world.evaluate('hrefsSent');
    assert.ok(sent.length > 0, 'links of the settings page are sent again');
    assert.deepEqual(sent.filter((line) => line.startsWith('/admin/access/api/tokens')), [], 'no link of the token page');
  } finally {
    await fresh.close();
  }
});

test('edit page: Compare with Okta names each field that differs from the live metadata, and fixes them on request', async () => {
  const { page, ui } = await formPage(browser.context, (p) => p.goto('https://anypoint.mulesoft.com/practice/edit'));
  // The form came with its Issuer: the bar says why to compare before Save (Save loads the metadata again).
  const why = /Save makes Anypoint load the Issuer's metadata again: an Issuer that is stale or unreachable fails Save\. "Compare with Okta" first\./;
  await ui.waitForText(PRODUCT, 'group', why);
  await ui.click('Compare with Okta');
  const status = await ui.waitForStatus('differ from Okta');
  assert.match(status, /^3 differ from Okta's metadata\./);
  assert.match(status, /Authorize URL: uses http/);
  assert.match(status, /Token URL: belongs to the org authorization server, not authorization server "default"/);
  assert.match(status, /Token Introspection URL: on login\.acme-corp\.com, Okta's is on dev-12345678\.okta\.com/);
  let state = await submittedState(page);
  assert.equal(state.tokenUrl, 'https://dev-12345678.okta.com/oauth2/v1/token', 'comparing changes nothing');
  await ui.click("Use Okta's values in Authorize URL, Token URL, Token Introspection URL");
  await ui.waitForStatus("Replaced Authorize URL, Token URL, Token Introspection URL with Okta's values.");
  state = await submittedState(page);
  assert.equal(state.authorizeUrl, CUSTOM_DEFAULT.authorization_endpoint);
  assert.equal(state.tokenUrl, CUSTOM_DEFAULT.token_endpoint);
  assert.equal(state.introspectionUrl, CUSTOM_DEFAULT.introspection_endpoint);
  assert.equal(state.clientSecret, '•••••…(8 chars)', 'masked secrets are left alone');
  await ui.click('Compare with Okta');
  await ui.waitForStatus("Every URL matches Okta's metadata.");
  await page.close();
});

test('private key JWT: the method choice is recognised, the header is left alone, and Okta\'s needs are said', async () => {
  const okta = await keepMetadata(browser.context);
  const { page, ui } = await formPage(browser.context, (p) => p.goto('https://anypoint.mulesoft.com/practice/jwt'));
  const header = page.getByRole('textbox', { name: 'Authorization Header' });
  // Header mode (the default): a raw token gets its prefix.
  await header.pressSequentially('00abc');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => document.querySelector('#p-header').value === 'SSWS 00abc');
  // JWT mode: what Okta needs for it, no header to fix, and a private key that is really one.
  const radio = page.getByRole('radio', { name: 'Private Key JWT' });
  await radio.check();
  await page.waitForFunction(() => document.querySelector('input[value=privateKeyJwt]')?.getAttribute('aria-describedby'));
  const hintOf = (locator) => locator.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
  await page.waitForFunction(() => document.body.textContent.includes('okta.clients.manage'));
  assert.match(await hintOf(radio), /API Services app with the scopes okta\.clients\.register, okta\.clients\.read and okta\.clients\.manage, the Application Administrator role, and DPoP off\. The app holds this key's public half/);
  await header.fill('');
  await header.pressSequentially('00def');
  await page.keyboard.press('Tab');
  await page.getByLabel('Private Key', { exact: true }).focus();
  await new Promise((resolve) => setTimeout(resolve, 300)); // what the SSWS fix took above, twice over
  assert.equal(await header.inputValue(), '00def', 'no SSWS prefix in JWT mode');
  const key = page.getByLabel('Private Key', { exact: true });
  await key.fill('-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq\n-----END PUBLIC KEY-----');
  await key.press('Space');
  await page.waitForFunction(() => document.querySelector('#p-private-key').getAttribute('aria-invalid') === 'true');
  assert.match(await hintOf(key), /This is a public key or certificate/);
  // The fill still brings the five URLs.
  // The fill in JWT mode: Okta's org URL as Issuer (KB 005315457), the kept server's other URLs, and no hint
  // that calls the two a mismatch.
  await ui.click('Fill from Okta');
  await ui.waitForStatus('Filled 5');
  const state = await submittedState(page);
  assert.equal(state.clientAuthentication, 'privateKeyJwt');
  assert.equal(state.issuer, 'https://dev-12345678.okta.com');
  assert.equal(state.tokenUrl, CUSTOM_DEFAULT.token_endpoint);
  assert.equal(await hintOf(page.getByLabel('Token URL', { exact: true })), '', 'no mismatch between the org Issuer and the server\'s URLs');
  assert.equal(state.jwtClientId, '', 'the service app\'s Client ID is the admin\'s to give');
  // Control: a custom server's issuer typed in JWT mode is an error whose fix is the org URL.
  const issuer = page.getByLabel('Issuer', { exact: true });
  await issuer.fill(CUSTOM_DEFAULT.issuer);
  await ui.click('Use the org URL');
  await until(async () => (await issuer.inputValue()) === 'https://dev-12345678.okta.com', 'the org URL');
  await Promise.all([okta.close(), page.close()]);
});

test('hints from state: a choice made and values saved before the form was found get their hints without a keystroke', async () => {
  const chosen = await browser.context.newPage();
  await chosen.goto('https://anypoint.mulesoft.com/practice/jwt-chosen');
  await chosen.waitForFunction(() => document.body.textContent.includes('okta.clients.manage'));
  const linked = await chosen.getByRole('radio', { name: 'Private Key JWT' }).evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
  assert.match(linked, /okta\.clients\.manage/, 'the hint is linked to the choice');
  // Control: with the header method chosen, the same page has no JWT guidance.
  const header = await browser.context.newPage();
  await header.goto('https://anypoint.mulesoft.com/practice/jwt');
  await assistUi(header).waitFor('Fill from Okta');
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.equal(await header.evaluate(() => document.body.textContent.includes('okta.clients.manage')), false);
  // The edit page: the saved http:// Authorize URL is an error as soon as the form is found.
  const edit = await browser.context.newPage();
  await edit.goto('https://anypoint.mulesoft.com/practice/edit');
  await edit.waitForFunction(() => document.querySelector('[name=authorizeUrl]').getAttribute('aria-invalid') === 'true');
  assert.equal(await edit.evaluate(() => document.activeElement === document.body), true, 'nothing was typed or focused');
  await Promise.all([chosen.close(), header.close(), edit.close()]);
});

test('older and odd documents: no registration endpoint gets the org-level one with a warning; too deep has its own message', async () => {
  const old = await browser.context.newPage();
  await old.goto('https://dev-2016.okta.com/.well-known/openid-configuration');
  const oldUi = assistUi(old);
  const panel = await oldUi.waitForText(PRODUCT, 'region', /no registration_endpoint/);
  assert.match(panel, /Okta's org-level https:\/\/dev-2016\.okta\.com\/oauth2\/v1\/clients is offered/);
  assert.equal(await oldUi.isDisabled('Use in Anypoint'), false, 'a warning, not a refusal');
  const deep = await browser.context.newPage();
  await deep.goto('https://dev-deep.okta.com/.well-known/openid-configuration');
  await assistUi(deep).waitForText(PRODUCT, 'region', /nests arrays or objects more than 32 levels deep/);
  await Promise.all([old.close(), deep.close()]);
});
