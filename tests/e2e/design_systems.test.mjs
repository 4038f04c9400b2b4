// The helper on forms shaped like real design systems (www/anypoint/practice/design-systems.js): a slotted
// label on a web component whose input is in its shadow root (anypoint-web-components), Angular Material's
// mat-form-field / mat-label, Lightning-style components with label and input in the shadow root, and a table
// layout. Each fill must reach the app's own model; hints and the SSWS fix work on each.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, keepMetadata, formPage, submittedState, API_TOKEN, assertOktaValues, until } from '../support/browser.mjs';

// Where each kit puts the input of a field (the tests find inputs by markup, as these kits give them no
// accessible name a locator could use; the helper itself reads what a person reads).
const KITS = {
  anypoint: (key) => `anypoint-input[name=${key}] input`,
  material: (key) => `#mat-input-${INDEX[key]}`,
  lightning: (key) => `lightning-input[name=${key}] input`,
  table: (key) => `input[name=f${INDEX[key]}]`,
};
const INDEX = { name: 1, issuer: 2, registrationUrl: 3, authorizationHeader: 4, timeout: 5, clientId: 6, clientSecret: 7, authorizeUrl: 8, tokenUrl: 9, introspectionUrl: 10 };
let browser;

before(async () => {
  browser = await launch();
  await keepMetadata(browser.context);
});
after(async () => {
  await browser?.close();
});


const open = (kit) => formPage(browser.context, (page) => page.goto(`https://anypoint.mulesoft.com/practice/kit/${kit}`));

for (const [kit, input] of Object.entries(KITS)) {
  test(`${kit}: Fill from Okta reaches the app's model`, async () => {
    const { page, ui } = await open(kit);
    await ui.click('Fill from Okta');
    await ui.waitForStatus('Filled 5');
    const state = await submittedState(page);
    assertOktaValues(state);
    assert.equal(state.name ?? '', '', 'a field Okta has no value for is left alone');
    if (kit === 'material') assert.match(state.touched, /issuer/, 'Angular-style "touched" on blur');
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
}
