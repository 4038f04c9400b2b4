// A form that throws away and rebuilds all of its fields, synchronously, on every input: the element the
// helper found is gone after each keystroke and each value it sets. The state lives in `state` only.
const SECTIONS = [
  ['Client Information', [['name', 'Name'], ['description', 'Description']]],
  ['Dynamic Client Registration', [['issuer', 'Issuer'], ['registrationUrl', 'Client Registration URL'],
    ['authorizationHeader', 'Authorization Header', 'password'], ['timeout', 'Client Request Timeout', 'number']]],
  ['Token Introspection Client', [['clientId', 'Client ID'], ['clientSecret', 'Client Secret', 'password']]],
  ['OpenID Connect Authorization URLs', [['authorizeUrl', 'Authorize URL'], ['tokenUrl', 'Token URL'],
    ['introspectionUrl', 'Token Introspection URL']]],
];
const state = { timeout: '5' };
let generation = 0;

function render(focus) {
  generation += 1;
  const nodes = [];
  for (const [title, fields] of SECTIONS) {
    const heading = document.createElement('h2');
    heading.textContent = title;
    nodes.push(heading);
    for (const [key, label, type = 'text'] of fields) {
      const row = document.createElement('div');
      row.className = 'field';
      const labelElement = document.createElement('label');
      labelElement.htmlFor = `r-${key}-${generation}`;
      labelElement.textContent = label;
      const input = document.createElement('input');
      input.id = `r-${key}-${generation}`;
      input.name = key;
      input.type = type;
      input.value = state[key] ?? '';
      row.append(labelElement, input);
      nodes.push(row);
    }
  }
  document.getElementById('fields').replaceChildren(...nodes);
  if (focus) {
    const input = document.querySelector(`input[name="${focus.key}"]`);
    input.focus();
    if (input.type !== 'number') input.setSelectionRange(focus.caret, focus.caret);
  }
}

document.getElementById('fields').addEventListener('input', (event) => {
  const input = event.target;
  state[input.name] = input.value;
  const hadFocus = document.activeElement === input;
  const caret = input.type === 'number' ? 0 : input.selectionStart;
  render(hadFocus ? { key: input.name, caret } : null);
});

document.getElementById('provider').addEventListener('submit', (event) => {
  event.preventDefault();
  showSubmitted({ ...state });
});

render(null);
