// Attach: when the core says the page holds the client provider form, put the helper bar before it (a closed
// shadow root: the page can see that it exists, never read or press it) and remember which control is which
// field. Every text on the bar comes from the core's answer.

import { compareWithOkta, connectedControlOf, fillFromOkta, freshFields, sharedValues, typedValue } from './apply_fill.js';
import { hintElementFor, hintWhatIsThere } from './field_hints.js';
import { offerChoice } from './choose_provider.js';
import { offerCreate, updateCreateButton } from './create_client.js';
import { composedParent, snapshotForm, textOf } from './snapshot_form.js';
import { scanSoon } from './watch_page.js';
import { askCore, messageOf, wakeCore } from '../../shared/ask_core.js';
import { createAssistHost, followPageThemes, h } from '../../shared/assist_ui.js';

export let attached = null; // { host, form, bar, texts, fields: Map<control, field>, shared: Set<field> } while on the page

let scansStarted = 0;
let rescansForGoneForms = 0;
let rescansAfterFailures = 0;

export async function scan() {
  if (attached && !attached.host.isConnected) attached = null;
  const { snapshot, controls, forms } = snapshotForm();
  if (snapshot.length === 0) return detach();
  // Scans can overlap (the page changes while the core answers). Each applies its own answer, but a "no form
  // here" from a scan that a newer one overtook does not remove the newer one's helper; a failure (the core
  // restarting, no answer in time) removes nothing; and a form that went while the core answered gets no
  // helper: what is there now is scanned instead, a few times at most (a page may rebuild its form on every
  // keystroke; the watch brings the next scan).
  const started = ++scansStarted;
  const answer = await askCore({ classifyForm: { controls: snapshot } });
  if (answer.kind === 'failure') {
    if (++rescansAfterFailures <= 3) scanSoon(); // the core restarting: ask again, a few times
    return;
  }
  rescansAfterFailures = 0;
  if (answer.kind !== 'formClassified' || !answer.classification.isClientProviderForm) {
    if (started === scansStarted) {
      detach();
      if (answer.kind === 'formClassified') offerChoice(answer.choice, controls);
    }
    return;
  }
  offerChoice(null, controls);
  const { classification, bar } = answer;
  const firstControl = controls[classification.matches[0].control];
  const anchor = forms[classification.form] ?? composedParent(firstControl.getRootNode().host ?? firstControl);
  if (!anchor) return; // nowhere to put the bar
  if (!anchor.isConnected) {
    if (++rescansForGoneForms <= 3) scanSoon();
    return;
  }
  rescansForGoneForms = 0;
  const found = !(attached && attached.form === anchor && attached.host.isConnected);
  if (found) {
    detach();
    attachBar(anchor, bar);
    wakeCore();
  }
  attached.bar.source.textContent = bar.source ?? '';
  // Said of the form as it came (an existing provider's), not of what the admin typed since.
  if (found) attached.bar.note.textContent = bar.note ?? '';
  attached.fields = new Map(classification.matches.map((m) => [controls[m.control], m.field]));
  // Only the values the core reads as context for other fields ever leave the page (never a secret).
  attached.shared = new Set(classification.matches.filter((m) => m.shareValue).map((m) => m.field));
  for (const control of attached.fields.keys()) hintElementFor(control);
  if (found) hintWhatIsThere();
  offerCreate(attached);
  updateCheckButton();
  followPageThemes();
}

function detach() {
  if (!attached) return;
  attached.host.remove();
  attached = null;
}

function attachBar(form, texts) {
  const { host, root } = createAssistHost('anypoint-bar');
  const bar = {
    status: h('p', { role: 'status', 'aria-live': 'polite' }),
    source: h('p', { class: 'source' }),
    note: h('p', { class: 'source' }),
    undo: h('button', { type: 'button', hidden: true }, texts.undo),
    replace: h('button', { type: 'button', hidden: true }),
  };
  bar.fill = h('button', { type: 'button', class: 'primary', onclick: () => fillFromOkta(bar) }, texts.fill);
  // A feature switched off (by policy, or in the options) has no button.
  bar.compare = texts.compare === null ? null : h('button', { type: 'button', onclick: () => compareWithOkta(bar) }, texts.compare);
  bar.check = texts.check === null ? null : h('button', { type: 'button', disabled: true, onclick: () => checkWithOkta(bar) }, texts.check);
  // The check's result and the explanation of an Anypoint error, announced when they change.
  bar.results = h('div', { class: 'results', role: 'status', 'aria-live': 'polite' });
  root.append(
    h('div', { class: 'card', role: 'group', 'aria-label': texts.name },
      h('div', { class: 'row' }, bar.fill, bar.compare, bar.check, bar.replace, bar.undo, bar.status, bar.source, bar.note),
      bar.results),
  );
  form.before(host);
  attached = { host, form, bar, texts, fields: new Map(), shared: new Set() };
}

// Enabled once every field of one of the sets the core names is filled, and no check is running.
let checking = false;

export function updateCheckButton() {
  if (!attached) return;
  updateCreateButton(attached);
  if (!attached.bar.check || checking) return;
  const filled = (field) => typedValue(field).trim() !== '';
  attached.bar.check.disabled = !attached.texts.checkNeeds.some((fields) => fields.every(filled));
}

export async function checkWithOkta(bar) {
  if (checking || !bar.check) return;
  const { texts } = attached;
  checking = true;
  bar.check.disabled = true;
  bar.check.textContent = texts.checking;
  bar.results.replaceChildren();
  if (!(await freshFields())) {
    checking = false;
    return;
  }
  const [header, secret] = texts.checkSends.map(typedValue); // the fields are the core's to name
  const answer = await askCore({ checkWithOkta: { values: sharedValues(null), header, secret } });
  checking = false;
  bar.check.textContent = texts.check;
  updateCheckButton();
  if (answer.kind !== 'oktaChecked') {
    bar.results.append(h('p', { class: 'summary' }, messageOf(answer)));
    return;
  }
  bar.results.append(
    h('p', { class: 'summary' }, answer.summary),
    h('ul', { class: 'checks' }, answer.lines.map((line) => h('li', { class: line.verdict, 'data-check': line.check }, line.text))),
  );
}

// The admin's click of the form's Create: the provider's name as typed, for the environments step (the core
// judges by the button's words whether it was Create; a name is no secret).
document.addEventListener('click', (event) => {
  if (!event.isTrusted || !attached) return;
  const button = event.composedPath().find((node) => node instanceof Element && node.matches('button, [role=button], input[type=submit]'));
  const words = button instanceof HTMLInputElement ? button.value : textOf(button ?? null, 40);
  // Never a masked field's: a page that passed its secret field off as Name would have it stored.
  const name = connectedControlOf('name');
  if (button && words && name?.type !== 'password') askCore({ providerSaved: { name: typedValue('name'), button: words } });
}, true);

// Anypoint's error about the OpenID provider (after Create, or in Exchange when someone requests access) gets
// its likely cause beside it. One explanation at a time, and one question per distinct message.
let explanation = null; // { text, region, host } of the message explained last

// The explanation goes with the message it explains.
export function dropOrphanedExplanation() {
  if (explanation?.host && !explanation.region.isConnected) {
    explanation.host.remove();
    explanation = null;
  }
}

export async function explainErrorIn(region, text) {
  if (explanation?.text === text && (explanation.host === null || explanation.host.isConnected)) return;
  explanation?.host?.remove();
  explanation = { text, region, host: null };
  const answer = await askCore({ explainError: { text } });
  if (answer.kind !== 'errorExplained' || !answer.explanation || explanation?.text !== text) return;
  const { host, root } = createAssistHost('error-explanation');
  root.append(h('p', { class: 'card', role: 'status' }, answer.explanation));
  explanation.host = host;
  region.after(host);
}
