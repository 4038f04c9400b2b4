// "Create the introspection client in Okta" in Debian's firefox-esr, pressed with the keyboard (its closed root is
// out of WebDriver's reach, Tab and Enter are the admin's own), confirmed in the extension's own window: the
// lookup and one POST, to the kept org only and without cookies, and the form's fields filled.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { barOfTheForm, extensionPage, launchFirefox, pressWithKeyboard } from '../support/firefox.mjs';
import { API_TOKEN } from '../support/fixtures.mjs';

let firefox;

before(async () => {
  firefox = await launchFirefox({ withPopup: true });
});
after(async () => {
  await firefox?.close();
});

test('Firefox: two key presses and a click in the extension\'s own window create the introspection client in the kept org; one lookup, one POST, no cookie', async () => {
  const { popup, browser, server } = firefox;
  await popup.bringToFront();
  await popup.type('#location', 'dev-12345678.okta.com');
  await popup.click('button[type=submit]');
  await popup.waitForFunction(() => document.querySelector('#report button.primary'), { timeout: 10000 });
  await popup.click('#report button.primary');
  await popup.waitForFunction(() => document.querySelector('#kept')?.textContent.includes('dev-12345678'), { timeout: 10000 });

  const page = await browser.newPage();
  await page.goto('https://anypoint.mulesoft.com/accounts/client-providers/new/openid-dynamic-client');
  await barOfTheForm(page);
  await page.type('#authorizationHeader', `SSWS ${API_TOKEN}`);
  const before = server.requests.length;
  await pressWithKeyboard(page, '#clientSecret', ['Tab'], 'create-client'); // "Create the introspection client in Okta": the lookup
  await page.waitForFunction(() => document.querySelector('okta-anypoint-assist[data-assist=create-client]'), { timeout: 10000 });
  // "Confirm in a separate window…", once the lookup's answer brought it (until then a second Tab leaves the
  // helper's line, and nothing is pressed): Firefox has no observer to say the page's copy of a confirming button
  // was plainly shown, so the confirming click is made in the extension's own window.
  for (const deadline = Date.now() + 10000; ;) {
    try {
      await pressWithKeyboard(page, '#clientSecret', ['Tab', 'Tab'], 'create-client');
      break;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  assert.deepEqual(server.requests.slice(before).filter((r) => r.method === 'POST'), [], 'nothing written before the window\'s click');
  const confirm = await extensionPage(browser, 'confirm/confirm.html');
  await confirm.waitForFunction(() => document.getElementById('message').textContent.includes('in Okta org dev-12345678 (dev-12345678.okta.com)'), { timeout: 10000 });
  await confirm.waitForSelector('#choices[data-armed] button'); // shown long enough for a press to count
  // Focused anew (as when the window comes to the front): a click at once is not counted, as a double click meant
  // for the page would not be. The control: once shown long enough, the same click creates it.
  await confirm.evaluate(() => dispatchEvent(new Event('focus')));
  await confirm.click('#choices button');
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.deepEqual(server.requests.slice(before).filter((r) => r.method === 'POST'), [], 'a click the moment the window came counts for nothing');
  await confirm.waitForSelector('#choices[data-armed] button');
  await confirm.click('#choices button'); // a real click in a page no site can cover
  await page.waitForFunction(() => document.querySelector('#clientId').value.startsWith('0oa'), { timeout: 10000 });
  const [client] = server.org.clients;
  assert.equal(await page.$eval('#clientId', (input) => input.value), client.client_id);
  assert.equal(await page.$eval('#clientSecret', (input) => input.value), client.client_secret);
  const requests = server.requests.slice(before).filter((r) => r.host.endsWith('okta.com'));
  assert.deepEqual(requests.map((r) => [r.method, r.host, r.path]), [['GET', 'dev-12345678.okta.com', '/oauth2/v1/clients'], ['POST', 'dev-12345678.okta.com', '/oauth2/v1/clients']]);
  assert.ok(requests.every((r) => r.cookie === null), 'no cookie');
});
