// Nothing but an echo: what starting an extension's service worker costs in this browser, on this machine.
chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  sendResponse({ echo: message?.echo });
  return false;
});
