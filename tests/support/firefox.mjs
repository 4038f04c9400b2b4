// Debian's firefox-esr with the Firefox build of the extension, driven over WebDriver BiDi (puppeteer-core),
// the real host names sent to the practice server through Firefox's own preferences.
import puppeteer from 'puppeteer-core';
import { startPracticeServer } from '../../www/serve.mjs';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const EXTENSION_DIR = new URL('../../extension/dist/firefox', import.meta.url).pathname;

/** { browser, server, close } with the extension installed. `jsonViewer` as Firefox users have it by default. */
export async function launchFirefox({ jsonViewer = false, hosts = ['anypoint.mulesoft.com', 'dev-12345678.okta.com'] } = {}) {
  const server = await startPracticeServer();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      // The real host names reach the practice server: resolve them locally, send port 443 to its port.
      'network.dns.localDomains': hosts.join(','),
      'network.socket.forcePort': `443=${server.port}`,
      'devtools.jsonview.enabled': jsonViewer,
    },
  });
  await browser.installExtension(EXTENSION_DIR);
  const close = async () => {
    await browser.close();
    await server.close();
  };
  return { browser, server, close };
}

/**
 * Press a button of the extension's page-side UI as a keyboard user does: its closed shadow root is out of
 * reach of page scripts and of WebDriver's selectors, but Tab and Enter are real (trusted) key presses.
 * `from` focuses a page element next to the UI; `keys` moves from there to the button.
 */
export async function pressWithKeyboard(page, from, keys) {
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
  const inAssist = await page.evaluate(() => document.activeElement?.localName === 'okta-anypoint-assist');
  if (!inAssist) throw new Error('the keyboard did not reach the extension\'s UI');
  await page.keyboard.press('Enter');
}
