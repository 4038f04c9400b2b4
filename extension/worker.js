// Service worker (Firefox: background script). It starts the Rust core and hands it every message with the
// browser's account of who sent it: the core checks the sender (src/core/sender.rs) and decides everything
// else (src/core). Here only transport: waking, a time limit, and a fresh core after a failure.
import { coreInstance } from './core/okta_anypoint_assist.js';
import { catalogues } from './catalogues.js';
import { readSettings } from './shared/settings.js';

const CORE_URL = new URL('./core/okta_anypoint_assist_bg.wasm', import.meta.url);

// The words of the language chrome.i18n chose for this browser. Read once, beside the core's start.
const words = catalogues((path) => chrome.runtime.getURL(path), chrome.i18n.getMessage('@@ui_locale'));

// One instance of the core: its own copy of the glue (tools/instance_glue.mjs), so that callbacks still pending
// in an instance that died reach only that instance; how it starts; and how to fail the calls in flight in it.
// Listeners must be registered synchronously (MV3); the core's start is awaited per message.
function startCore(compiled) {
  const glue = coreInstance();
  const started = compiled ? Promise.resolve().then(() => glue.initSync({ module: compiled })) : glue.init({ module_or_path: CORE_URL });
  const ready = Promise.all([started, words]).then(([, { english, language }]) => glue.useWords(english, language));
  return { glue, ready, inFlight: new Set(), inside: 0, lastSettled: performance.now(), warming: null, dead: false };
}
let core = startCore();

// A trap (a panic, a bug in the core) leaves an instance's memory in any state, and a trap inside an async
// request never settles its call. Either way the instance is stopped at once, every call still in it is told
// so, and the next call goes to a fresh instance of the same compiled module. A call past its deadline in an
// instance that answered nothing else meanwhile is stuck the same way (one that answers others is only slow for
// that call: a page flooding it with requests must not get it retired). No request is answered "restarting".
function retire(dead) {
  if (dead.dead) return;
  dead.dead = true;
  dead.glue.stop();
  for (const fail of dead.inFlight) fail(new Error('the core stopped'));
  if (core === dead) core = startCore(dead.glue.module());
}
// An async request traps in a microtask of the glue: the browser reports it here, not to the call. Only the live
// instance can trap (a stopped one fails in JS before reaching its wasm), and only with a call inside it.
const trapReported = (error) => { if (error instanceof WebAssembly.RuntimeError && core.inside > 0) retire(core); };
self.addEventListener('error', (event) => trapReported(event.error));
self.addEventListener('unhandledrejection', (event) => trapReported(event.reason));

// Hosts the admin granted at run time, by kind (custom URL domains of Okta, Anypoint Private Cloud): the ids of
// the content scripts the popup registered for them. Kept until a grant changes.
let grants = null;
function grantedHosts() {
  // Asked of the browser while the core starts, not after: a cold start waits for the slower of the two.
  // A failure (the instance retired meanwhile) is not kept: the next call asks again.
  grants ??= Promise.all([chrome.scripting.getRegisteredContentScripts(), core.ready])
    .then(([scripts]) => core.glue.grantsOf(scripts.map((script) => script.id)))
    .catch(() => {
      grants = null;
      return { customDomains: [], privateCloud: [] };
    });
  return grants;
}
// The settings in force (shared/settings.js), read while the core starts and kept until either changes; a policy
// that could not be read is not kept, so the next call reads it again.
let settings = null;
let unreadableBefore = false;
function currentSettings() {
  settings ??= readSettings().then((read) => {
    if (read.managed.unreadable) settings = null;
    // Read at last after a failure: the menu the failure took away comes back (no change event says so).
    else if (unreadableBefore) makeMenu();
    unreadableBefore = Boolean(read.managed.unreadable);
    return read;
  });
  return settings;
}
chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== 'managed' && !(area === 'local' && 'chosen' in changes)) return;
  settings = null;
  makeMenu();
});

chrome.permissions.onAdded.addListener(() => {
  grants = null;
  makeMenu();
});
// A host removed (in the popup or the browser's own settings): its scripts go with it.
chrome.permissions.onRemoved.addListener(async ({ origins = [] }) => {
  const scripts = await chrome.scripting.getRegisteredContentScripts();
  const { glue, ready } = core;
  await ready;
  const removed = glue.hostsOfOrigins(origins);
  const ids = glue.grantsOf(scripts.map((script) => script.id)).grants.filter((g) => removed.includes(g.host)).map((g) => g.id);
  if (ids.length) await chrome.scripting.unregisterContentScripts({ ids });
  grants = null;
  makeMenu();
});

// The context menu "Fill with Okta value ▸ Issuer / …" on editable fields of Anypoint's pages and of the Private
// Cloud hosts granted (the core says which pages and items). Menus outlive the worker: made when the extension
// is installed or the browser starts, and again when a grant changes; one making at a time.
let menuMade = Promise.resolve();
function makeMenu() {
  const made = () => void chrome.runtime.lastError; // a menu already made: nothing to report
  menuMade = menuMade.then(async () => {
    await core.ready;
    const [{ privateCloud }, current] = await Promise.all([grantedHosts(), currentSettings()]);
    const menu = core.glue.fillMenu(privateCloud, current);
    await chrome.contextMenus.removeAll();
    if (menu.items.length === 0) return; // switched off
    const shown = { contexts: /** @type {['editable']} */ (['editable']), documentUrlPatterns: menu.pages };
    chrome.contextMenus.create({ id: 'fill', title: menu.title, ...shown }, made);
    for (const [field, title] of menu.items) chrome.contextMenus.create({ id: field, parentId: 'fill', title, ...shown }, made);
  }).catch(() => {});
  return menuMade;
}
chrome.runtime.onInstalled.addListener(makeMenu);
chrome.runtime.onStartup.addListener(makeMenu);

// The admin chose a value in the menu: the content script of the frame they right-clicked in writes it.
function menuClicked(info, tab) {
  if (info.parentMenuItemId !== 'fill' || tab?.id === undefined) return Promise.resolve();
  return chrome.tabs.sendMessage(tab.id, { command: 'fillField', field: info.menuItemId }, { frameId: info.frameId ?? 0 }).catch(() => {});
}
chrome.contextMenus.onClicked.addListener(menuClicked);
// The tests' way in: headless Chromium shows no menu to click, so they call what its click calls.
Object.defineProperties(self, { menuClicked: { value: menuClicked }, makeMenu: { value: makeMenu } });

// One call into the live core with the browser's account of the sender and the settings in force; `enter(glue,
// described, settings)` makes it.
function callCore(sender, enter) {
  const owner = core;
  let timer;
  let fail;
  let entered = false;
  return new Promise((resolve, reject) => {
    fail = reject;
    owner.inFlight.add(fail);
    // The browser's grants and settings are asked for while the core starts: a cold start waits for the slowest.
    Promise.all([owner.ready, grantedHosts(), currentSettings()])
      .then(([, granted, { managed, chosen }]) => {
        // From the call's entry into the core, as long as the core's own limits allow (fetch_policy.rs).
        const deadline = owner.glue.workerDeadlineMs();
        timer = setTimeout(() => {
          reject(new Error('no answer in time'));
          if (performance.now() - owner.lastSettled >= deadline) retire(owner);
        }, deadline);
        entered = true;
        owner.inside += 1;
        return enter(owner.glue, {
          id: sender.id, url: sender.url, ownId: chrome.runtime.id, ownOrigin: chrome.runtime.getURL(''), ...granted,
        }, { managed, chosen });
      })
      .then(resolve, (error) => { reject(error); retire(owner); })
      .finally(() => {
        if (entered) owner.inside -= 1;
        owner.lastSettled = performance.now();
      });
  }).finally(() => {
    clearTimeout(timer);
    owner.inFlight.delete(fail);
  });
}

// V8 compiles each wasm function on its first call, so the first hint after a cold start paid for compiling
// the keystroke path. The first wake of an instance's life has the core run that path once (`warmUp`: hint
// requests of its own, with the waking page as their sender) before the admin's first keystroke arrives.
// Kept as a promise while it runs or ran; dropped when the core refused it or failed, so the next wake retries.
function warmOnce(sender) {
  const owner = core;
  owner.warming ??= callCore(sender, (glue, described) => glue.warmUp(described)).then((answers) => {
    if (!answers.every((answer) => answer?.kind === 'hints')) owner.warming = null;
  }, (error) => {
    owner.warming = null;
    throw error;
  });
  return owner.warming;
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id) return false; // the core refuses them too; no need to start it
  // The popup registered or removed a grant's scripts.
  if (message?.grantsChanged !== undefined && sender.url?.startsWith(chrome.runtime.getURL(''))) {
    grants = null;
    makeMenu();
    return false;
  }
  // Firefox: the confirming click of a write into Okta is made in a window of the extension's own (confirm/), as
  // a page could cover the button in it where no check can see (create_client.js). What the core offered is held
  // in storage.session while the window is open (words and actions, no secret; the worker may stop meanwhile).
  if (message?.confirmInWindow !== undefined && sender.tab?.id !== undefined) {
    confirmInWindow(message.confirmInWindow, sender);
    return false;
  }
  // The window's own questions, each with the nonce of its address: a window of an earlier offer gets nothing.
  const fromOwnPage = sender.url?.startsWith(chrome.runtime.getURL('confirm/'));
  if (message?.pendingConfirm !== undefined && fromOwnPage) {
    pendingConfirm(message.pendingConfirm).then((pending) => sendResponse(pending ? { message: pending.message, labels: pending.choices.map((c) => c.label) } : null));
    return true;
  }
  if (message?.confirmed !== undefined && fromOwnPage) {
    confirmed(message.confirmed).then(() => sendResponse(true));
    return true;
  }
  // The benchmark's anchor for a cold start: answered at once, without the core.
  if (message?.echo !== undefined) {
    sendResponse({ echo: message.echo });
    return false;
  }
  // Waking: a content script about to need the core (a form appeared, a field got focus) starts the worker
  // and its wasm now. Later wakes are the benchmark's plain JS echo too.
  if (message?.wake !== undefined) {
    warmOnce(sender).then(() => sendResponse({ awake: message.wake }), () => sendResponse({ awake: false }));
    return true;
  }
  callCore(sender, (glue, described, settings) => glue.handleMessage(message, described, settings)).then(sendResponse, (error) => {
    sendResponse({ kind: 'failure', message: `The extension's core failed (${error?.message ?? error}). Try again.` });
  });
  return true; // answer asynchronously
});

/** @typedef {{ nonce: string, windowId?: number, tabId: number, frameId: number, message: string, choices: { label: string, action: object }[] }} PendingConfirm */
// The offer waiting in the window whose address carries `nonce`, if that is the one still waiting.
const storedConfirm = () => chrome.storage.session.get('pendingConfirm').then((stored) => /** @type {PendingConfirm | undefined} */ (stored.pendingConfirm));
const pendingConfirm = (nonce) => storedConfirm().then((pending) => (pending && typeof nonce === 'string' && pending.nonce === nonce ? pending : undefined));

// Only words and actions of the shapes the core answers (anything else: nothing to confirm). A new offer replaces
// the last one, and closes its window.
async function confirmInWindow({ message, choices }, sender) {
  const shaped = typeof message === 'string' && Array.isArray(choices) && choices.length > 0 && choices.length <= 4
    && choices.every((c) => typeof c?.label === 'string' && typeof c?.action === 'object' && c.action !== null);
  if (!shaped) return;
  const earlier = await storedConfirm();
  if (earlier?.windowId !== undefined) chrome.windows.remove(earlier.windowId).catch(() => {});
  const pending = { nonce: crypto.randomUUID(), tabId: sender.tab.id, frameId: sender.frameId ?? 0, message, choices };
  await chrome.storage.session.set({ pendingConfirm: pending });
  const url = chrome.runtime.getURL(`confirm/confirm.html#${pending.nonce}`);
  const { id } = await chrome.windows.create({ url, type: 'popup', width: 560, height: 340 });
  const now = await storedConfirm();
  if (now?.nonce === pending.nonce) await chrome.storage.session.set({ pendingConfirm: { ...now, windowId: id } });
}

// The admin's click in that window: the action goes to the frame that asked, once.
async function confirmed({ nonce, index }) {
  const pending = await pendingConfirm(nonce);
  if (!pending) return;
  await chrome.storage.session.remove('pendingConfirm');
  const action = Number.isInteger(index) ? pending.choices[index]?.action : undefined;
  if (!action) return;
  await chrome.tabs.sendMessage(pending.tabId, { command: 'confirmWrite', action }, { frameId: pending.frameId }).catch(() => {});
}
// The window closed without a choice: nothing waits any longer.
chrome.windows?.onRemoved.addListener(async (windowId) => {
  const pending = await storedConfirm();
  if (pending?.windowId === windowId) await chrome.storage.session.remove('pendingConfirm');
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
  const { glue, ready } = core;
  ready.then(() => {
    const metadata = tab.url !== undefined && glue.isMetadataUrl(tab.url);
    chrome.action.setBadgeText({ tabId, text: metadata ? '✓' : '' });
    if (metadata) chrome.action.setBadgeBackgroundColor({ tabId, color: '#0b5cab' });
  }).catch(() => {});
});
