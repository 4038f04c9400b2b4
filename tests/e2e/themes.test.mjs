// Light and dark, and 200% zoom: the popup and the web page follow the system's colour scheme and pass axe-core
// (npm) with no violation in both; the UI inside Anypoint's page follows that page's own background (a dark
// console gets the dark palette whatever the system says), with WCAG AA contrast for its words and the hint
// lines; at 200% zoom nothing is wider than the window.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launch, formPage, openClientProviderForm, until, METADATA_URL, CUSTOM_DEFAULT } from '../support/browser.mjs';
import { contentScriptWorld } from '../support/isolated_world.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser;
let popupUrl;

before(async () => {
  browser = await launch();
  popupUrl = `chrome-extension://${new URL(browser.worker.url()).host}/popup/popup.html`;
});
after(async () => {
  await browser?.close();
});

/** axe-core's WCAG 2.x A/AA rules on the page as it is; answers the violations, each with its nodes. */
async function axeViolations(page) {
  // Evaluated through DevTools, which the pages' strict CSP does not govern (no <script> is added).
  await page.evaluate(`${AXE};0`);
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Whether anything is wider than the window: at 200% zoom, a window half as wide in CSS pixels. */
const overflowing = (page) => page.evaluate(() => [...document.querySelectorAll('body *')]
  .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .map((element) => element.id || element.localName));

for (const scheme of ['light', 'dark']) {
  test(`the popup in ${scheme}: no axe violation, and at 200% zoom nothing wider than the window`, async () => {
    const popup = await browser.context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.goto(popupUrl);
    // With something to show: a checked document's panel and the checklist.
    await popup.getByLabel('Okta org, issuer or Metadata URI').fill(METADATA_URL);
    await popup.getByRole('button', { name: 'Check' }).click();
    await popup.getByText(CUSTOM_DEFAULT.token_endpoint, { exact: true }).waitFor();
    const background = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, scheme === 'dark' ? 'rgb(21, 23, 28)' : 'rgb(255, 255, 255)', 'the scheme is followed');
    assert.deepEqual(await axeViolations(popup), []);
    // The popup's natural width is 560 px; at 200% zoom a browser's 800 px popup holds 400 CSS px.
    await popup.setViewportSize({ width: 400, height: 600 });
    assert.deepEqual(await overflowing(popup), [], 'nothing clipped at 200% zoom');
    await popup.close();
  });

  test(`the web page in ${scheme}: no axe violation, and at 200% zoom nothing wider than the window`, async () => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('https://assist.example.com/');
    await page.getByLabel('Metadata URI (the address of the document)').fill(METADATA_URL);
    await page.getByLabel('Metadata document (JSON)').fill(JSON.stringify(CUSTOM_DEFAULT, null, 2));
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByText(/^Valid:/).waitFor();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, scheme === 'dark' ? 'rgb(21, 23, 28)' : 'rgb(247, 249, 252)', 'the scheme is followed');
    assert.deepEqual(await axeViolations(page), []);
    await page.setViewportSize({ width: 640, height: 800 }); // 1280 px at 200%
    assert.deepEqual(await overflowing(page), [], 'nothing clipped at 200% zoom');
    await page.close();
  });
}

/** WCAG's contrast ratio of two computed `rgb(…)` colours. */
function contrast(a, b) {
  const luminance = (rgb) => {
    const [r, g, bl] = rgb.match(/[\d.]+/g).slice(0, 3).map((c) => {
      const v = Number(c) / 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The bar's colours and a hint line's, read where the extension holds them (the content script's world). */
async function barColours(page) {
  const control = page.getByLabel('Token URL');
  await control.fill('http://dev-12345678.okta.com/oauth2/default/v1/token');
  await control.blur();
  const world = await contentScriptWorld(page);
  return world.evaluate(`(() => {
    const card = attached.bar.fill.closest('.card');
    const hint = document.querySelector('okta-anypoint-assist-hint [data-severity]');
    const pageBackground = (element) => {
      for (let node = element; node; node = node.parentElement) {
        const colour = getComputedStyle(node).backgroundColor;
        if (!/rgba\\(.*, 0\\)$/.test(colour) && colour !== 'transparent') return colour;
      }
      return 'rgb(255, 255, 255)';
    };
    return {
      card: getComputedStyle(card).backgroundColor,
      words: getComputedStyle(attached.bar.source).color,
      fill: [getComputedStyle(attached.bar.fill).color, getComputedStyle(attached.bar.fill).backgroundColor],
      compare: getComputedStyle(attached.bar.compare).color,
      hint: hint && [getComputedStyle(hint).color, pageBackground(hint)],
    };
  })()`);
}

test('the bar and the hint lines follow the console\'s own background: dark on a dark page, light on a light one', async () => {
  const darkConsole = async (page) => {
    await page.goto('https://anypoint.mulesoft.com/accounts/client-providers');
    // The console's own dark theme (through the CSSOM, which the page's CSP allows), before the form appears.
    await page.evaluate(() => {
      for (const element of [document.body, document.querySelector('main')]) {
        element.style.background = '#121212';
        element.style.color = '#eee';
      }
    });
    await page.getByRole('button', { name: 'Add Client Provider' }).click();
    await page.getByRole('menuitem', { name: 'OpenID Connect Dynamic Client Registration' }).click();
    await page.getByText('Settings loaded.').waitFor();
  };
  for (const [open, dark] of [[openClientProviderForm, false], [darkConsole, true]]) {
    const { page } = await formPage(browser.context, open);
    await page.emulateMedia({ colorScheme: dark ? 'light' : 'dark' }); // the system's setting is not what counts
    const colours = await barColours(page);
    const cardLuminance = contrast(colours.card, 'rgb(0, 0, 0)');
    assert.equal(cardLuminance < 3, dark, `${dark ? 'dark' : 'light'} card: ${colours.card}`);
    for (const [what, fg, bg] of [['source', colours.words, colours.card], ['fill', ...colours.fill], ['compare', colours.compare, colours.card]]) {
      assert.ok(contrast(fg, bg) >= 4.5, `${what}: ${fg} on ${bg} is ${contrast(fg, bg).toFixed(2)}:1`);
    }
    assert.ok(colours.hint, 'a hint line is shown');
    assert.ok(contrast(...colours.hint) >= 4.5, `hint: ${colours.hint.join(' on ')} is ${contrast(...colours.hint).toFixed(2)}:1`);
    if (!dark) {
      // The console switches to its dark theme while the bar is there: the next change of the extension's UI
      // (here a hint) brings the dark palette.
      await page.evaluate(() => {
        for (const element of [document.body, document.querySelector('main')]) Object.assign(element.style, { background: '#121212', color: '#eee' });
      });
      await page.getByLabel('Issuer').fill('http://dev-12345678.okta.com/oauth2/default');
      await page.getByLabel('Issuer').blur();
      await until(async () => contrast((await barColours(page)).card, 'rgb(0, 0, 0)') < 3, 'the bar to follow the console into its dark theme');
    }
    await page.close();
  }
});
