// A design-system style form: each field is a custom element whose <input> lives in its shadow root and whose
// value is the component's own state (updated from the inner input's events), as web-component kits do.
class ApTextField extends HTMLElement {
  #value = '';
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    const label = document.createElement('label');
    const text = document.createElement('span');
    text.textContent = this.getAttribute('label');
    const input = document.createElement('input');
    input.type = this.getAttribute('type') ?? 'text';
    this.#value = this.getAttribute('value') ?? '';
    input.value = this.#value;
    input.addEventListener('input', () => { this.#value = input.value; });
    label.append(text, input);
    label.style.cssText = 'display:grid;grid-template-columns:230px 1fr;gap:12px;margin:8px 0;align-items:center;';
    root.append(label);
  }
  get value() { return this.#value; }
}
// Defined a moment after the markup arrived, as when a design system's script loads late: the elements are upgraded then.
setTimeout(() => customElements.define('ap-text-field', ApTextField), 600);

document.getElementById('provider').addEventListener('submit', (event) => {
  event.preventDefault();
  showSubmitted(Object.fromEntries([...document.querySelectorAll('ap-text-field')].map((f) => [f.getAttribute('name'), f.value])));
});
