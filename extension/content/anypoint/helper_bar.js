// Attach: when the core says the page holds the client provider form, put the helper bar before it (a closed
// shadow root: the page can see that it exists, never read or press it) and remember which control is which
// field. Every text on the bar comes from the core's answer.

let attached = null; // { host, form, bar, fields: Map<control, field>, shared: Set<field> } while on the page

async function scan() {
  scanQueued = false;
  if (attached && !attached.host.isConnected) attached = null;
  const { snapshot, controls, forms } = snapshotForm();
  if (snapshot.length === 0) return detach();
  const answer = await askCore({ classifyForm: { controls: snapshot } });
  if (answer.kind !== 'formClassified' || !answer.classification.isClientProviderForm) return detach();
  const { classification, bar } = answer;
  const firstControl = controls[classification.matches[0].control];
  const anchor = forms[classification.form] ?? (firstControl.getRootNode().host ?? firstControl).parentElement;
  if (!(attached && attached.form === anchor && attached.host.isConnected)) {
    detach();
    attachBar(anchor, bar);
    wakeCore();
  }
  attached.bar.source.textContent = bar.source ?? '';
  attached.fields = new Map(classification.matches.map((m) => [controls[m.control], m.field]));
  // Only the values the core reads as context for other fields ever leave the page (never a secret).
  attached.shared = new Set(classification.matches.filter((m) => m.shareValue).map((m) => m.field));
  for (const control of attached.fields.keys()) hintElementFor(control);
}

function detach() {
  attached?.host.remove();
  attached = null;
}

function attachBar(form, texts) {
  const { host, root } = createAssistHost('anypoint-bar');
  const bar = {
    status: h('p', { role: 'status', 'aria-live': 'polite' }),
    source: h('p', { class: 'source' }),
    undo: h('button', { type: 'button', hidden: true }, texts.undo),
    replace: h('button', { type: 'button', hidden: true }),
  };
  bar.fill = h('button', { type: 'button', class: 'primary', onclick: () => fillFromOkta(bar) }, texts.fill);
  bar.compare = h('button', { type: 'button', onclick: () => compareWithOkta(bar) }, texts.compare);
  root.append(
    h('div', { class: 'card', role: 'group', 'aria-label': texts.name },
      h('div', { class: 'row' }, bar.fill, bar.compare, bar.replace, bar.undo, bar.status, bar.source)),
  );
  form.before(host);
  attached = { host, form, bar, fields: new Map(), shared: new Set() };
}
