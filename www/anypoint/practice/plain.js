// Plain HTML form: what the submit handler reads (FormData) is the state the tests assert on.
document.getElementById('provider').addEventListener('submit', (event) => {
  event.preventDefault();
  const values = Object.fromEntries(new FormData(event.target));
  const mask = (s) => (s ? `${s.slice(0, 5)}…(${s.length} chars)` : '');
  const out = document.querySelector('[data-testid=submitted-state]');
  out.textContent = JSON.stringify({ ...values, authorizationHeader: mask(values.authorizationHeader), clientSecret: mask(values.clientSecret) }, null, 2);
  out.hidden = false;
});
