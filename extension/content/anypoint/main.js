// The Anypoint content script, bundled from these modules into one file (extension/tools/layout.mjs): watch the
// page for the client provider form (watch_page.js), read it (snapshot_form.js), attach the helper bar
// (helper_bar.js), fill (apply_fill.js) and hint (field_hints.js).

import { askCore, wakeCore } from '../../shared/ask_core.js';
import { seen } from '../../shared/assist_ui.js';
import { fillFromOkta } from './apply_fill.js';
import { fillFocused, fillRightClicked } from './fill_one.js';
import { confirmedInWindow } from './create_client.js';
import { attached, checkWithOkta, scan } from './helper_bar.js';
import { snapshotForm } from './snapshot_form.js';
import { SOON_MS, startWatching, watch } from './watch_page.js';

startWatching();

// What the worker and the popup ask of this page; a page cannot message a content script, and each asker is
// told apart by the browser's account of it.
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id) return false;
  const fromWorker = !sender.tab && !sender.url?.startsWith(chrome.runtime.getURL('popup/'));
  // The keyboard command (manifest "commands", default Alt+Shift+F). It reaches every frame of the tab: only
  // the one the admin is in acts. No form recognised there: the field the admin is in, by its own words.
  if (fromWorker && message?.command === 'fillFromOkta' && document.hasFocus()) {
    if (attached) fillFromOkta(attached.bar);
    else fillFocused();
  }
  // Firefox: the admin's confirming click in the extension's own window, sent to the frame that asked.
  if (fromWorker && message?.command === 'confirmWrite' && attached) confirmedInWindow(attached, message.action);
  // The context menu's item, sent to the frame where the admin right-clicked.
  if (fromWorker && message?.command === 'fillField' && typeof message.field === 'string') fillRightClicked(message.field);
  // The popup's "Copy a report of this form": answered by the frames that have controls, with the core's report.
  if (message?.command === 'reportForm' && sender.url?.startsWith(chrome.runtime.getURL('popup/'))) {
    const { snapshot } = snapshotForm();
    if (snapshot.length === 0) return false;
    askCore({ reportForm: { controls: snapshot } }).then(sendResponse);
    return true;
  }
  return false;
});

// What the tests and the benchmark read in this content-script world through DevTools
// (tests/support/isolated_world.mjs). The isolated world is the extension's own: no page script sees it.
Object.defineProperties(globalThis, {
  askCore: { value: askCore },
  wakeCore: { value: wakeCore },
  fillFromOkta: { value: fillFromOkta },
  checkWithOkta: { value: checkWithOkta },
  scan: { value: scan },
  seen: { value: seen },
  watch: { value: watch },
  SOON_MS: { value: SOON_MS },
  attached: { get: () => attached },
});
