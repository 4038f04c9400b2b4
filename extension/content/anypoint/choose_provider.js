// The procedure's last step: in an environment's dialog (Access Management > Business Groups > a group >
// Environments > an environment), the core reads the client provider choice by meaning and names the provider
// made from Okta (src/core/environments.rs); the helper's line before it selects that provider on the admin's
// click (closed root, trusted and seen clicks only). The admin still presses Update.

import { setControlValue } from './apply_fill.js';
import { textOf } from './snapshot_form.js';
import { scanSoon } from './watch_page.js';
import { askCore } from '../../shared/ask_core.js';
import { createAssistHost, followPageThemes, h } from '../../shared/assist_ui.js';

let offered = null; // { host, key } of the line shown

/** The core's `choice` for this snapshot's `controls` (none: the line goes). */
export function offerChoice(choice, controls) {
  const place = choice ? controls[choice.at] : null;
  const key = choice ? JSON.stringify(choice) : '';
  if (offered?.host.isConnected && offered.key === key && offered.place === place) return;
  offered?.host.remove();
  offered = null;
  if (!choice || !place?.isConnected) return;
  const { host, root } = createAssistHost('provider-choice');
  const status = h('p', { role: 'status', 'aria-live': 'polite' }, choice.message);
  const target = choice.control === null ? null : controls[choice.control];
  const button = choice.button && target ? h('button', { type: 'button', class: 'primary', onclick: () => choose(target, choice, status) }, choice.button) : null;
  root.append(h('div', { class: 'card', role: 'group' }, h('div', { class: 'row' }, button, status)));
  (place.closest('label') ?? place).before(host);
  offered = { host, key, place, name: choice.name };
  followPageThemes();
}

// The page may have reordered, renamed or swapped the choices since the scan: what is selected must be what the
// button named, or nothing is done and the page is read again.
const sameName = (text) => text.trim().toLowerCase() === (offered?.name ?? '').trim().toLowerCase();

async function choose(target, choice, status) {
  if (!target.isConnected) return;
  if (choice.option !== null) {
    const select = /** @type {HTMLSelectElement} */ (target);
    const option = select.options[choice.option];
    if (!option || !sameName(option.text)) return scanSoon();
    setControlValue(select, option.value);
    if (select.selectedOptions[0] !== option) return scanSoon(); // two options of one value: not this one
  } else {
    const box = /** @type {HTMLInputElement} */ (target);
    if (![...(box.labels ?? [])].some((label) => sameName(textOf(label)))) return scanSoon();
    // A tick box or radio button as a click would set it: the app's own handlers see a click.
    if (!box.checked) box.click();
  }
  status.textContent = choice.chosen;
  await askCore({ providerChosen: { name: choice.name ?? '', environment: choice.environment } });
}
