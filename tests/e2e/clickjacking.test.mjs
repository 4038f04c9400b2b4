// The clickjacking guard (docs/architecture.md, "Trust model"): a real mouse click on the bar's button while the
// page hides it from the admin does nothing but say why; the same click once the page stops works. Each trick
// is a page script's, applied to what the page owns: the bar's ancestors and the page's own elements.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, keepMetadata, formPage, submittedState, until } from '../support/browser.mjs';
import { contentScriptWorld } from '../support/isolated_world.mjs';

let browser;
let okta;

before(async () => {
  browser = await launch();
  okta = await keepMetadata(browser.context);
});
after(async () => {
  await browser?.close();
});

const REFUSED = 'Not done: the page covers, dims or distorts this button';

// Each trick runs in the page's world with the bar's host and the point the admin clicks; it answers how to undo.
const TRICKS = {
  'an opaque decoy with pointer-events: none over the button': ({ x, y }) => {
    const decoy = document.createElement('div');
    decoy.textContent = 'Claim your prize';
    decoy.style.cssText = `position:fixed;left:${x - 120}px;top:${y - 40}px;width:240px;height:80px;background:#fff;` +
      'pointer-events:none;z-index:2147483647;';
    document.body.append(decoy);
    return () => decoy.remove();
  },
  'an ancestor at opacity 0.01': ({ host }) => {
    host.parentElement.style.opacity = '0.01';
    return () => { host.parentElement.style.opacity = ''; };
  },
  'filter: opacity(0) on an ancestor': ({ host }) => {
    host.parentElement.style.filter = 'opacity(0)';
    return () => { host.parentElement.style.filter = ''; };
  },
  'a mask that paints nothing': ({ host }) => {
    host.parentElement.style.maskImage = 'linear-gradient(transparent, transparent)';
    return () => { host.parentElement.style.maskImage = ''; };
  },
  'a clip-path that leaves only a dot around the click': ({ host, x, y }) => {
    const box = host.parentElement.getBoundingClientRect();
    host.parentElement.style.clipPath = `circle(4px at ${x - box.left}px ${y - box.top}px)`;
    return () => { host.parentElement.style.clipPath = ''; };
  },
  'a transform that shrinks the form': ({ host }) => {
    host.parentElement.style.transform = 'scale(0.5)';
    host.parentElement.style.transformOrigin = '0 0';
    return () => { host.parentElement.style.transform = ''; };
  },
};

for (const [trick, apply] of Object.entries(TRICKS)) {
  test(`a click under ${trick} is refused and says why; without it, the same click fills`, async () => {
    const { page, ui } = await formPage(browser.context);
    // Let the bar be plainly seen first (armed), as a real page would before it springs the trick.
    const armed = await ui.center('Fill from Okta');
    await until(() => ui.isArmed('Fill from Okta'), 'the button armed');
    await page.evaluate(`window.undoTrick = (${apply})({ host: document.querySelector('okta-anypoint-assist[data-assist=anypoint-bar]'), x: ${armed.x}, y: ${armed.y} })`);
    await page.waitForTimeout(600); // the page keeps its trick in place, longer than the guard takes to notice
    const { x, y } = await ui.center('Fill from Okta');
    await page.mouse.click(x, y);
    await ui.waitForStatus(REFUSED);
    // The control: the page stops, the admin clicks again.
    await page.evaluate(() => window.undoTrick());
    assert.equal((await submittedState(page)).issuer, '', 'nothing filled under the trick');
    await ui.click('Fill from Okta');
    await ui.waitForStatus('Filled 5');
    assert.ok((await submittedState(page)).issuer.startsWith('https://'));
    await page.close();
  });
}

test('a plainly shown bar in a dialog that animates in takes the click (transform and opacity at rest)', async () => {
  const { page, ui } = await formPage(browser.context, async (p) => {
    await p.goto('https://anypoint.mulesoft.com/accounts/client-providers/new/openid-dynamic-client?dialog');
    await p.getByRole('dialog').getByText('Settings loaded.').waitFor();
  });
  const transform = await page.evaluate(() => getComputedStyle(document.querySelector('[role=dialog]')).transform);
  assert.notEqual(transform, 'none', 'the dialog keeps a transform at rest');
  await ui.click('Fill from Okta');
  await ui.waitForStatus('Filled 5');
  await page.close();
});

test('a click the moment the button appears is refused as too soon; the next one works', async () => {
  const { page, ui } = await formPage(browser.context);
  // The page shows the bar only while the admin's pointer is already on its way: hidden, then shown at once.
  await ui.center('Fill from Okta');
  await page.evaluate(() => { document.querySelector('okta-anypoint-assist[data-assist=anypoint-bar]').parentElement.style.opacity = '0.01'; });
  await until(async () => !(await ui.isArmed('Fill from Okta')), 'the button disarmed');
  await page.evaluate(() => { document.querySelector('okta-anypoint-assist[data-assist=anypoint-bar]').parentElement.style.opacity = ''; });
  // The moment the observer reports it visible again, not yet armed: the click comes then.
  const world = await contentScriptWorld(page);
  await until(() => world.evaluate('seen.has(attached.bar.fill) && !("seen" in attached.bar.fill.dataset)'), 'seen, not yet armed');
  const { x, y } = await ui.center('Fill from Okta');
  await page.mouse.click(x, y);
  await ui.waitForStatus('Not done: this button had only just appeared');
  assert.equal((await submittedState(page)).issuer, '');
  await ui.click('Fill from Okta');
  await ui.waitForStatus('Filled 5');
  await page.close();
});

// A click at once on the button where the page just moved it is refused as too soon; the control: left where it
// is now, the same click fills.
async function refusedAsMovedThenFills(page, ui) {
  const { x, y } = await ui.center('Fill from Okta');
  await page.mouse.click(x, y);
  await ui.waitForStatus('Not done: this button had only just appeared');
  assert.equal((await submittedState(page)).issuer, '', 'nothing filled');
  await ui.click('Fill from Okta');
  await ui.waitForStatus('Filled 5');
  await page.close();
}

test('a button the page moves under the pointer counts only once seen there; the next click works', async () => {
  const { page, ui } = await formPage(browser.context);
  await until(() => ui.isArmed('Fill from Okta'), 'the button armed');
  // The page slides the bar down, under where the admin is about to click something of its own.
  await page.evaluate(() => { document.querySelector('okta-anypoint-assist[data-assist=anypoint-bar]').style.setProperty('margin-top', '0'); document.querySelector('okta-anypoint-assist[data-assist=anypoint-bar]').parentElement.style.paddingTop = '140px'; });
  await refusedAsMovedThenFills(page, ui);
});

test('a button the page scrolls under the resting pointer counts only once seen there; the next click works', async () => {
  const { page, ui } = await formPage(browser.context);
  // Room to scroll the window, below the form (the bar does not move on the page).
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('div'), { style: 'height: 3000px' })));
  await ui.center('Fill from Okta');
  await until(() => ui.isArmed('Fill from Okta'), 'the button armed');
  // The admin's pointer rests on the page's own link; the page scrolls the window to bring the button under it.
  await page.evaluate(() => scrollBy(0, 60));
  await refusedAsMovedThenFills(page, ui);
});

test('a key press on a button that a pointer press focused under a cover is refused; moved to with Tab, it fills', async () => {
  const { page, ui } = await formPage(browser.context);
  await until(() => ui.isArmed('Fill from Okta'), 'the button armed');
  const { x, y } = await ui.center('Fill from Okta');
  await page.evaluate(TRICKS['an opaque decoy with pointer-events: none over the button'].toString().replace(/^\(\{ x, y \}\) =>/, `window.undoTrick = (({ x, y }) =>`) + `)({ x: ${x}, y: ${y} })`);
  await page.waitForTimeout(600);
  await page.mouse.click(x, y); // refused, but the press focused the button
  await ui.waitForStatus(REFUSED);
  assert.equal(await ui.focusedButton(), 'Fill from Okta', 'the pointer press focused it');
  // The cover goes and the button is plainly visible again, but its focus is still the pointer's: a key press
  // there is refused by the keyboard rule alone.
  await page.evaluate(() => window.undoTrick());
  const world = await contentScriptWorld(page);
  await until(() => world.evaluate('seen.has(attached.bar.fill)'), 'visible again, focus still the pointer\'s');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500); // a fill takes a few milliseconds: its absence, several times over
  assert.ok(!(await ui.statuses()).some((line) => line.startsWith('Filled')), 'the key press did not count');
  assert.equal((await submittedState(page)).issuer, '', 'nothing in the form either');
  // The control: the admin moves to the button with the keyboard and presses Enter.
  await ui.center('Fill from Okta'); // scrolled back into view (checking the state scrolled to Create)
  await until(() => ui.isArmed('Fill from Okta'), 'the button seen again'); // as a person sees it again
  await page.getByLabel('Name', { exact: true }).focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await ui.focusedButton(), 'Fill from Okta');
  await page.keyboard.press('Enter');
  await ui.waitForStatus('Filled 5');
  await page.close();
});
