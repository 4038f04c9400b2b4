// "Create the introspection client in Okta", beside the form's Client ID and Client Secret (closed root, trusted
// and seen clicks only): the first click asks the core to look the name up in the kept org and say exactly what
// the second will do, with the org's full host; the second does it (src/core/okta_create.rs). The header is read
// from its field on each click and goes only into those two requests; the new secret comes back once and goes
// into the Client Secret control, and nowhere else.

import { connectedControlOf, controlValue, freshFields, setControlValue, sharedValues, typedValue } from './apply_fill.js';
import { hintElementFor } from './field_hints.js';
import { fieldAround } from './snapshot_form.js';
import { askCore, messageOf } from '../../shared/ask_core.js';
import { createAssistHost, followPageThemes, h, onlyTrusted, TRACKS_VISIBILITY } from '../../shared/assist_ui.js';

let line = null; // { host, button, status, choices, undo } beside the form now attached
let offered = []; // the actions the core offered at the last lookup: the only ones a confirming click may take

/** Put the line after the Client Secret control of the form `attached` (none when switched off or no such field). */
export function offerCreate(attached) {
  const { texts } = attached;
  const secret = connectedControlOf('introspectionClientSecret');
  if (texts.create === null || !secret) {
    line?.host.remove();
    line = null;
    return;
  }
  // After the Client Secret's field as drawn (its label, control and hint line), not inside its layout.
  hintElementFor(secret);
  const field = fieldAround(secret);
  const place = field === secret ? hintElementFor(secret) : field;
  if (line?.host.isConnected && line.host.previousElementSibling === place) return updateCreateButton(attached);
  line?.host.remove();
  const { host, root } = createAssistHost('create-client');
  line = {
    host,
    button: h('button', { type: 'button', onclick: () => lookUp(attached) }, texts.create),
    status: h('p', { role: 'status', 'aria-live': 'polite' }),
    choices: h('span', { class: 'row' }),
    undo: h('button', { type: 'button', hidden: true }, texts.undo),
  };
  root.append(h('div', { class: 'card', role: 'group', 'aria-label': texts.create }, h('div', { class: 'row' }, line.button, line.choices, line.undo), line.status));
  place.after(host);
  followPageThemes();
  updateCreateButton(attached);
}

// Enabled once values are kept (the org comes from them, never from the form) and the header reads "SSWS …";
// in private key JWT mode there is no such header, and the line says how to make the app by hand.
export function updateCreateButton(attached) {
  if (!line?.host.isConnected) return;
  const { texts } = attached;
  const jwt = typedValue(texts.createOffWhen) === 'true';
  line.button.disabled = jwt || !texts.source || !typedValue(texts.checkSends[0]).trim().startsWith(texts.createHeaderPrefix);
  if (jwt) line.status.textContent = texts.createJwtNote;
  else if (line.status.textContent === texts.createJwtNote) line.status.textContent = '';
}

async function lookUp(attached) {
  const current = line;
  offered = []; // an earlier offer's window confirms nothing once the admin asks again
  current.choices.replaceChildren();
  current.status.textContent = '';
  const answer = await askCore({ lookUpIntrospectionClient: { values: sharedValues(null), header: typedValue(attached.texts.checkSends[0]) } });
  if (line !== current) return;
  if (answer.kind !== 'introspectionClientOffered') {
    current.status.textContent = messageOf(answer);
    return;
  }
  current.status.textContent = answer.message;
  offered = answer.choices.map((choice) => choice.action);
  // The confirming click: one button per choice, each saying what it does. Without IntersectionObserver v2
  // (Firefox) a page could cover such a button where no check can see it, so the confirming click is made in a
  // window of the extension's own (confirm/), which answers through the worker (`confirmedInWindow`).
  current.choices.replaceChildren(...(TRACKS_VISIBILITY
    ? answer.choices.map((choice) => h('button', { type: 'button', class: 'primary', onclick: () => make(attached, choice.action) }, choice.label))
    : [h('button', { type: 'button', class: 'primary', onclick: () => chrome.runtime.sendMessage({ confirmInWindow: answer }) }, chrome.i18n.getMessage('createConfirmInWindow'))]));
}

/** The admin's click in the extension's window (Firefox), handed on by the worker: one of the actions offered. */
export function confirmedInWindow(attached, action) {
  const chosen = offered.find((candidate) => JSON.stringify(candidate) === JSON.stringify(action));
  if (chosen && line?.host.isConnected) make(attached, chosen); // which takes the offer back
}

// Where Okta's answer goes must be there before anything is written into Okta: a secret with nowhere to go would
// be a rotation (or an application) the admin cannot use.
const answerFields = ['introspectionClientId', 'introspectionClientSecret'];

async function make(attached, action) {
  const current = line;
  offered = [];
  current.choices.replaceChildren();
  if (!answerFields.every(connectedControlOf)) {
    current.status.textContent = chrome.i18n.getMessage('createNeedsFields');
    return;
  }
  const answer = await askCore({ makeIntrospectionClient: { values: sharedValues(null), header: typedValue(attached.texts.checkSends[0]), action } });
  if (answer.kind !== 'introspectionClientMade') {
    if (line === current) current.status.textContent = messageOf(answer);
    return;
  }
  // Done in Okta: the answer goes into the fields there are now, even if the app re-rendered the form meanwhile
  // (a secret dropped here would be a rotation the admin cannot use).
  const { made } = answer;
  if (!answerFields.every(connectedControlOf)) await freshFields();
  const shown = line ?? current;
  // Into the form as the fill writes: the app's state sees both; Undo puts back what was there.
  const previous = [];
  for (const [field, value] of [[answerFields[0], made.clientId], [answerFields[1], made.clientSecret]]) {
    const control = connectedControlOf(field);
    if (!control) continue;
    previous.push([control, controlValue(control)]);
    setControlValue(control, value);
  }
  // Fields gone: the secret is not kept anywhere; Okta shows it on the application's page.
  const lost = previous.length < answerFields.length ? ` ${chrome.i18n.getMessage('createFieldsGone')}` : '';
  shown.status.replaceChildren(made.message + lost, ' ', made.link ? h('a', { href: made.link.url, target: '_blank', rel: 'noopener' }, made.link.label) : '');
  shown.undo.hidden = previous.length === 0;
  shown.undo.onclick = onlyTrusted(() => {
    for (const [control, value] of previous.reverse()) if (control.isConnected) setControlValue(control, value);
    shown.undo.hidden = true;
  });
}
