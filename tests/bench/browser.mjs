// Browser figures of docs/architecture.md "Budgets", measured in Debian's Chromium with the built extension on the practice
// pages. Printed as JSON lines; tests/bench/report.mjs makes the table.
import { readFileSync } from 'node:fs';
import { launch, assistUi, keepMetadata, openClientProviderForm, API_TOKEN, CLIENT_SECRET } from '../support/browser.mjs';
import { contentScriptWorld } from '../support/isolated_world.mjs';
import { ATTEMPTS, noisy } from './noise.mjs';

// Nearest rank: the smallest sample with at least p of all samples at or below it (p95 of 20: the 19th).
const percentile = (samples, p) => [...samples].sort((a, b) => a - b)[Math.max(0, Math.ceil(samples.length * p) - 1)];
const emit = (name, unit, median, p95, budget) => console.log(JSON.stringify({ name, unit, median, p95, budget }));

// The echo-only extension beside ours: its cold start is the browser's own floor on this machine.
const ECHO_EXTENSION = new URL('./echo_extension', import.meta.url).pathname;
const browser = await launch({ alongside: [ECHO_EXTENSION] });
try {
  // Keep metadata first, as an admin would.
  await keepMetadata(browser.context);

  // Form appears → bar, timed in the page: from the form's insertion (light DOM: the React app's route) or from
  // the moment a design system's definitions arrived and its elements upgraded (the kit's script has run;
  // www/anypoint/practice/design-systems.js) to the bar's insertion.
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    window.__assistTiming = {};
    new MutationObserver(() => {
      const t = window.__assistTiming;
      if (!t.form && document.querySelector('form')) t.form = performance.now();
      if (!t.bar && document.querySelector('okta-anypoint-assist[data-assist=anypoint-bar]')) t.bar = performance.now();
    }).observe(document, { childList: true, subtree: true });
  });
  const lightDom = [];
  for (let i = 0; i < 20; i++) {
    await openClientProviderForm(page);
    await assistUi(page).waitFor('Fill from Okta');
    const t = await page.evaluate(() => window.__assistTiming);
    lightDom.push(t.bar - t.form);
  }
  emit('form appears → bar, light DOM (React route)', 'ms', percentile(lightDom, 0.5), percentile(lightDom, 0.95), 50);
  const components = [];
  for (let i = 0; i < 20; i++) {
    await page.goto(`https://anypoint.mulesoft.com/practice/kit/${i % 2 ? 'material-web' : 'anypoint-web-components'}`);
    await assistUi(page).waitFor('Fill from Okta');
    const t = await page.evaluate(() => ({ ...window.__assistTiming, usable: window.formUsableAt }));
    components.push(t.bar - t.usable);
  }
  emit('form appears → bar, web components upgraded late', 'ms', percentile(components, 0.5), percentile(components, 0.95), 150);
  await openClientProviderForm(page);
  await assistUi(page).waitFor('Fill from Okta');

  const world = await contentScriptWorld(page);
  // One hint round trip per keystroke: content script → worker (Rust) → content script.
  const hints = await world.evaluate(`(async () => {
    const samples = [];
    const typed = 'http://dev-12345678.okta.com/oauth2/default/v1/authorize';
    for (let i = 0; i < 300; i++) {
      const value = typed.slice(0, 1 + (i % typed.length));
      const start = performance.now();
      const answer = await askCore({ fieldHints: { field: 'tokenUrl', value, others: { issuer: 'https://dev-12345678.okta.com/oauth2/default' } } });
      samples.push(performance.now() - start);
      if (answer.kind !== 'hints') throw new Error(JSON.stringify(answer));
    }
    return samples.slice(30);
  })()`);
  emit('hint round trip per keystroke', 'ms', percentile(hints, 0.5), percentile(hints, 0.95), 4);
  // The same trip with a plain JS echo in the worker (no core): the transport's own cost, same run.
  const echoes = await world.evaluate(`(async () => {
    const samples = [];
    for (let i = 0; i < 300; i++) {
      const start = performance.now();
      const answer = await chrome.runtime.sendMessage({ wake: i });
      samples.push(performance.now() - start);
      if (answer.awake !== i) throw new Error('bad echo');
    }
    return samples.slice(30);
  })()`);
  const ratio = percentile(hints, 0.5) / percentile(echoes, 0.5);
  console.log(JSON.stringify({ name: 'hint round trip vs plain JS echo', unit: '×', median: ratio,
    p95: percentile(hints, 0.95) / percentile(echoes, 0.95), budget: 1.5, echo: { median: percentile(echoes, 0.5), p95: percentile(echoes, 0.95) } }));

  // A button of the bar, run as the admin's click runs it, `rounds` times; `said` (an expression over `bar`)
  // must pass `worked` (an expression over `said`), or the run stops with what the bar said.
  const timeBarButton = async (rounds, action, said, worked) => {
    const samples = [];
    for (let i = 0; i < rounds; i++) {
      samples.push(await world.evaluate(`(async () => {
        const bar = attached.bar;
        const start = performance.now();
        await ${action}(bar);
        const said = ${said};
        if (!(${worked})) throw new Error(said);
        return performance.now() - start;
      })()`));
    }
    return samples;
  };

  // Fill all fields: snapshot → plan (worker) → set values, as the button does.
  const fills = await timeBarButton(20, 'fillFromOkta', 'bar.status.textContent', "said.startsWith('Filled')");
  emit('fill all fields', 'ms', percentile(fills, 0.5), percentile(fills, 0.95), 16);

  // Check with Okta: the six checks against the practice org (a local network), as the button runs them.
  await page.getByLabel('Authorization Header').fill(`SSWS ${API_TOKEN}`);
  await page.getByLabel('Client ID').fill(readFileSync(new URL('../fixtures/client-id.txt', import.meta.url), 'utf8').trim());
  await page.getByLabel('Client Secret').fill(CLIENT_SECRET);
  const checks = await timeBarButton(10, 'checkWithOkta', 'bar.results.textContent', "said.includes('every check passed')");
  emit('Check with Okta, six checks (practice org)', 'ms', percentile(checks, 0.5), percentile(checks, 0.95), 2000);

  // After the worker was stopped (30 s idle in real life; Playwright keeps it alive, so its target is closed):
  // the raw cold start (a message straight away), and the first hint as the admin gets it (the field's focus
  // wakes the worker; the admin's first keystroke comes ~150 ms later).
  const cdp = await browser.context.newCDPSession(page);
  const stopWorker = async (file = '/worker.js') => {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.endsWith(file));
    if (!worker) throw new Error(`no service worker ${file}`);
    await cdp.send('Target.closeTarget', { targetId: worker.targetId });
    await new Promise((resolve) => setTimeout(resolve, 300));
  };
  const echoWorld = await contentScriptWorld(page, 'Echo anchor');
  // The first hint after a stop, for a field of each family in turn (the warm-up covers them all; a figure
  // for only the field it starts with would flatter it).
  const FIRST_HINTS = [
    { field: 'tokenUrl', value: 'https://x.okta.com/oauth2/v1/token', others: {} },
    { field: 'authorizationHeader', value: 'ssws 00xyz', others: {} },
    { field: 'introspectionClientId', value: '0oa1b2c3d4 ', others: {} },
    { field: 'issuer', value: 'https://x.okta.com/oauth2/default/', others: {} },
    { field: 'clientRequestTimeout', value: '0', others: {} },
  ];
  const askHint = (round) => `(async () => {
    const start = performance.now();
    const answer = await askCore({ fieldHints: ${JSON.stringify(FIRST_HINTS[round % FIRST_HINTS.length])} });
    if (answer.kind !== 'hints') throw new Error(JSON.stringify(answer));
    return performance.now() - start;
  })()`;
  const askEcho = `(async () => {
    const start = performance.now();
    const answer = await chrome.runtime.sendMessage({ echo: 1 });
    if (answer?.echo !== 1) throw new Error('bad echo');
    return performance.now() - start;
  })()`;
  const cold = [];
  const coldEcho = [];
  const floor = [];
  const firstHint = [];
  // 20 rounds: the p95 of 20 samples is the second slowest.
  for (let i = 0; i < 20; i++) {
    await stopWorker('/echo_worker.js');
    floor.push(await echoWorld.evaluate(askEcho));
    await stopWorker();
    coldEcho.push(await world.evaluate(askEcho));
    await stopWorker();
    cold.push(await world.evaluate(askHint(i)));
    await stopWorker();
    firstHint.push(await world.evaluate(`(async () => {
      wakeCore(); // what focusing a field of the form does
      await new Promise((resolve) => setTimeout(resolve, 150));
      return ${askHint(i)};
    })()`));
  }
  // Judged against an extension whose worker does nothing but echo (starting any extension's worker in this
  // browser, same run): at most 15 ms above it at p95.
  console.log(JSON.stringify({ name: 'first message after the worker stopped', unit: 'ms', median: percentile(cold, 0.5),
    p95: percentile(cold, 0.95), budget: percentile(floor, 0.95) + 15, over: 'the echo-only floor + 15 ms' }));
  emit('  anchor: first JS echo, an echo-only extension', 'ms', percentile(floor, 0.5), percentile(floor, 0.95), null);
  emit('  anchor: first JS echo, our worker (without the core)', 'ms', percentile(coldEcho, 0.5), percentile(coldEcho, 0.95), null);
  emit('first hint after idle, as the admin sees it', 'ms', percentile(firstHint, 0.5), percentile(firstHint, 0.95), 20);

  // Page cost, side by side in this browser: the same page on an Anypoint host (the content scripts run), on a
  // host the extension does not match, and on a second such host: the A/A anchor, which shows how far this
  // machine's noise alone moves the figure in this run (outside 0.97–1.03: noise, see `settle`). Runs rotate their
  // order so that whatever the first of a round pays falls on each page alike; a figure is the median of the
  // rounds' ratios. Each figure also says how often the extension looked at the page and how many batches of
  // DOM records it received meanwhile.
  const HOSTS = [['with', 'https://anypoint.mulesoft.com'], ['without', 'https://practice.example.test'], ['again', 'https://www.example.com']];
  const median = (xs) => percentile(xs, 0.5);
  const ratios = (a, b) => a.map((x, i) => x / b[i]);
  const counters = (world) => world.evaluate('({ looks: watch.looks, batches: watch.batches })');
  // A scenario (`run` answers its samples and what the extension watched) is run again while its A/A ratio says
  // noise, up to ATTEMPTS times; the last run is reported, with how many it took.
  const settle = async (name, budget, speed, run) => {
    for (let attempt = 1; ; attempt++) {
      const { samples, watched } = await run();
      const anchor = median(speed(samples.again, samples.without));
      if (noisy(anchor) && attempt < ATTEMPTS) continue;
      console.log(JSON.stringify({ name, unit: '×', median: median(speed(samples.with, samples.without)), p95: null, budget,
        rows: samples, watched, anchor, attempt }));
      return;
    }
  };
  const SOON = 5500; // past the watch's few seconds after a load or a route change (watch_page.js, SOON_MS)

  // Pages opened once per host; `measure` runs in each page per round.
  async function opened(path, { wait = SOON, ready = null } = {}) {
    const pages = [];
    for (const [key, origin] of HOSTS) {
      const p = await browser.context.newPage();
      await p.goto(`${origin}${path}`);
      if (ready) await ready(p, key);
      pages.push([key, p]);
    }
    const extensionWorld = await contentScriptWorld(pages[0][1]); // proves the content script runs there
    await new Promise((resolve) => setTimeout(resolve, wait));
    return { pages, extensionWorld };
  }
  async function rounds({ pages, extensionWorld }, count, measure) {
    const samples = Object.fromEntries(pages.map(([key]) => [key, []]));
    const before = await counters(extensionWorld);
    for (let round = 0; round < count; round++) {
      for (let i = 0; i < pages.length; i++) {
        const [key, busyPage] = pages[(round + i) % pages.length];
        await busyPage.bringToFront();
        samples[key].push(await busyPage.evaluate(measure));
      }
    }
    const after = await counters(extensionWorld);
    for (const [, p] of pages) await p.close();
    return { samples, watched: { looks: after.looks - before.looks, batches: after.batches - before.batches } };
  }
  const without = (a, b) => ratios(b, a); // times: speed is without / with

  // At load: the users list starts churning 100 ms after the page loads; a new page per sample.
  await settle('busy list churning from its load, with / without', 0.95, without, async () => {
    const samples = { with: [], without: [], again: [] };
    const watched = { looks: 0, batches: 0 };
    for (let round = 0; round < 21; round++) {
      for (let i = 0; i < HOSTS.length; i++) {
        const [key, origin] = HOSTS[(round + i) % HOSTS.length];
        const p = await browser.context.newPage();
        await p.goto(`${origin}/practice/users?churn-at-load`);
        samples[key].push(await p.evaluate(() => window.churnAtLoad));
        if (key === 'with') {
          const counted = await counters(await contentScriptWorld(p));
          watched.looks += counted.looks;
          watched.batches += counted.batches;
        }
        await p.close();
      }
    }
    return { samples, watched };
  });
  // After a route change (pushState: the Navigation API's navigatesuccess), each round a new one.
  await settle('busy list after a route change, with / without', 0.95, without, async () => rounds(await opened('/practice/users'), 15, () => {
    history.pushState(null, '', `/practice/users/page-${Math.random().toString(36).slice(2)}`);
    return window.runChurn(150);
  }));
  // The form with the helper attached while a list beside it churns.
  await settle('a list churning beside the form, helper attached, with / without', 0.95, without, async () => rounds(await opened('/practice/form-beside-list', {
    wait: 0,
    ready: async (p, key) => {
      // Found in the DOM, not through the accessibility tree: a page whose accessibility tree a debugger
      // keeps up to date pays for it on every DOM change (measured: 0.13× on this list).
      if (key === 'with') await p.waitForSelector('okta-anypoint-assist[data-assist=anypoint-bar]', { state: 'attached' });
      await p.waitForFunction(() => typeof window.runChurn === 'function');
    },
  }), 15, () => window.runChurn(150)));
  // Steady state: the feed (50 rows per setTimeout; rows done in 1.5 s after a 0.2 s warm-up, so with / without)
  // and the users list, once the few seconds after their load have passed.
  await settle('busy feed, steady, with / without', 0.98, ratios,
    async () => rounds(await opened('/practice/busy'), 15, () => window.runBusy(200).then(() => window.runBusy(1500))));
  await settle('busy list, steady, with / without', 0.98, without, async () => rounds(await opened('/practice/users'), 21, () => window.runChurn(150)));
} finally {
  await browser.close();
}
