// Okta side: on a page that may be a metadata document (the manifest matches .well-known paths on Okta hosts),
// hand its URL and text to the core; show the copy-assist panel it answers with. No rule lives here.

(async function showCopyAssist() {
  const text = readDocumentText();
  if (text === null) return;
  const url = location.href;
  const report = await askCore({ inspectMetadata: { url, text } });
  if (report.kind !== 'metadataReport') return; // not a metadata URL, or the core is unavailable
  const { host, root } = createShadowHost('okta-panel');
  const panel = metadataPanel(report, async () => keepAnswerText(await askCore({ keepMetadata: { url, text } })));
  panel.classList.add('fixed');
  root.append(panel);
  document.documentElement.append(host);
})();

// Chromium shows JSON as <pre>RAW</pre> (the text may be pretty-printed by the user; JSON is the same).
function readDocumentText() {
  const isJson = /json/i.test(document.contentType);
  const pre = document.body?.querySelector('pre');
  if (pre) return pre.textContent;
  if (isJson || document.contentType === 'text/plain') return document.body?.textContent ?? '';
  return null;
}
