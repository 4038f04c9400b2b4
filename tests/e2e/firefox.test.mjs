// Firefox (Debian's firefox-esr, WebDriver BiDi through puppeteer-core): the Firefox build of the extension
// runs its Rust core in the background script, keeps the values and fills the React form. Its UI is pressed
// with the keyboard (see tests/support/firefox.mjs). Firefox's JSON viewer runs no content scripts on JSON
// documents, so the Okta page is shown here with the viewer off (as users who turn it off see it); with the
// viewer on, the popup is the way (firefox_popup.test.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { barOfTheForm, launchFirefox, pressWithKeyboard } from '../support/firefox.mjs';
import { readFileSync } from 'node:fs';
import { API_TOKEN, CLIENT_SECRET, METADATA_URL, CUSTOM_DEFAULT } from '../support/fixtures.mjs';

let firefox;

before(async () => {
  firefox = await launchFirefox();
});
after(async () => {
  await firefox?.close();
});

test('Firefox: metadata page → Use in Anypoint → Fill from Okta reaches React state', async () => {
  const okta = await firefox.browser.newPage();
  await okta.goto(METADATA_URL);
  await okta.waitForSelector('okta-anypoint-assist[data-assist=okta-panel]', { timeout: 15000 });
  // The panel's buttons: a Copy button per value (five), then "Use in Anypoint". The page has no other.
  await pressWithKeyboard(okta, 'pre', ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab']);

  const anypoint = await firefox.browser.newPage();
  await anypoint.goto('https://anypoint.mulesoft.com/accounts/client-providers/new/openid-dynamic-client');
  await anypoint.waitForFunction(() => document.body.textContent.includes('Settings loaded.'), { timeout: 10000 });
  await barOfTheForm(anypoint);
  // The bar's buttons, just before the form's first field: "Fill from Okta", then "Compare with Okta".
  await pressWithKeyboard(anypoint, '#name', ['Shift+Tab', 'Shift+Tab']);
  await anypoint.waitForFunction((issuer) => document.querySelector('#issuer').value === issuer, { timeout: 10000 }, CUSTOM_DEFAULT.issuer);
  await (await anypoint.waitForSelector('button[type=submit]')).click();
  const state = JSON.parse(await (await anypoint.waitForSelector('[data-testid=submitted-state]')).evaluate((e) => e.textContent));
  assert.equal(state.issuer, CUSTOM_DEFAULT.issuer);
  assert.equal(state.tokenUrl, CUSTOM_DEFAULT.token_endpoint);
  assert.equal(state.introspectionUrl, CUSTOM_DEFAULT.introspection_endpoint);
});

test('Firefox: a page script cannot press Fill from Okta', async () => {
  const anypoint = await firefox.browser.newPage();
  await anypoint.goto('https://anypoint.mulesoft.com/accounts/client-providers/new/openid-dynamic-client');
  const host = await anypoint.waitForSelector('okta-anypoint-assist[data-assist=anypoint-bar]', { timeout: 10000 });
  const seen = await host.evaluate((bar) => {
    bar.click();
    bar.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    return { shadowRoot: bar.shadowRoot === null ? 'closed' : 'open' };
  });
  assert.equal(seen.shadowRoot, 'closed');
  await new Promise((resolve) => setTimeout(resolve, 300)); // what a fill would take, several times over
  assert.equal(await anypoint.$eval('#issuer', (input) => input.value), '');
});

// Firefox has no IntersectionObserver v2: the guard reads opacity, filters, masks and transforms itself.
const FIREFOX_TRICKS = {
  'an ancestor at opacity 0.01': 'opacity: 0.01',
  'filter: opacity(0)': 'filter: opacity(0)',
  'a mask that paints nothing': 'mask-image: linear-gradient(transparent, transparent)',
  'a shrinking transform': 'transform: scale(0.5)',
};

test('Firefox: a press on Fill from Okta under each trick does nothing; without them, it fills', async () => {
  const anypoint = await firefox.browser.newPage();
  await anypoint.goto('https://anypoint.mulesoft.com/accounts/client-providers/new/openid-dynamic-client');
  const host = await barOfTheForm(anypoint);
  for (const [trick, css] of Object.entries(FIREFOX_TRICKS)) {
    await host.evaluate((bar, style) => { bar.parentElement.style.cssText = style; }, css);
    await pressWithKeyboard(anypoint, '#name', ['Shift+Tab', 'Shift+Tab']);
    await new Promise((resolve) => setTimeout(resolve, 500)); // what a fill takes, several times over
    assert.equal(await anypoint.$eval('#issuer', (input) => input.value), '', `nothing filled under ${trick}`);
  }
  // The control: the page stops, the same press fills.
  await host.evaluate((bar) => { bar.parentElement.style.cssText = ''; });
  await pressWithKeyboard(anypoint, '#name', ['Shift+Tab', 'Shift+Tab']);
  await anypoint.waitForFunction((issuer) => document.querySelector('#issuer').value === issuer, { timeout: 10000 }, CUSTOM_DEFAULT.issuer);
});

// Firefox has no IntersectionObserver v2 either to say when the button came where it is: a button the page moved
// since its first layout (a layout shift under the admin's waiting pointer) has its next mouse click refused.
test('Firefox: Fill from Okta moved under the pointer just before a click does nothing; left there, the same click fills', async () => {
  const anypoint = await firefox.browser.newPage();
  await anypoint.goto('https://anypoint.mulesoft.com/accounts/client-providers/new/openid-dynamic-client');
  const host = await barOfTheForm(anypoint);
  await new Promise((resolve) => setTimeout(resolve, 600)); // drawn where it is, long enough
  // The page pushes the bar down; the click lands on Fill from Okta where it is now (its first button: past the
  // card's margin, border and padding, 21 px from the bar's top and 15 from its left).
  await host.evaluate((bar) => bar.before(Object.assign(document.createElement('div'), { style: 'height: 48px' })));
  const point = await host.evaluate((bar) => {
    const box = bar.getBoundingClientRect();
    return { x: box.left + 30, y: box.top + 32 };
  });
  await anypoint.mouse.click(point.x, point.y);
  await new Promise((resolve) => setTimeout(resolve, 500)); // what a fill takes, several times over
  assert.equal(await anypoint.$eval('#issuer', (input) => input.value), '', 'nothing filled by the click on the moved button');
  // The control: the button stays where it is now; the same click, a moment later, fills.
  await anypoint.mouse.click(point.x, point.y);
  await anypoint.waitForFunction((issuer) => document.querySelector('#issuer').value === issuer, { timeout: 10000 }, CUSTOM_DEFAULT.issuer);
});

test('Firefox: a typed raw token gets SSWS when leaving the field', async () => {
  const page = await firefox.browser.newPage();
  await page.goto('https://anypoint.mulesoft.com/practice/plain');
  await page.waitForSelector('okta-anypoint-assist[data-assist=anypoint-bar]', { timeout: 10000 });
  await page.type('#p-header', API_TOKEN);
  await page.focus('#p-client-id');
  await page.waitForFunction((t) => document.querySelector('#p-header').value === `SSWS ${t}`, { timeout: 10000 }, API_TOKEN);
});

test('Firefox: after the console has been idle, a route change to the form still brings the helper', async () => {
  const page = await firefox.browser.newPage();
  await page.goto('https://anypoint.mulesoft.com/accounts/client-providers');
  await new Promise((resolve) => setTimeout(resolve, 5500)); // the watch slows down 5 s after a load without a form
  await (await page.waitForSelector('::-p-text(Add Client Provider)')).click();
  await (await page.waitForSelector('::-p-text(OpenID Connect Dynamic Client Registration)')).click();
  await page.waitForSelector('okta-anypoint-assist[data-assist=anypoint-bar]', { timeout: 10000 });
});

test('Firefox: Check with Okta runs its two rounds against the org, without cookies, creating nothing', async () => {
  const page = await firefox.browser.newPage();
  await page.goto('https://anypoint.mulesoft.com/accounts/client-providers/new/openid-dynamic-client');
  await page.waitForFunction(() => document.body.textContent.includes('Settings loaded.'), { timeout: 10000 });
  await page.waitForSelector('okta-anypoint-assist[data-assist=anypoint-bar]', { timeout: 10000 });
  await page.type('#issuer', CUSTOM_DEFAULT.issuer);
  await page.type('#authorizationHeader', `SSWS ${API_TOKEN}`);
  await page.type('#clientId', readFileSync(new URL('../fixtures/client-id.txt', import.meta.url), 'utf8').trim());
  await page.type('#clientSecret', CLIENT_SECRET);
  const before = firefox.server.requests.length;
  // The bar's last enabled button before the form's first field: "Check with Okta".
  await pressWithKeyboard(page, '#name', ['Shift+Tab']);
  const sent = () => firefox.server.requests.slice(before).filter((r) => r.host === 'dev-12345678.okta.com');
  const deadline = Date.now() + 10000;
  while (sent().length < 5 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.deepEqual(sent().map((r) => `${r.method} ${r.path}`).sort(), [
    'GET /api/v1/users/me',
    'GET /oauth2/default/.well-known/oauth-authorization-server',
    'GET /oauth2/default/.well-known/openid-configuration',
    'GET /oauth2/v1/clients',
    'POST /oauth2/default/v1/introspect',
  ]);
  assert.ok(sent().every((r) => r.cookie === null), 'no cookie');
});

// The design systems' own components (www/anypoint/kits), rendered after load and upgraded late: the bar comes
// without any focus or click, and the SSWS prefix reaches the component's own value.
for (const [kit, tag] of [['anypoint-web-components', 'anypoint-input'], ['material-web', 'md-outlined-text-field']]) {
  test(`Firefox: ${kit}: the bar comes by itself, and the SSWS prefix reaches the component's value`, async () => {
    const page = await firefox.browser.newPage();
    await page.goto(`https://anypoint.mulesoft.com/practice/kit/${kit}`);
    await page.waitForSelector('okta-anypoint-assist[data-assist=anypoint-bar]', { timeout: 10000 });
    assert.equal(await page.evaluate(() => document.activeElement === document.body), true, 'nothing was focused');
    assert.equal(await page.evaluate(() => document.querySelectorAll(':not(:defined):not(okta-anypoint-assist, okta-anypoint-assist-hint)').length), 0,
      'the kit\'s elements were upgraded after their markup arrived');
    await page.type(`${tag}[name=authorizationHeader] >>> input`, API_TOKEN);
    await page.focus(`${tag}[name=clientId] >>> input`);
    await page.waitForFunction((selector, token) => document.querySelector(selector).value === `SSWS ${token}`, { timeout: 10000 },
      `${tag}[name=authorizationHeader]`, API_TOKEN);
    await page.close();
  });
}
