// Watch the single-page app: the client provider form can appear after a route change and be re-rendered at
// any time. One MutationObserver whose callback only queues; the queued records are looked at once per
// animation frame, and a scan (snapshot + the core's classification) runs only when controls came or went.
// Any observer costs a busy page a few per cent on every DOM change (measured: docs/architecture.md,
// "Budgets"), so it runs only while it can matter: while the helper is attached (its form may be rebuilt or
// go), and for a few seconds after the page loads or navigates, or after controls came (apps render forms
// late). Otherwise a navigation, or the admin focusing a form control, starts it again. A browser without the
// Navigation API observes all the time. Loaded last: it starts the helper.

let scanQueued = false;
let pendingMutations = [];
let frameQueued = false;

// Only element nodes count; removals only while the helper is attached (its form may be the one that went).
function touchesControls(mutations) {
  for (const mutation of mutations) {
    const lists = attached ? [mutation.addedNodes, mutation.removedNodes] : [mutation.addedNodes];
    for (const nodes of lists) {
      for (const node of nodes) {
        if (node.nodeType !== Node.ELEMENT_NODE || node.localName.startsWith('okta-anypoint-assist')) continue;
        if (node.matches(CONTROL_SELECTOR) || node.shadowRoot || node.querySelector(CONTROL_SELECTOR)) return true;
        if (attached && (node === attached.form || node.contains(attached.form))) return true;
      }
    }
  }
  return false;
}

function queueScan() {
  if (scanQueued) return;
  scanQueued = true;
  requestAnimationFrame(() => scan());
}

// An alert or live region that appears (or changes) and mentions the OpenID provider may be Anypoint's error
// about Okta: after Create on the form, or when someone requests access in Exchange; the core decides. Only such
// regions are read (design systems announce errors through them), each at most 2000 characters.
const ERROR_MENTION = /openid (provider|connect client)/i;
const MESSAGE_REGION = '[role=alert], [role=status], [aria-live]';
const CHILD_REGIONS = ':scope > :is([role=alert], [role=status], [aria-live])';

function reviewAddedMessages(mutations) {
  // The explanation goes with the message it explains.
  if (explanation?.host && !explanation.region.isConnected) {
    explanation.host.remove();
    explanation = null;
  }
  // A region is found from where things changed: the region around each parent that got children or text,
  // and the regions among that parent's children (an alert appended to the page). One lookup and one native
  // query per parent, however many rows it got: a busy list does not pay per row.
  const regions = new Set();
  const places = new Set();
  for (const mutation of mutations) {
    places.add(mutation.type === 'characterData' ? mutation.target.parentElement : mutation.target);
  }
  for (const place of places) {
    if (place?.nodeType !== Node.ELEMENT_NODE) continue;
    const around = place.closest(MESSAGE_REGION);
    if (around) regions.add(around);
    for (const region of place.querySelectorAll(CHILD_REGIONS)) regions.add(region);
  }
  for (const region of regions) {
    if (region.closest('okta-anypoint-assist, okta-anypoint-assist-hint')) continue; // our own
    const text = textOf(region, 2001);
    if (text.length <= 2000 && ERROR_MENTION.test(text)) explainErrorIn(region, text);
  }
}

function reviewMutations() {
  frameQueued = false;
  const batches = pendingMutations;
  pendingMutations = [];
  reviewAddedMessages(batches.flat());
  if (!scanQueued && batches.some(touchesControls)) {
    scanQueued = true;
    if (!attached) watchForAWhile(); // controls came: a form may be on its way
    scan(); // already in a frame
  }
}

const observer = new MutationObserver((mutations) => {
  pendingMutations.push(mutations);
  if (!frameQueued) {
    frameQueued = true;
    requestAnimationFrame(reviewMutations);
  }
});

const SETTLE_MS = 3000;
const canRest = typeof navigation === 'object' && navigation !== null && 'addEventListener' in navigation;
let observing = false;
// After the admin's click (Create, Request access), Anypoint may wait for Okta up to its Client Request Timeout
// (at most 20 s) before it shows an error: watched that long.
const AFTER_CLICK_MS = 25000;
const BUTTON_LIKE = 'button, [role=button], input[type=submit], input[type=button]';
let settleTimer = null;
let restAt = 0;

// Text changes too: an app that rewrites its alert's text (401, then 403).
function observe() {
  observing = true;
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
}

// Observe now, and stop `ms` later (or later still, if asked to) unless the helper is attached by then.
function watchForAWhile(ms = SETTLE_MS) {
  observe();
  if (!canRest) return;
  restAt = Math.max(restAt, performance.now() + ms);
  clearTimeout(settleTimer);
  settleTimer = setTimeout(function rest() {
    const left = restAt - performance.now();
    if (left > 0) {
      settleTimer = setTimeout(rest, left);
      return;
    }
    if (attached?.host.isConnected) return;
    observing = false;
    observer.disconnect();
    pendingMutations = [];
  }, restAt - performance.now());
}

// The keyboard command (manifest "commands", default Alt+Shift+F) arrives from the worker; only the worker can
// send it (a page cannot message a content script). It reaches every frame of the tab: only the one the admin
// is in acts.
chrome.runtime.onMessage.addListener((message, sender) => {
  if (sender.id === chrome.runtime.id && !sender.tab && message?.command === 'fillFromOkta' && attached && document.hasFocus()) {
    fillFromOkta(attached.bar);
  }
});

// In a frame, only when every frame above is of the same origin: a page of another site that frames Anypoint
// could hide or cover the frame, where the helper's own checks cannot see it.
function framedBySameOrigin() {
  try {
    for (let frame = window; frame !== window.top; frame = frame.parent) void frame.parent.location.href;
    return true;
  } catch {
    return false;
  }
}

if (framedBySameOrigin()) {
  watchForAWhile();
  queueScan();
  // A route change of the single-page app (pushState, back, forward): the form may come.
  if (canRest) navigation.addEventListener('navigatesuccess', () => { watchForAWhile(); queueScan(); });
  // Only a click on a button (Create, Save, Request access) can send a request to Okta: clicking about a busy
  // list (a link, a row) does not make the page pay for the watch.
  document.addEventListener('click', (event) => {
    if (event.isTrusted && event.composedPath().some((node) => node instanceof Element && node.matches(BUTTON_LIKE))) {
      watchForAWhile(AFTER_CLICK_MS);
    }
  }, true);
  // The admin in a control the helper does not know (a form that came while nobody watched, in a dialog).
  document.addEventListener('focusin', (event) => {
    const control = event.composedPath()[0];
    if (!attached?.host.isConnected && control instanceof Element && control.matches(CONTROL_SELECTOR)) {
      watchForAWhile();
      queueScan();
    }
  }, true);
}
