// Notice the client provider form (docs/architecture.md, "Noticing the form"): it may come after load, after a
// route change, in a dialog, inside components whose shadow roots fill later or whose elements are defined
// after their markup arrived; and the screens it lives among are busy single-page apps.
//
// Nothing here runs per DOM change. A *look* walks the composed tree once (controls, open shadow roots, custom
// elements not defined yet) and, only when the set of controls changed, hands over to a scan (snapshot + the
// core's classification, helper_bar.js). Looks are asked for by:
//   - an observer on the document and on every open shadow root the last look found, which disconnects at its
//     first batch of records (a churning page pays for one batch per look, however much it churns), and on a
//     busy page only now and then;
//   - polling while custom elements wait for their definition (their upgrade changes no DOM we can observe:
//     the shadow root is new, and the isolated world has no `customElements.whenDefined` of the page's);
//   - the admin's and the app's own moves: load, route changes, a click on a button, focus in a control.
// How far apart looks are depends on the page. A quiet page that changes now and then (a route's new screen, a
// dialog) is looked at within a frame of the change; a busy one is polled every quarter of a second in the few
// seconds after a move and every two seconds afterwards (docs/architecture.md, "Noticing the form").

import { attached, dropOrphanedExplanation, explainErrorIn, scan } from './helper_bar.js';
import { CONTROL_SELECTOR, textOf } from './snapshot_form.js';
import { ERROR_MENTIONS, MAX_ERROR_TEXT } from '../../shared/core_constants.js';

const MIN_GAP_MS = 16; // one frame
const BUSY_WITHIN_MS = 50; // a batch this soon after arming: the page is still changing
// A page whose batches came that soon this many times in a row is busy: it is polled, not observed, as the
// records the browser builds for an observer cost a churning page far more than a walk does (measured: about
// 1% of the bench's users list per armed batch, against nothing for the walk alone). It is observed again every
// so often, to see whether it has gone quiet.
const BUSY_STREAK = 3;
// Observed again every 2 s in the few seconds after a move, every 8 s after that: each probe costs a churning page
// one batch of records (about 1%), and until a form is likely, a page gone quiet can wait to be observed (it is
// polled meanwhile).
const PROBE_SOON_MS = 2000;
const PROBE_LATER_MS = 8000;
const BUSY_GAP_SOON_MS = 250; // in the few seconds after a move, when a form is likely to come
const BUSY_GAP_LATER_MS = 2000;
export const SOON_MS = 5000;
// A page whose walk is slow (a huge DOM) is looked at less often still: the walk takes at most this share.
const WALK_SHARE = 0.005;
// Polling while custom elements wait for their definition: that often, for at most this long after the last
// move (a focus in a control that came later still brings the helper).
const POLL_GAP_SOON_MS = 50;
const POLL_GAP_LATER_MS = 250;
const POLL_FOR_MS = 30000;
// After the admin's click (Create, Request access), Anypoint may wait for Okta up to its Client Request Timeout
// (at most 20 s) before it shows an error: alert regions are read that long.
const AFTER_CLICK_MS = 25000;
const BUTTON_LIKE = 'button, [role=button], input[type=submit], input[type=button]';

export const watch = {
  lastMoveAt: performance.now(), // load counts as a move
  lastLookAt: -Infinity,
  lookCost: 0, // ms, the last look's walk
  timer: null,
  armedAt: 0,
  probedAt: 0,
  quickBatches: 0, // batches in a row that came within BUSY_WITHIN_MS of arming
  roots: [], // open shadow roots of the last look (observed with the document)
  controls: [], // the controls of the last look
  waitingForDefinitions: false,
  readRegionsUntil: 0,
  looks: 0, // counters for the tests and the bench
  batches: 0,
};

const watcher = new MutationObserver(() => {
  watch.batches += 1;
  watcher.disconnect();
  // A page that changes in bursts (a list refreshed every second) stays busy from one burst to the next.
  const quick = performance.now() - watch.armedAt < BUSY_WITHIN_MS;
  watch.quickBatches = quick ? Math.min(watch.quickBatches + 1, 8) : Math.max(0, watch.quickBatches - 1);
  lookSoon();
});

function arm() {
  // Text changes only while an error may come: an app that rewrites its alert's text (401, then 403).
  const options = { childList: true, subtree: true, characterData: performance.now() < watch.readRegionsUntil };
  watcher.observe(document, options);
  for (const root of watch.roots) watcher.observe(root, options);
  watch.armedAt = performance.now();
}

// After a look: observed again, or, on a busy page, the next look by timer (and observed now and then).
function watchOn(now) {
  if (watch.quickBatches < BUSY_STREAK || now - watch.probedAt >= (soon(now) ? PROBE_SOON_MS : PROBE_LATER_MS)) {
    watch.probedAt = now;
    arm();
  } else {
    lookSoon();
  }
}

const soon = (now) => now - watch.lastMoveAt < SOON_MS;

function gapNow(now) {
  const longest = soon(now) ? BUSY_GAP_SOON_MS : BUSY_GAP_LATER_MS;
  const gap = watch.quickBatches >= BUSY_STREAK ? longest : MIN_GAP_MS * 2 ** Math.max(0, watch.quickBatches - 1);
  return Math.max(gap, watch.lookCost / WALK_SHARE);
}

// The next look, no sooner than the gap after the last one (or `atLeast`).
function lookSoon(atLeast = 0) {
  if (watch.timer !== null) return;
  const now = performance.now();
  watch.timer = setTimeout(look, Math.max(0, watch.lastLookAt + Math.max(gapNow(now), atLeast) - now));
}

// The admin or the app moved (load, route change, a click on a button, focus): a form is likely now. One look
// right after the task that moved (an app renders its new screen in it), whatever the spacing.
// At most one such look a frame: a page can move as often as it likes (pushState in a loop).
function moved() {
  const now = performance.now();
  watch.lastMoveAt = now;
  clearTimeout(watch.timer);
  watch.timer = setTimeout(look, Math.max(0, watch.lastLookAt + MIN_GAP_MS - now));
}

// Our own elements are never defined (a host with a closed shadow root needs no definition).
const UNDEFINED_ELEMENT = ':not(:defined):not(okta-anypoint-assist, okta-anypoint-assist-hint)';

// The elements a look asks for their shadow root: custom-named ones (design systems' components), said as
// "not one of HTML's and SVG's own" so that the browser filters natively. Each element the walk touches gets a
// wrapper in this world, and wrappers of rows a churning list soon removes cost it several per cent
// (measured: docs/architecture.md). A shadow root on a built-in element (a div, a span) is found by the scan
// that a trusted focus in one of its controls brings (snapshot_form.js walks every element).
const MAY_HOST_SHADOW = ':not(html, head, body, div, span, p, section, article, aside, header, footer, main, nav, ' +
  'blockquote, h1, h2, h3, h4, h5, h6, a, li, ul, ol, dl, dt, dd, tr, td, th, tbody, thead, tfoot, table, caption, ' +
  'col, colgroup, img, svg, svg *, math, math *, button, input, textarea, select, option, optgroup, label, br, hr, ' +
  'i, b, u, s, em, strong, small, sub, sup, code, pre, kbd, samp, var, abbr, cite, q, dfn, time, mark, data, ' +
  'script, noscript, style, link, meta, title, base, template, slot, iframe, object, embed, canvas, video, audio, ' +
  'picture, source, track, map, area, form, fieldset, legend, output, progress, meter, datalist, details, ' +
  'summary, dialog, figure, figcaption, address, menu, ins, del, bdi, bdo, ruby, rt, rp, wbr, center, font)';

// Every control, open shadow root and undefined custom element of the composed tree: native queries per root
// and one pass over the elements that may host a shadow root.
function walk(root, found) {
  for (const control of root.querySelectorAll(CONTROL_SELECTOR)) found.controls.push(control);
  if (root.querySelector(UNDEFINED_ELEMENT)) found.waitingForDefinitions = true;
  for (const element of root.querySelectorAll(MAY_HOST_SHADOW)) {
    const shadow = element.shadowRoot; // null for ours: their roots are closed
    if (shadow) {
      found.roots.push(shadow);
      walk(shadow, found);
    }
  }
}

const sameList = (a, b) => a.length === b.length && a.every((item, i) => item === b[i]);

function look() {
  watch.timer = null;
  const start = performance.now();
  watch.looks += 1;
  watch.lastLookAt = start;
  const found = { controls: [], roots: [], waitingForDefinitions: false };
  try {
    walk(document, found);
  } finally {
    // Watched again before anything else runs (even if the walk failed): a change from now on is seen. The
    // walk's cost first: a busy page's next look is timed from it.
    watch.lookCost = performance.now() - start;
    watch.roots = found.roots;
    watchOn(start);
  }
  if (start < watch.readRegionsUntil) reviewMessages([document, ...found.roots]);
  const changed = !sameList(found.controls, watch.controls) || (attached !== null && !attached.host.isConnected);
  watch.controls = found.controls;
  watch.waitingForDefinitions = found.waitingForDefinitions;
  if (changed) {
    watch.lastMoveAt = start; // controls came or went: the rest of a form may be on its way
    scan();
  }
  if (watch.waitingForDefinitions && start - watch.lastMoveAt < POLL_FOR_MS) {
    lookSoon(soon(start) ? POLL_GAP_SOON_MS : POLL_GAP_LATER_MS);
  }
}

// An alert or live region that mentions the OpenID provider may be Anypoint's error about Okta: after Create on
// the form, or when someone requests access in Exchange; the core decides. Only such regions are read (design
// systems announce errors through them), each at most MAX_ERROR_TEXT characters, and only after a click on a
// button. ERROR_MENTIONS and MAX_ERROR_TEXT are the core's (shared/core_constants.js).
const MESSAGE_REGION = '[role=alert], [role=status], [aria-live]';

function reviewMessages(roots) {
  dropOrphanedExplanation();
  for (const root of roots) {
    for (const region of root.querySelectorAll(MESSAGE_REGION)) {
      if (region.closest('okta-anypoint-assist, okta-anypoint-assist-hint')) continue; // our own
      const text = textOf(region, MAX_ERROR_TEXT + 1);
      // Only a region whose text changed since the last look: two regions that both mention the provider must
      // not take the explanation from each other at every look.
      if (reviewedText.get(region) === text) continue;
      reviewedText.set(region, text);
      const lower = text.toLowerCase();
      if (text.length <= MAX_ERROR_TEXT && ERROR_MENTIONS.some((mention) => lower.includes(mention))) explainErrorIn(region, text);
    }
  }
}
const reviewedText = new WeakMap(); // region → its text at the last look

// A scan soon, whatever the last look found (a form that went while the core answered, a core that could not
// answer: scan what is there now).
export function scanSoon() {
  watch.controls = [];
  lookSoon();
}

// In a frame, only when every frame above is of the same origin: a page of another site that frames Anypoint
// could hide or cover the frame, where the helper's own checks cannot see it.
function framedBySameOrigin() {
  try {
    for (let frame = /** @type {Window} */ (window); frame !== window.top; frame = frame.parent) void frame.parent.location.href;
    return true;
  } catch {
    return false;
  }
}

// Called once by the content script's entry (main.js), after every module has been evaluated.
export function startWatching() {
  if (!framedBySameOrigin()) return;
  look();
  // A route change of the single-page app (pushState, back, forward, hash): the form may come. Without the
  // Navigation API the observer still sees the new screen; only its first look may come a little later.
  // Only the browser's own events: a page can dispatch these on `navigation` and `window` itself.
  const movedByBrowser = (event) => { if (event.isTrusted) moved(); };
  if (typeof navigation === 'object' && navigation !== null && 'addEventListener' in navigation) {
    navigation.addEventListener('navigatesuccess', movedByBrowser);
  } else {
    addEventListener('popstate', movedByBrowser);
    addEventListener('hashchange', movedByBrowser);
  }
  // A click on a button (Add, Create, Save, Request access) may open the form, or send a request to Okta
  // whose error Anypoint shows later. Clicking about a busy list (a link, a row) changes nothing here.
  document.addEventListener('click', (event) => {
    if (event.isTrusted && event.composedPath().some((node) => node instanceof Element && node.matches(BUTTON_LIKE))) {
      watch.readRegionsUntil = performance.now() + AFTER_CLICK_MS;
      moved();
    }
  }, true);
  // The admin in a control while no helper is attached: a component that rendered without any DOM change we
  // could see, or labels that came after the last scan. Scanned again at most once a second.
  let focusScanAt = -Infinity;
  document.addEventListener('focusin', (event) => {
    const control = event.composedPath()[0];
    if (!event.isTrusted || attached?.host.isConnected || !(control instanceof Element) || !control.matches(CONTROL_SELECTOR)) return;
    if (event.timeStamp - focusScanAt > 1000) {
      focusScanAt = event.timeStamp;
      watch.controls = [];
    }
    moved();
  }, true);
}
