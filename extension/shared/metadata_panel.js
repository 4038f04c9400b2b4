// The copy-assist panel for the core's metadata report: each value under the Anypoint field it goes into, a
// copy button each, the problems found, and "Use in Anypoint". Shared by the Okta page and the popup; every
// text comes from the core's report.

import { h } from './assist_ui.js';

export function metadataPanel(report, onKeep) {
  const status = h('p', { role: 'status', 'aria-live': 'polite' });
  const rows = report.rows.flatMap((row) => [
    h('dt', {}, row.label),
    row.value === null ? h('dd', { class: 'missing' }, '—') : h('dd', {}, row.value),
    // The copy button in a description of its own: a list of terms holds terms and descriptions only.
    h('dd', { class: 'copy' }, row.value === null
      ? null
      : h('button', { type: 'button', 'aria-label': row.copyLabel, onclick: () => copyValue(row.value, status, report.texts) }, report.texts.copy)),
  ]);
  const problems = report.problems.map((p) => h('li', { class: p.severity }, p.message));
  const keep = h(
    'button',
    { type: 'button', class: 'primary', disabled: !report.valid, onclick: async () => { status.textContent = await onKeep(); } },
    report.texts.keep,
  );
  return h(
    'section',
    { class: 'card', 'aria-label': report.texts.panel },
    h('h2', {}, report.texts.panel),
    h('p', { class: 'sub' }, report.title),
    h('dl', {}, rows),
    problems.length ? h('ul', { class: 'problems' }, problems) : null,
    h('div', { class: 'row' }, keep, status),
  );
}

// The text of a keep answer: the core's message, or the problems that prevented keeping.
export function keepAnswerText(answer) {
  return answer.message ?? (answer.problems ?? []).map((p) => p.message).join(' ');
}

async function copyValue(value, status, texts) {
  try {
    await navigator.clipboard.writeText(value);
    status.textContent = texts.copied;
  } catch (error) {
    status.textContent = `${texts.copyFailed} (${error.message})`;
  }
}
