// The one way the extension's scripts (content scripts and the popup) ask the Rust core in the service worker.
// Requests and responses are defined in src/core/protocol.rs; this number must equal PROTOCOL_VERSION there
// (a Rust test reads this line).
const PROTOCOL_VERSION = 3;

// A broken worker leaves sendMessage pending forever: give up after this long. Longer than the worker's own
// limit on a network request (8 s, src/ext/fetch.rs), so a slow Okta gets the worker's own message.
const CORE_TIMEOUT_MS = 12000;

function askCore(request) {
  // The only texts written here are transport failures: the core cannot be asked for them.
  const unavailable = (why) => ({ kind: 'failure', message: `The extension is unavailable (${why}). Reload the page.` });
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(unavailable('no answer')), CORE_TIMEOUT_MS);
    chrome.runtime.sendMessage({ v: PROTOCOL_VERSION, request }).then(
      (response) => {
        clearTimeout(timer);
        resolve(response ?? unavailable('empty answer'));
      },
      (error) => {
        clearTimeout(timer);
        resolve(unavailable(error?.message ?? String(error)));
      },
    );
  });
}

// Start the worker (and its wasm) before the admin needs it: a stopped worker costs tens of milliseconds.
function wakeCore() {
  chrome.runtime.sendMessage({ wake: true }).catch(() => {});
}
