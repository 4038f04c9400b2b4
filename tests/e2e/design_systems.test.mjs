// The helper on forms built from real design systems' components (bundled from their npm packages:
// www/anypoint/kits) and on light-DOM markups tied to no kit (www/anypoint/practice/design-systems.js), one of
// them as MuleSoft's React component library renders its fields.
// The form comes a moment after load and a kit's definitions later still: the bar must come without any focus
// or click of the admin's, and again when a route change renders the form anew. Fill and the SSWS prefix must
// reach the component's own `value`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, keepMetadata, submittedState, assistUi, API_TOKEN, assertOktaValues, until } from '../support/browser.mjs';

// Where each kit puts the input of a field (Playwright's CSS goes into open shadow roots).
const INDEX = { name: 1, issuer: 2, registrationUrl: 3, authorizationHeader: 4, timeout: 5, clientId: 6, clientSecret: 7, authorizeUrl: 8, tokenUrl: 9, introspectionUrl: 10 };
const KITS = {
  'anypoint-web-components': (key) => `anypoint-input[name=${key}] input`,
  'material-web': (key) => `md-outlined-text-field[name=${key}] input`,
  'labels-beside': (key) => `#beside-${INDEX[key]}`,
  table: (key) => `input[name=f${INDEX[key]}]`,
  // MuleSoft's React markup: inputs without labels of their own, in components that carry a data-test-id.
  'anypoint-react': (key) => `[data-test-id=${key}] input`,
};
let browser;

before(async () => {
  browser = await launch();
  await keepMetadata(browser.context);
});
after(async () => {
  await browser?.close();
});

// The page as the admin opens it, and the bar as it comes with nobody touching the page.
async function open(kit) {
  const page = await browser.context.newPage();
  await page.goto(`https://anypoint.mulesoft.com/practice/kit/${kit}`);
  const ui = assistUi(page);
  await ui.waitFor('Fill from Okta');
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true, 'nothing was focused');
  return { page, ui };
}

for (const [kit, input] of Object.entries(KITS)) {
  test(`${kit}: the bar comes by itself, and Fill from Okta reaches the component's own value`, async () => {
    const { page, ui } = await open(kit);
    if (kit in { 'anypoint-web-components': 1, 'material-web': 1 }) {
      const upgraded = await page.evaluate(() => document.querySelectorAll(':not(:defined):not(okta-anypoint-assist, okta-anypoint-assist-hint)').length === 0);
      assert.ok(upgraded, 'the kit\'s elements were defined (after their markup arrived)');
    }
    await ui.click('Fill from Okta');
    await ui.waitForStatus('Filled 5');
    const state = await submittedState(page);
    assertOktaValues(state);
    assert.equal(state.name ?? '', '', 'a field Okta has no value for is left alone');
    if (kit === 'labels-beside') assert.match(state.touched, /issuer/, 'Angular-style "touched" on blur');
    await page.close();
  });

  test(`${kit}: hints while typing and the SSWS prefix reach the right field`, async () => {
    const { page, ui } = await open(kit);
    const tokenUrl = page.locator(input('tokenUrl'));
    await tokenUrl.pressSequentially('http://dev-12345678.okta.com/oauth2/default/v1/token');
    await ui.click('Use https://');
    await until(async () => (await tokenUrl.inputValue()).startsWith('https://'), 'the https fix');
    const header = page.locator(input('authorizationHeader'));
    await header.pressSequentially(API_TOKEN);
    await page.keyboard.press('Tab');
    await until(async () => (await header.inputValue()).startsWith('SSWS '), 'the SSWS prefix');
    const state = await submittedState(page);
    assert.equal(state.tokenUrl, 'https://dev-12345678.okta.com/oauth2/default/v1/token');
    assert.equal(state.authorizationHeader, `SSWS …(${API_TOKEN.length + 5} chars)`);
    await page.close();
  });

  test(`${kit}: a route change that renders the form anew brings the bar again, and fill still reaches the app`, async () => {
    const { page, ui } = await open(kit);
    // The app's own route change (pushState), not the admin's click: what brings the bar is the navigation.
    await page.evaluate(() => document.getElementById('show-again').click());
    await ui.waitForGone('Fill from Okta');
    await ui.waitFor('Fill from Okta');
    assert.match(page.url(), /\/again$/);
    await ui.click('Fill from Okta');
    await ui.waitForStatus('Filled 5');
    assertOktaValues(await submittedState(page));
    await page.close();
  });
}

test('a component form that comes long after load, with nothing moving before it, still gets the bar by itself', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://anypoint.mulesoft.com/practice/kit/anypoint-web-components?late'); // form at 6 s, definitions at 6.5 s
  await assistUi(page).waitFor('Fill from Okta');
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true, 'nothing was focused');
  await page.close();
});
