// Okta side: on a page that may be a metadata document (the manifest matches .well-known paths on Okta hosts),
// ask the core whether this URL is one (the worker reads the URL from the browser, not from us), then hand it
// the page's text, at most the size the core accepts; show the copy-assist panel it answers with.

import { askCore } from '../shared/ask_core.js';
import { createAssistHost, h } from '../shared/assist_ui.js';
import { keepAnswerText, metadataPanel } from '../shared/metadata_panel.js';

(async function showCopyAssist() {
  const page = await askCore('recognisePage');
  // A refusal (an org the organisation's policy does not allow, the core unavailable): said where the panel goes,
  // and nothing of the page is read.
  if (page.kind === 'failure') return show(said(page.message));
  if (page.kind !== 'metadataPage') return; // not a metadata URL
  const text = readDocumentText();
  if (text === null) return;
  // Larger than the core accepts: only the length crosses over, and the core says what is wrong.
  const content = text.length <= page.maxBytes ? { text, length: text.length } : { text: '', length: text.length };
  const report = await askCore({ inspectMetadata: content });
  if (report.kind === 'failure') return show(said(report.message));
  if (report.kind !== 'metadataReport') return;
  show(metadataPanel(report, async () => keepAnswerText(await askCore({ keepMetadata: content }))));
})();

function said(message) {
  return h('section', { class: 'card' }, h('p', { role: 'status' }, message));
}

function show(panel) {
  const { host, root } = createAssistHost('okta-panel');
  panel.classList.add('fixed');
  root.append(panel);
  document.documentElement.append(host);
}

// Chromium shows JSON as <pre>RAW</pre> (the text may be pretty-printed by the user; JSON is the same).
function readDocumentText() {
  const pre = document.body?.querySelector('pre');
  if (pre) return pre.textContent;
  if (/json/i.test(document.contentType) || document.contentType === 'text/plain') return document.body?.textContent ?? '';
  return null;
}
