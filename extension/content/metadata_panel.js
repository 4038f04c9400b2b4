// The copy-assist panel for the core's metadata report: each value under the Anypoint field it goes into, a
// copy button each, the problems found, and "Use in Anypoint". Shared by the Okta page and the popup.

function metadataPanel(report, onKeep) {
  const status = h('p', { role: 'status', 'aria-live': 'polite' });
  const rows = report.rows.flatMap((row) => [
    h('dt', {}, row.label),
    row.value === null ? h('dd', { class: 'missing' }, '—') : h('dd', {}, row.value),
    row.value === null
      ? h('span')
      : h('button', { type: 'button', 'aria-label': `Copy ${row.label}`, onclick: () => copyValue(row.value, status) }, 'Copy'),
  ]);
  const problems = report.problems.map((p) => h('li', { class: p.severity }, p.message));
  const keep = h(
    'button',
    { type: 'button', class: 'primary', disabled: !report.valid, onclick: async () => { status.textContent = await onKeep(); } },
    'Use in Anypoint',
  );
  return h(
    'section',
    { class: 'card', 'aria-label': 'Okta → Anypoint Assist' },
    h('h2', {}, 'Okta → Anypoint Assist'),
    h('p', { class: 'sub' }, report.title),
    h('dl', {}, rows),
    problems.length ? h('ul', { class: 'problems' }, problems) : null,
    h('div', { class: 'row' }, keep, status),
  );
}

// The text of a keep answer: the core's message, or the problems that prevented keeping.
function keepAnswerText(answer) {
  return answer.message ?? (answer.problems ?? []).map((p) => p.message).join(' ');
}

async function copyValue(value, status) {
  try {
    await navigator.clipboard.writeText(value);
    status.textContent = 'Copied.';
  } catch (error) {
    status.textContent = `Could not copy (${error.message}): select the value and press Ctrl+C.`;
  }
}
