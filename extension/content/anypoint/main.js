// The Anypoint content script, bundled from these modules into one file (extension/tools/layout.mjs): watch the
// page for the client provider form (watch_page.js), read it (snapshot_form.js), attach the helper bar
// (helper_bar.js), fill (apply_fill.js) and hint (field_hints.js).

import { askCore, wakeCore } from '../../shared/ask_core.js';
import { seen } from '../../shared/assist_ui.js';
import { fillFromOkta } from './apply_fill.js';
import { attached, checkWithOkta, scan } from './helper_bar.js';
import { SOON_MS, startWatching, watch } from './watch_page.js';

startWatching();

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
