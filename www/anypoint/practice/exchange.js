// Exchange's "Request access" as Anypoint answers when Okta refused the registration: the error comes after the
// registration request's own wait (here 4 s, longer than the helper's settle time), in an alert.
document.getElementById('request-access').addEventListener('click', () => {
  setTimeout(() => {
    const alert = document.createElement('div');
    alert.setAttribute('role', 'alert');
    alert.className = 'error-banner';
    alert.textContent = 'Client: Invalid OpenID Connect client creation request. OpenID provider responded with status code 400.'
      + " invalid_client_metadata: 'grant_types' must contain 'authorization_code' when 'application_type' is 'web'";
    document.getElementById('messages').append(alert);
  }, 4000);
});
