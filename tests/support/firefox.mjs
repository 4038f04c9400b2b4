// Debian's firefox-esr with the Firefox build of the extension, driven over WebDriver BiDi (puppeteer-core),
// the real host names sent to the practice server through Firefox's own preferences.
import puppeteer from 'puppeteer-core';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPracticeServer } from '../../www/serve.mjs';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const EXTENSION_DIR = new URL('../../extension/dist/firefox', import.meta.url).pathname;

// Firefox automation cannot navigate to moz-extension:// pages. For the popup's tests, a copy of the build
// whose background script opens the popup page and the options page in tabs at start; the shipped build is
// untouched.
const PAGES = { popup: 'popup/popup.html', options: 'options/options.html' };
function buildThatOpensThePopup() {
  const dir = mkdtempSync(join(tmpdir(), 'assist-firefox-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const open = Object.values(PAGES).map((page) => `chrome.tabs.create({ url: chrome.runtime.getURL('${page}') });`).join('\n');
  appendFileSync(join(dir, 'worker.js'), `\n// Test build only: show the popup and options pages in tabs.\n${open}\n`);
  return dir;
}

/**
 * { browser, server, popup, close } with the extension installed. `jsonViewer` as Firefox users have it by
 * default; `withPopup`: the popup page opened in a tab (`popup` is that page); `grantsWithoutPrompt`: optional
 * host permissions are granted as if the admin said yes to the browser's prompt.
 */
export async function launchFirefox({ jsonViewer = false, withPopup = false, grantsWithoutPrompt = false,
  hosts = ['anypoint.mulesoft.com', 'dev-12345678.okta.com'] } = {}) {
  const server = await startPracticeServer();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    dumpio: Boolean(process.env.FIREFOX_CONSOLE),
    extraPrefsFirefox: {
      // The real host names reach the practice server: resolve them locally, send port 443 to its port.
      'network.dns.localDomains': hosts.join(','),
      'network.socket.forcePort': `443=${server.port}`,
      'devtools.jsonview.enabled': jsonViewer,
      // Firefox's own switch for tests: an optional permission asked for is granted without the prompt.
      'extensions.webextOptionalPermissionPrompts': !grantsWithoutPrompt,
      ...(process.env.FIREFOX_CONSOLE ? { 'devtools.console.stdout.content': true, 'devtools.console.stdout.chrome': true } : {}),
    },
  });
  const extensionDir = withPopup ? buildThatOpensThePopup() : EXTENSION_DIR;
  await browser.installExtension(extensionDir);
  const opened = {};
  if (withPopup) {
    const deadline = Date.now() + 10000;
    while (Object.keys(opened).length < Object.keys(PAGES).length) {
      // The tab's URL is reported late over BiDi: ask each page where it is.
      for (const page of await browser.pages()) {
        const href = await page.evaluate(() => location.href).catch(() => '');
        for (const [name, path] of Object.entries(PAGES)) if (href.endsWith(`/${path}`)) opened[name] = page;
      }
      if (Date.now() > deadline) throw new Error('the popup and options pages did not open');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  const { popup = null, options = null } = opened;
  const close = async () => {
    await browser.close();
    await server.close();
    if (withPopup) rmSync(extensionDir, { recursive: true, force: true });
  };
  return { browser, server, popup, options, close };
}

/**
 * Press a button of the extension's page-side UI as a keyboard user does: its closed shadow root is out of
 * reach of page scripts and of WebDriver's selectors, but Tab and Enter are real (trusted) key presses.
 * `from` focuses a page element next to the UI; `keys` moves from there to the button.
 */
/** The helper bar of the practice form once its settings loaded (the app renders the form anew then, and the
 *  bar of the old one stays until the next scan): the scan of the form now on the page is complete when its
 *  fields have their hint lines, made in the same task as its bar. Keyboard presses then reach that bar. */
export async function barOfTheForm(page) {
  await page.waitForFunction(() => document.body.textContent.includes('Settings loaded.'), { timeout: 10000 });
  await page.waitForSelector('form okta-anypoint-assist-hint', { timeout: 10000 });
  return page.waitForSelector('okta-anypoint-assist[data-assist=anypoint-bar]:has(+ form)', { timeout: 10000 });
}

/** The extension's page at `path` (confirm/confirm.html) once the extension opened it in a tab or window. */
export async function extensionPage(browser, path, timeout = 10000) {
  for (const deadline = Date.now() + timeout; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
    for (const page of await browser.pages()) {
      // The URL is reported late over BiDi: ask each page where it is.
      if ((await page.evaluate(() => location.pathname).catch(() => '')).endsWith(`/${path}`)) return page;
    }
  }
  throw new Error(`the extension did not open ${path}`);
}

/** From the element `from`, press `keys`; the focus must then be in the extension's UI (its host `assist`, when
 *  named: `data-assist`), where Enter presses the focused button as the admin would. */
export async function pressWithKeyboard(page, from, keys, assist = null) {
  await page.focus(from);
  for (const key of keys) {
    if (key === 'Shift+Tab') {
      await page.keyboard.down('Shift');
      await page.keyboard.press('Tab');
      await page.keyboard.up('Shift');
    } else {
      await page.keyboard.press(key);
    }
  }
  const reached = await page.evaluate(() => document.activeElement?.localName === 'okta-anypoint-assist' && document.activeElement.dataset.assist);
  if (!reached) throw new Error('the keyboard did not reach the extension\'s UI');
  if (assist && reached !== assist) throw new Error(`the keyboard reached the extension's ${reached}, not its ${assist}`);
  await page.keyboard.press('Enter');
}
