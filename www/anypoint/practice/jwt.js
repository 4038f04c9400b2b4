// Newer Anypoint's client authentication choice (MuleSoft docs, March 2026; labels unconfirmed): an Authorization
// Header or a private key JWT. What the submit handler reads (FormData) is the state the tests assert on.
document.getElementById('provider').addEventListener('submit', (event) => {
  event.preventDefault();
  const values = Object.fromEntries(new FormData(event.target));
  showSubmitted({ ...values, privateKey: values.privateKey ? `${values.privateKey.length} chars` : '' });
});
