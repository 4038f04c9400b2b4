// Faults: a trap in the core never wedges the extension (docs/architecture.md, "Faults"). A test-only core
// (cargo feature trap-door, src/ext/trap_door.rs; never in a package) traps on marked requests: on the path
// answered at once, inside an async request, and between the two rounds of Check with Okta. Each time the
// caller is told at once, the next request is answered within a second by a fresh core, and the kept values
// are still there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, keepMetadata, formPage, EXTENSION_DIR, API_TOKEN, CUSTOM_DEFAULT } from '../support/browser.mjs';
import { contentScriptWorld } from '../support/isolated_world.mjs';

const TRAP_DOOR_CORE = join(EXTENSION_DIR, '..', '..', '..', 'target', 'extension-core-trap-door');
let browser;
let copy;
let popup;

before(async () => {
  copy = mkdtempSync(join(tmpdir(), 'assist-trap-door-'));
  cpSync(EXTENSION_DIR, copy, { recursive: true });
  rmSync(join(copy, 'core'), { recursive: true });
  cpSync(TRAP_DOOR_CORE, join(copy, 'core'), { recursive: true });
  browser = await launch({ extensionDir: copy });
  await (await keepMetadata(browser.context)).close();
  popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${new URL(browser.worker.url()).host}/popup/popup.html`);
});
after(async () => {
  await browser?.close();
  rmSync(copy, { recursive: true, force: true });
});

/** Ask the core from the popup; the answer and how long it took. */
async function timedAsk(request) {
  const started = Date.now();
  const answer = await popup.evaluate((r) => askCore(r), request);
  return { answer, ms: Date.now() - started };
}

/** A fresh core answers at once, with the kept values still there. */
async function assertRecovered() {
  const { answer, ms } = await timedAsk('getKept');
  assert.equal(answer.kind, 'kept', JSON.stringify(answer));
  assert.equal(answer.draft.issuer, CUSTOM_DEFAULT.issuer);
  assert.ok(ms < 1000, `answered in ${ms} ms`);
}

test('control: the same requests without a mark are answered as usual', async () => {
  const { answer } = await timedAsk({ fetchMetadata: { input: 'dev-12345678.okta.com', keep: false } });
  assert.equal(answer.kind, 'metadataReport');
  await assertRecovered();
});

test('a trap on the path answered at once (a keystroke\'s hint): told at once, a fresh core next', async () => {
  const { page } = await formPage(browser.context);
  const world = await contentScriptWorld(page);
  const hint = (value) => world.evaluate(`askCore({ fieldHints: { field: 'issuer', value: ${JSON.stringify(value)}, others: {} } })`);
  assert.equal((await hint('http://x')).kind, 'hints', 'control');
  const started = Date.now();
  const trapped = await hint('trap-door:sync');
  assert.match(trapped.message, /The extension's core failed/);
  assert.ok(Date.now() - started < 3000, 'told at once, not after the deadline');
  await assertRecovered();
  assert.equal((await hint('http://x')).kind, 'hints', 'hints again');
  await page.close();
});

test('a trap inside an async request: told at once (not after the deadline), a fresh core next', async () => {
  const { answer, ms } = await timedAsk({ fetchMetadata: { input: 'trap-door:async', keep: false } });
  assert.match(answer.message, /The extension's core failed \(the core stopped\)/);
  assert.ok(ms < 3000, `told in ${ms} ms`);
  await assertRecovered();
  // And again: a second trap in the fresh core is recovered from the same way.
  assert.equal((await timedAsk({ fetchMetadata: { input: 'trap-door:async', keep: false } })).answer.kind, 'failure');
  await assertRecovered();
});

test('a trap in the middle of Check with Okta: the bar says so, and the next check runs in a fresh core', async () => {
  const { page, ui } = await formPage(browser.context);
  await ui.click('Fill from Okta');
  await ui.waitForStatus('Filled 5');
  const header = page.getByLabel('Authorization Header');
  await header.fill('SSWS trap-door:check');
  const clicked = Date.now();
  await ui.click('Check with Okta');
  const told = await ui.waitForStatus("The extension's core failed");
  assert.doesNotMatch(told, /no answer in time/, 'told by the trap, not by the deadline');
  assert.ok(Date.now() - clicked < 5000, 'told at once');
  await assertRecovered();
  await header.fill(`SSWS ${API_TOKEN}`);
  await ui.click('Check with Okta');
  await ui.waitForStatus('Okta org');
  await page.close();
});
