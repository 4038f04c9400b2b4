// Hosts the admin allows at run time, in Debian's firefox-esr (Chromium's permission prompt cannot be answered
// headless; Firefox's test preference answers it "yes" as an admin would): an Okta org's custom URL domain gets
// fetches and the metadata panel, an Anypoint Private Cloud host gets the form helper.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { barOfTheForm, launchFirefox, pressWithKeyboard } from '../support/firefox.mjs';

const CUSTOM = 'login.acme-corp.com';
const PRIVATE_CLOUD = 'anypoint.acme-corp.com';
let firefox;

before(async () => {
  firefox = await launchFirefox({
    withPopup: true,
    grantsWithoutPrompt: true,
    hosts: ['anypoint.mulesoft.com', 'dev-12345678.okta.com', CUSTOM, PRIVATE_CLOUD],
  });
});
after(async () => {
  await firefox?.close();
});

test('Firefox: a custom URL domain, allowed in the popup, gets its document loaded and the metadata panel', async () => {
  const { popup, browser } = firefox;
  await popup.bringToFront();
  await popup.type('#location', `https://${CUSTOM}/oauth2/default`);
  await popup.click('button[type=submit]');
  await popup.waitForFunction((host) => document.querySelector('#grant')?.textContent === `Allow access to ${host}`
    && !document.getElementById('grant-row').hidden, { timeout: 10000 }, CUSTOM).catch(async (error) => {
    throw new Error(`${error.message}; the popup said: ${await popup.$eval('#load-status', (s) => s.textContent)}`);
  });
  await popup.click('#grant');
  await popup.waitForFunction(() => document.querySelector('#report')?.textContent.includes('login.acme-corp.com/oauth2/default/v1/token'), { timeout: 10000 });
  const { options } = firefox;
  await options.bringToFront();
  await options.waitForFunction(() => /login\.acme-corp\.com \(Okta custom domain\)/.test(document.getElementById('domains').textContent), { timeout: 10000 });

  const page = await browser.newPage();
  await page.goto(`https://${CUSTOM}/oauth2/default/.well-known/openid-configuration`);
  await page.waitForSelector('okta-anypoint-assist[data-assist=okta-panel]', { timeout: 10000 });
  await pressWithKeyboard(page, 'pre', ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab']); // five Copy buttons, then Use in Anypoint
  await popup.bringToFront();
  await popup.evaluate(() => location.hash = String(Date.now())); // no reload over BiDi: ask the core directly
  const kept = await popup.evaluate(() => askCore('getKept'));
  assert.equal(kept.kind, 'kept');
  assert.equal(kept.draft.issuer, `https://${CUSTOM}/oauth2/default`);
});

test('Firefox: an Anypoint Private Cloud host, allowed in the options, gets the form helper', async () => {
  const { options: popup, browser } = firefox; // the allowed hosts live on the options page
  await popup.bringToFront();
  await popup.type('#private-cloud-host', PRIVATE_CLOUD);
  await popup.click('#private-cloud button[type=submit]');
  await popup.waitForFunction((host) => document.getElementById('grant-status').textContent === `Allowed ${host}.`, { timeout: 10000 }, PRIVATE_CLOUD);
  const page = await browser.newPage();
  await page.goto(`https://${PRIVATE_CLOUD}/accounts/client-providers/new/openid-dynamic-client`);
  await page.waitForFunction(() => document.body.textContent.includes('Settings loaded.'), { timeout: 10000 });
  await barOfTheForm(page);
  await pressWithKeyboard(page, '#name', ['Shift+Tab', 'Shift+Tab']);
  await page.waitForFunction(() => document.querySelector('#issuer').value === 'https://login.acme-corp.com/oauth2/default', { timeout: 10000 });
  // Removing the host takes the helper away again.
  await popup.bringToFront();
  for (const button of await popup.$$('#domains button')) {
    if ((await button.evaluate((b) => b.textContent)) === `Remove ${PRIVATE_CLOUD}`) await button.click(); // a real click
  }
  await popup.waitForFunction((host) => !document.getElementById('domains').textContent.includes(host), { timeout: 10000 }, PRIVATE_CLOUD);
  const again = await browser.newPage();
  await again.goto(`https://${PRIVATE_CLOUD}/accounts/client-providers/new/openid-dynamic-client`);
  await again.waitForFunction(() => document.body.textContent.includes('Settings loaded.'), { timeout: 10000 });
  await new Promise((resolve) => setTimeout(resolve, 500)); // what attaching took above, several times over
  assert.equal(await again.evaluate(() => document.querySelectorAll('okta-anypoint-assist').length), 0);
});
