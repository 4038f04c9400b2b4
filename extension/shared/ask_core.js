// The one way the extension's scripts (content scripts and the popup) ask the Rust core in the service worker.
// Requests and responses are defined in src/core/protocol.rs; their types here are generated from it
// (assist-types → target/ts-root/protocol/, checked by tsc). PROTOCOL_VERSION and CALLER_DEADLINE_MS come from
// the core, in shared/core_constants.js (written at build time, loaded before this script): a broken worker
// leaves sendMessage pending forever, so a caller gives up after the worker's own limit has passed.

import { CALLER_DEADLINE_MS, PROTOCOL_VERSION } from './core_constants.js';

/**
 * @param {import('../protocol/Request').Request} request
 * @returns {Promise<import('../protocol/Response').Response>}
 */
export function askCore(request) {
  // The only texts said here are transport failures: the core cannot be asked for them, so the browser renders
  // the catalogue's message (it has no plural or nested words).
  /** @type {(why: string) => import('../protocol/Response').Response} */
  const unavailable = (why) => ({ kind: 'failure', message: chrome.i18n.getMessage('extensionUnavailable', [why]) });
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(unavailable('no answer')), CALLER_DEADLINE_MS);
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

/**
 * What an answer says when it is not the one the caller needs (a failure, or "nothing kept"): its message.
 * @param {import('../protocol/Response').Response} answer
 */
export function messageOf(answer) {
  return 'message' in answer ? answer.message : '';
}

// Start the worker (and its wasm) before the admin needs it: a stopped worker costs tens of milliseconds.
export function wakeCore() {
  chrome.runtime.sendMessage({ wake: true }).catch(() => {});
}
