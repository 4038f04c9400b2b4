// Shared by the content scripts: the one way to ask the Rust core in the service worker.
// Requests and responses are defined in src/core/protocol.rs; this number must equal PROTOCOL_VERSION there
// (a Rust test reads this line).
const PROTOCOL_VERSION = 2;

// A broken worker leaves sendMessage pending forever: give up after this long.
const CORE_TIMEOUT_MS = 5000;

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
