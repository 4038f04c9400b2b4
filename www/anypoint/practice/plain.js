// Plain HTML form: what the submit handler reads (FormData) is the state the tests assert on.
document.getElementById('provider').addEventListener('submit', (event) => {
  event.preventDefault();
  showSubmitted(Object.fromEntries(new FormData(event.target)));
});
