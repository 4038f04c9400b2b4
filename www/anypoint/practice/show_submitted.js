// Shared by the non-React practice forms: show what the form's own submit handler read, secrets masked.
function showSubmitted(values) {
  const mask = (s) => (s ? `${s.slice(0, 5)}…(${s.length} chars)` : '');
  const out = document.querySelector('[data-testid=submitted-state]');
  out.textContent = JSON.stringify({ ...values, authorizationHeader: mask(values.authorizationHeader), clientSecret: mask(values.clientSecret) }, null, 2);
  out.hidden = false;
}
