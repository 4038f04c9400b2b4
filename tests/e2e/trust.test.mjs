// Trust boundaries in the real browser (docs/architecture.md, "Trust model"): forged messages from every
// context are refused; page scripts can neither read nor press the helper's buttons; only the values the core
// reads leave the page; documents that point elsewhere are shown but never kept or filled.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, assistUi, keepMetadata, formPage, submittedState, API_TOKEN, CLIENT_SECRET, CUSTOM_DEFAULT, PRODUCT } from '../support/browser.mjs';
import { contentScriptWorld } from '../support/isolated_world.mjs';

let browser;
let extensionId;

before(async () => {
  browser = await launch();
  extensionId = new URL(browser.worker.url()).host;
});
after(async () => {
  await browser?.close();
});

const PROTOCOL = 3;
const FORGED = {
  recognisePage: 'recognisePage',
  getKept: 'getKept',
  forgetKept: 'forgetKept',
  keepChecked: 'keepChecked',
  fetchMetadata: { fetchMetadata: { input: 'dev-12345678.okta.com', keep: true } },
  classifyForm: { classifyForm: { controls: [] } },
  planFill: { planFill: { values: {} } },
  fieldHints: { fieldHints: { field: 'tokenUrl', value: 'x', others: {} } },
  inspectMetadata: { inspectMetadata: { text: '{}', length: 2 } },
  keepMetadata: { keepMetadata: { text: '{}', length: 2 } },
};

/** Send each request from a context (an expression that sends one message) and collect the answers. */
async function sendAll(evaluate, names) {
  const answers = {};
  for (const name of names) {
    answers[name] = await evaluate(`chrome.runtime.sendMessage(${JSON.stringify({ v: PROTOCOL, request: FORGED[name] })})`);
  }
  return answers;
}

/** The page's content script asks the core to keep the page's own document anyway: it is judged the same way. */
async function assertForgedKeepRefused(okta) {
  const answer = await (await contentScriptWorld(okta)).evaluate(`(async () => {
    const text = document.querySelector('pre').textContent;
    return chrome.runtime.sendMessage({ v: ${PROTOCOL}, request: { keepMetadata: { text, length: text.length } } });
  })()`);
  assert.equal(answer.kind, 'metadataReport');
  assert.equal(answer.valid, false);
}

function assertRefused(answers, context) {
  for (const [name, answer] of Object.entries(answers)) {
    assert.equal(answer?.kind, 'failure', `${name} from ${context}: ${JSON.stringify(answer)}`);
    assert.match(answer.message, new RegExp(`Refused: "${name}" may not be asked from ${context}`), name);
  }
}

test('each context may ask only its own requests; the rest is refused', async () => {
  const okta = await keepMetadata(browser.context);
  const oktaWorld = await contentScriptWorld(okta);
  assertRefused(await sendAll(oktaWorld.evaluate, ['getKept', 'forgetKept', 'keepChecked', 'fetchMetadata', 'classifyForm', 'planFill', 'fieldHints']), 'an Okta page');

  const { page } = await formPage(browser.context);
  const anypointWorld = await contentScriptWorld(page);
  assertRefused(await sendAll(anypointWorld.evaluate, ['recognisePage', 'getKept', 'forgetKept', 'keepChecked', 'fetchMetadata', 'inspectMetadata', 'keepMetadata']), 'an Anypoint page');

  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup/popup.html`);
  assertRefused(await sendAll(popup.evaluate.bind(popup), ['recognisePage', 'classifyForm', 'planFill', 'fieldHints', 'inspectMetadata', 'keepMetadata']), "the extension's own pages");

  // The kept values survived every forged forget.
  const kept = await popup.evaluate(() => askCore('getKept'));
  assert.equal(kept.kind, 'kept');
  await Promise.all([okta.close(), page.close(), popup.close()]);
});

test('a content script cannot name the document it read: the URL is the one the browser reports', async () => {
  const okta = await keepMetadata(browser.context);
  const world = await contentScriptWorld(okta);
  // A complete, valid document of another org, with that org's URL written into the message: the URL is not
  // part of the protocol, so the document is judged as this page's, and refused for naming another issuer.
  const foreign = JSON.stringify({ ...CUSTOM_DEFAULT, ...Object.fromEntries(Object.entries(CUSTOM_DEFAULT)
    .filter(([, v]) => typeof v === 'string').map(([k, v]) => [k, v.replaceAll('dev-12345678.okta.com', 'attacker.okta.com')])) });
  const answer = await world.evaluate(`chrome.runtime.sendMessage({ v: ${PROTOCOL}, request: { keepMetadata: {
    url: 'https://attacker.okta.com/oauth2/default/.well-known/openid-configuration',
    text: ${JSON.stringify(foreign)}, length: ${foreign.length} } } })`);
  assert.equal(answer.kind, 'metadataReport', JSON.stringify(answer).slice(0, 300));
  assert.equal(answer.valid, false);
  assert.ok(answer.problems.some((p) => p.code === 'issuerMismatch'), JSON.stringify(answer.problems));
  // What was kept is still this org's.
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup/popup.html`);
  const kept = await popup.evaluate(() => askCore('getKept'));
  assert.equal(kept.draft.issuer, CUSTOM_DEFAULT.issuer);
  await Promise.all([okta.close(), popup.close()]);
});

test('a page script has no way to message the extension', async () => {
  const { page } = await formPage(browser.context);
  // No externally_connectable in the manifest: the page's world has no runtime to send with at all.
  assert.equal(await page.evaluate(() => typeof globalThis.chrome?.runtime?.sendMessage), 'undefined');
  const manifest = await browser.worker.evaluate(() => chrome.runtime.getManifest());
  assert.equal(manifest.externally_connectable, undefined);
  await page.close();
});

test("a page script can neither read nor press the helper's buttons", async () => {
  const okta = await keepMetadata(browser.context);
  const { page, ui } = await formPage(browser.context);
  const tokenUrl = page.getByLabel('Token URL', { exact: true });
  await tokenUrl.pressSequentially('http://dev-12345678.okta.com/oauth2/default/v1/token');
  await ui.waitFor('Use https://');
  const seen = await page.evaluate(async () => {
    const hosts = [...document.querySelectorAll('okta-anypoint-assist')];
    const report = { hosts: hosts.length, shadowRoots: hosts.filter((h) => h.shadowRoot !== null).length };
    for (const host of hosts) {
      host.click();
      host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      const box = host.getBoundingClientRect();
      for (let x = box.left + 2; x < box.right; x += 20) {
        document.elementFromPoint(x, box.top + box.height / 2)?.click();
      }
      // Hiding the bar under the admin's pointer: put back at once.
      host.style.opacity = '0';
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    report.opacity = hosts.map((h) => getComputedStyle(h).opacity);
    return report;
  });
  assert.ok(seen.hosts >= 2, 'the bar and a fix button exist in the page');
  assert.equal(seen.shadowRoots, 0, 'their shadow roots are closed');
  assert.ok(seen.opacity.every((o) => o === '1'), `restyled hosts are put back: ${seen.opacity}`);
  // Even code that holds the buttons themselves (here: the content script's own world, which the page does not
  // have) cannot press them with untrusted events: the handlers look at isTrusted, not at who found them.
  const world = await contentScriptWorld(page);
  await world.evaluate(`(async () => {
    attached.bar.fill.click();
    attached.bar.fill.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    const control = [...attached.fields].find(([, field]) => field === 'tokenUrl')[0];
    control.dispatchEvent(new Event('paste', { bubbles: true }));
    control.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 300));
  })()`);
  // The admin's own click still works.
  await ui.click('Fill from Okta');
  await ui.waitForStatus('Kept your values in Token URL');
  await Promise.all([okta.close(), page.close()]);
});

test('only what the core reads leaves the page: no values in scans, secrets only in their own hint request', async () => {
  const okta = await keepMetadata(browser.context);
  const { page, ui } = await formPage(browser.context);
  const world = await contentScriptWorld(page);
  await world.evaluate(`(() => {
    const send = chrome.runtime.sendMessage.bind(chrome.runtime);
    globalThis.sentToCore = [];
    chrome.runtime.sendMessage = (message) => { sentToCore.push(JSON.stringify(message)); return send(message); };
  })()`);
  await page.getByLabel('Authorization Header').pressSequentially(API_TOKEN);
  await page.getByLabel('Client Secret').pressSequentially(CLIENT_SECRET);
  await page.getByLabel('Issuer', { exact: true }).pressSequentially('https://dev-12345678.okta.com/oauth2/default');
  await ui.click('Fill from Okta');
  await ui.waitForStatus('Filled');
  await world.evaluate('scan()');
  const messages = (await world.evaluate('sentToCore')).map((m) => JSON.parse(m));
  for (const message of messages.filter((m) => !m.request)) assert.deepEqual(Object.keys(message), ['wake'], 'other messages only wake the worker');
  const sent = messages.filter((m) => m.request).map((m) => m.request);
  const kinds = new Set(sent.map((r) => (typeof r === 'string' ? r : Object.keys(r)[0])));
  assert.ok(kinds.has('classifyForm') && kinds.has('planFill') && kinds.has('fieldHints'), [...kinds].join());
  for (const request of sent) {
    const text = JSON.stringify(request);
    if (request.classifyForm) assert.ok(request.classifyForm.controls.every((c) => !('value' in c)), 'a scan carries no values');
    const ownHeader = request.fieldHints?.field === 'authorizationHeader';
    const ownSecret = request.fieldHints?.field === 'introspectionClientSecret';
    if (!ownHeader) assert.ok(!text.includes(API_TOKEN.slice(2, 30)), `the token only in its own hint request: ${text.slice(0, 200)}`);
    if (!ownSecret) assert.ok(!text.includes(CLIENT_SECRET.slice(0, 30)), `the secret only in its own hint request: ${text.slice(0, 200)}`);
  }
  // Nothing the helper added to the page (hint lines, aria attributes) holds either.
  const added = await page.evaluate(() => [...document.querySelectorAll('okta-anypoint-assist-hint, [aria-describedby], [aria-invalid]')]
    .map((e) => `${e.textContent} ${e.getAttribute('aria-describedby') ?? ''}`).join(' '));
  assert.ok(!added.includes(API_TOKEN.slice(2, 30)) && !added.includes(CLIENT_SECRET.slice(0, 30)), 'no secret in what the page shows');
  await Promise.all([okta.close(), page.close()]);
});

test('a document whose registration endpoint is on another host is never kept or filled', async () => {
  const fresh = await launch();
  try {
    const okta = await fresh.context.newPage();
    await okta.goto('https://dev-87654321.okta.com/oauth2/default/.well-known/openid-configuration');
    const oktaUi = assistUi(okta);
    const panel = await oktaUi.textOf(PRODUCT, 'region');
    assert.match(panel, /"registration_endpoint" is on collector\.example\.com, not on the issuer's host/);
    assert.equal(await oktaUi.isDisabled('Use in Anypoint'), true);
    await assertForgedKeepRefused(okta);
    const { page, ui } = await formPage(fresh.context);
    await ui.click('Fill from Okta');
    await ui.waitForStatus('No Okta metadata kept yet');
    assert.equal((await submittedState(page)).registrationUrl, '');
  } finally {
    await fresh.close();
  }
});

test("a document naming another Okta org's issuer is an issuer mismatch, never kept", async () => {
  const okta = await browser.context.newPage();
  await okta.goto('https://dev-120913.okta.com/oauth2/default/.well-known/openid-configuration');
  const ui = assistUi(okta);
  assert.match(await ui.textOf(PRODUCT, 'region'), /names issuer https:\/\/attacker\.okta\.com\/oauth2\/default but was loaded from the metadata of https:\/\/dev-120913\.okta\.com\/oauth2\/default/);
  assert.equal(await ui.isDisabled('Use in Anypoint'), true);
  await assertForgedKeepRefused(okta);
  await okta.close();
});
