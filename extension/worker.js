// Service worker (Firefox: background script). It starts the Rust core and hands it every message with the
// browser's account of who sent it: the core checks the sender (src/core/sender.rs) and decides everything
// else (src/core). Here only transport: waking, a time limit, and a fresh core after a failure.
import init, { grantsOf, handleMessage, hostsOfOrigins, isMetadataUrl, restartCore, warmUp } from './core/okta_anypoint_assist.js';

// Listeners must be registered synchronously (MV3); the core's start is awaited per message.
const CORE_URL = new URL('./core/okta_anypoint_assist_bg.wasm', import.meta.url);
let coreReady = init({ module_or_path: CORE_URL });

// Longer than the core's own network limit (8 s, src/core/fetch_policy.rs): past it a call is stuck.
const CORE_DEADLINE_MS = 10000;

class Overdue extends Error {}

// Only the caller is told about an overdue call; the call itself may still finish (and is counted till then).
function withDeadline(promise) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Overdue('no answer in time')), CORE_DEADLINE_MS);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

// After a trap the instance's memory may be in any state: it gets replaced by a fresh one, but only once no
// other call is still in flight in it (their pending callbacks must not land in the new instance). Until
// then, new calls are told to try again. An overdue call is only abandoned: its instance is sound.
let inFlight = 0;
let trapped = false;

function restartWhenIdle() {
  if (!trapped || inFlight > 0) return;
  trapped = false;
  warming = null; // a fresh instance (of the same compiled module, or a new one) is warmed again
  coreReady = Promise.resolve().then(restartCore).catch(() => init({ module_or_path: CORE_URL }));
}

// Hosts the admin granted at run time, by kind (custom URL domains of Okta, Anypoint Private Cloud): the ids of
// the content scripts the popup registered for them. Kept until a grant changes.
let grants = null;
function grantedHosts() {
  // Asked of the browser while the core starts, not after: a cold start waits for the slower of the two.
  grants ??= Promise.all([chrome.scripting.getRegisteredContentScripts(), coreReady])
    .then(([scripts]) => grantsOf(scripts.map((script) => script.id)))
    .catch(() => ({ customDomains: [], privateCloud: [] }));
  return grants;
}
chrome.permissions.onAdded.addListener(() => { grants = null; });
// A host removed (in the popup or the browser's own settings): its scripts go with it.
chrome.permissions.onRemoved.addListener(async ({ origins = [] }) => {
  const scripts = await chrome.scripting.getRegisteredContentScripts();
  await coreReady;
  const removed = hostsOfOrigins(origins);
  const ids = grantsOf(scripts.map((script) => script.id)).grants.filter((g) => removed.includes(g.host)).map((g) => g.id);
  if (ids.length) await chrome.scripting.unregisterContentScripts({ ids });
  grants = null;
});

// One call into the core with the browser's account of the sender, counted while in flight (see above).
function callCore(sender, enter) {
  inFlight += 1;
  const call = grantedHosts().then((granted) => enter({
    id: sender.id, url: sender.url, ownId: chrome.runtime.id, ownOrigin: chrome.runtime.getURL(''), ...granted,
  }));
  call.catch(() => { trapped = true; }).finally(() => { inFlight -= 1; restartWhenIdle(); });
  return withDeadline(call);
}

// V8 compiles each wasm function on its first call, so the first hint after a cold start paid for compiling
// the keystroke path. The first wake of a worker's life has the core run that path once (`warmUp`: hint
// requests of its own, with the waking page as their sender) before the admin's first keystroke arrives.
// Kept as a promise while it runs or ran; dropped when the core refused it or failed, so the next wake retries.
let warming = null;
function warmOnce(sender) {
  warming ??= callCore(sender, warmUp).then((answers) => {
    if (!answers.every((answer) => answer?.kind === 'hints')) warming = null;
  }, (error) => {
    warming = null;
    throw error;
  });
  return warming;
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id) return false; // the core refuses them too; no need to start it
  // The popup registered or removed a grant's scripts.
  if (message?.grantsChanged !== undefined && sender.url?.startsWith(chrome.runtime.getURL(''))) {
    grants = null;
    return false;
  }
  // The benchmark's anchor for a cold start: answered at once, without the core.
  if (message?.echo !== undefined) {
    sendResponse({ echo: message.echo });
    return false;
  }
  // Waking: a content script about to need the core (a form appeared, a field got focus) starts the worker
  // and its wasm now. Later wakes are the benchmark's plain JS echo too.
  if (message?.wake !== undefined) {
    const ready = trapped ? coreReady : warmOnce(sender);
    ready.then(() => sendResponse({ awake: message.wake }), () => sendResponse({ awake: false }));
    return true;
  }
  if (trapped) {
    sendResponse({ kind: 'failure', message: "The extension's core is restarting. Try again in a moment." });
    return false;
  }
  callCore(sender, (described) => handleMessage(message, described)).then(sendResponse, (error) => {
    sendResponse({ kind: 'failure', message: `The extension's core failed (${error?.message ?? error}). Try again.` });
  });
  return true; // answer asynchronously
});

// The keyboard command (default Alt+Shift+F) fills the form in the current tab through its content script.
chrome.commands.onCommand.addListener((command, tab) => {
  if (command === 'fill-from-okta' && tab?.id !== undefined) {
    chrome.tabs.sendMessage(tab.id, { command: 'fillFromOkta' }).catch(() => {}); // no helper in that tab
  }
});

// A tab that shows an Okta metadata document gets a mark on the toolbar button: where the page cannot show the
// panel (Firefox's JSON viewer runs no content script), the popup loads that tab's document in one click. Tab
// URLs are visible only for the Okta hosts the extension may access.
chrome.tabs.onUpdated.addListener((tabId, change, tab) => {
  if (change.url === undefined && change.status !== 'complete') return;
  coreReady.then(() => {
    const metadata = tab.url !== undefined && isMetadataUrl(tab.url);
    chrome.action.setBadgeText({ tabId, text: metadata ? '✓' : '' });
    if (metadata) chrome.action.setBadgeBackgroundColor({ tabId, color: '#0b5cab' });
  }).catch(() => {});
});
