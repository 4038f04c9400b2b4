// Shared by the e2e tests, the demo, the screenshots and the benchmark: practice servers + Debian's Chromium
// running the built extension, with the real host names mapped to the local servers.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPracticeServer } from '../../www/serve.mjs';
import { assistUi } from './assist_ui.mjs';
import assert from 'node:assert/strict';
import { ANYPOINT_LIST_URL, CUSTOM_DEFAULT, METADATA_URL } from './fixtures.mjs';

export { assistUi } from './assist_ui.mjs';
export * from './fixtures.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = join(ROOT, 'extension', 'dist', 'chrome');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Start the practice servers and a Chromium with the extension loaded.
 * { withExtension = true, headless = true, alongside = [], extensionDir } → { context, server, worker, close }
 * `alongside`: folders of further unpacked extensions to load (the benchmark's echo-only anchor).
 * `extensionDir`: another build of the extension than extension/dist/chrome (the faults tests' trap door).
 */
export async function launch({ withExtension = true, headless = true, alongside = [], extensionDir = EXTENSION_DIR, lang = null } = {}) {
  const server = await startPracticeServer();
  const userDataDir = mkdtempSync(join(tmpdir(), 'assist-profile-'));
  // practice.example.test: the same pages on a host the extension does not run on (the benchmark's control).
  const rules = ['*.okta.com', '*.oktapreview.com', 'anypoint.mulesoft.com', '*.anypoint.mulesoft.com', '*.platform.mulesoft.com',
    'practice.example.test', 'login.acme-corp.com', '*.example.com']
    .map((host) => `MAP ${host} 127.0.0.1:${server.port}`)
    .join(', ');
  const args = [
    `--host-resolver-rules=${rules}, EXCLUDE localhost`,
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  // The browser's language, which chrome.i18n and the extension's words follow: on Linux Chromium takes it from
  // the environment (LANGUAGE), --lang elsewhere.
  if (lang) args.push(`--lang=${lang}`);
  const env = lang ? { ...process.env, LANGUAGE: lang.replace('-', '_'), LANG: `${lang.replace('-', '_')}.UTF-8` } : process.env;
  if (withExtension) {
    const dirs = [extensionDir, ...alongside].join(',');
    args.push(`--disable-extensions-except=${dirs}`, `--load-extension=${dirs}`);
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    env,
    ...(lang ? { locale: lang } : {}),
    headless,
    args,
    ignoreDefaultArgs: withExtension ? ['--disable-extensions'] : [],
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
  });
  let worker = null;
  if (withExtension) {
    const ours = (w) => w.url().endsWith('/worker.js');
    worker = context.serviceWorkers().find(ours) ??
      (await context.waitForEvent('serviceworker', { predicate: ours, timeout: 15000 }));
  }
  const close = async () => {
    await context.close();
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, server, worker, close };
}

/** Open the practice Anypoint console and navigate (client-side) to the OIDC client provider form. */
export async function openClientProviderForm(page) {
  await page.goto(ANYPOINT_LIST_URL);
  await page.getByRole('button', { name: 'Add Client Provider' }).click();
  await page.getByRole('menuitem', { name: 'OpenID Connect Dynamic Client Registration' }).click();
  await page.getByText('Settings loaded.').waitFor();
}

/** What the practice app's submit handler received: React's own state. */
export async function submittedState(page) {
  await page.getByRole('button', { name: 'Create' }).click();
  return JSON.parse(await page.getByTestId('submitted-state').textContent());
}

/** On the Okta metadata page, click "Use in Anypoint" and wait until the values are kept. Returns the page. */
export async function keepMetadata(context, url = METADATA_URL) {
  const okta = await context.newPage();
  await okta.goto(url);
  const ui = assistUi(okta);
  await ui.click('Use in Anypoint');
  await ui.waitForStatus('Kept the values');
  return okta;
}

/** A page with the client provider form opened by `open`, once the helper bar is there; with its UI. */
export async function formPage(context, open = openClientProviderForm) {
  const page = await context.newPage();
  await open(page);
  const ui = assistUi(page);
  await ui.waitFor('Fill from Okta');
  // The scan of the form as it is now is complete once its fields have their hint lines (a form that the app
  // re-mounted gets them a moment after the bar): tests that measure the layout start from there.
  await until(() => page.evaluate(() => {
    const hasHintLine = (root) => root.querySelector('okta-anypoint-assist-hint') !== null
      || [...root.querySelectorAll('*')].some((element) => element.shadowRoot && hasHintLine(element.shadowRoot));
    return hasHintLine(document) || [...document.querySelectorAll('iframe')].length > 0;
  }), 'the hint lines of the scanned form');
  return { page, ui };
}

/** The catalogue's message `key` without arguments in `lang` (extension/_locales), English where it has none. */
export function catalogueText(lang, key) {
  const read = (folder) => JSON.parse(readFileSync(resolve(ROOT, 'extension', '_locales', folder, 'messages.json'), 'utf8'));
  return (read(lang)[key] ?? read('en')[key]).message;
}

/** Poll `check` until it answers truthy (10 s unless told); `what` names it in the timeout's message. */
export async function until(check, what, timeout = 10000) {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The five URL fields of a submitted state hold the values of the sample document (tests/fixtures). */
export function assertOktaValues(state) {
  assert.equal(state.issuer, CUSTOM_DEFAULT.issuer);
  assert.equal(state.registrationUrl, CUSTOM_DEFAULT.registration_endpoint);
  assert.equal(state.authorizeUrl, CUSTOM_DEFAULT.authorization_endpoint);
  assert.equal(state.tokenUrl, CUSTOM_DEFAULT.token_endpoint);
  assert.equal(state.introspectionUrl, CUSTOM_DEFAULT.introspection_endpoint);
}
