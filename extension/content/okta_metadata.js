// Okta side: on a page that may be a metadata document (the manifest matches .well-known paths on Okta hosts),
// hand its URL and text to the core; show the copy-assist panel it answers with. No rule lives here.

(async function showCopyAssist() {
  const text = readDocumentText();
  if (text === null) return;
  const url = location.href;
  const report = await askCore({ inspectMetadata: { url, text } });
  if (report.kind !== 'metadataReport') return; // not a metadata URL, or the core is unavailable
  const { host, root } = createShadowHost('okta-panel');
  const status = h('p', { role: 'status', 'aria-live': 'polite' });

  const rows = report.rows.flatMap((row) => [
    h('dt', {}, row.label),
    row.value === null ? h('dd', { class: 'missing' }, '—') : h('dd', {}, row.value),
    row.value === null
      ? h('span')
      : h('button', { type: 'button', 'aria-label': `Copy ${row.label}`, onclick: () => copy(row.value, status) }, 'Copy'),
  ]);
  const problems = report.problems.map((p) => h('li', { class: p.severity }, p.message));
  const keep = h(
    'button',
    { type: 'button', class: 'primary', disabled: !report.valid, onclick: () => keepForAnypoint(url, text, status) },
    'Use in Anypoint',
  );
  root.append(
    h(
      'section',
      { class: 'card fixed', 'aria-label': 'Okta → Anypoint Assist' },
      h('h2', {}, 'Okta → Anypoint Assist'),
      h('p', { class: 'sub' }, report.title),
      h('dl', {}, rows),
      problems.length ? h('ul', { class: 'problems' }, problems) : null,
      h('div', { class: 'row' }, keep, status),
    ),
  );
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

async function copy(value, status) {
  try {
    await navigator.clipboard.writeText(value);
    status.textContent = 'Copied.';
  } catch (error) {
    status.textContent = `Could not copy (${error.message}): select the value and press Ctrl+C.`;
  }
}

async function keepForAnypoint(url, text, status) {
  const answer = await askCore({ keepMetadata: { url, text } });
  status.textContent = answer.message ?? (answer.problems ?? []).map((p) => p.message).join(' ');
}
