// Service worker (Firefox: background script). It only starts the Rust core and hands it every message:
// all decisions are in src/core, the protocol in src/core/protocol.rs.
import init, { handleMessage } from './core/okta_anypoint_assist.js';

// Listeners must be registered synchronously (MV3); the core's start is awaited per message.
const coreReady = init({ module_or_path: new URL('./core/okta_anypoint_assist_bg.wasm', import.meta.url) });

chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  // A transport check with no core involved: the benchmark's "plain JS echo" baseline.
  if (message?.ping !== undefined) {
    sendResponse({ pong: message.ping });
    return false;
  }
  coreReady
    .then(() => handleMessage(message))
    .then(sendResponse, (error) =>
      sendResponse({
        kind: 'failure',
        message: `The extension's core could not start (${error}). Reload the extension.`,
      }),
    );
  return true; // answer asynchronously
});

// The keyboard command (default Alt+Shift+F) fills the form in the current tab through its content script.
chrome.commands.onCommand.addListener((command, tab) => {
  if (command === 'fill-from-okta' && tab?.id !== undefined) {
    chrome.tabs.sendMessage(tab.id, { command: 'fillFromOkta' }).catch(() => {}); // no helper in that tab
  }
});
