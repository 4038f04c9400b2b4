//! What the extension may load from the network, decided before and after each request (docs/architecture.md,
//! "Trust model"): https only; an Okta host or a host the admin granted; the final URL after redirects
//! allowed too; bounded in time and size. The glue (`src/ext/fetch.rs`) applies it and sends no cookies.

use super::hosts::okta_domain_of;
use super::metadata::MAX_DOCUMENT_BYTES;
use super::problem::ProblemKind;
use super::web_url::WebUrl;

/// A request that has not answered by then is abandoned.
pub const FETCH_TIMEOUT_SECONDS: u32 = 8;

/// Answers longer than this are refused, by `Content-Length` before reading and while reading.
pub const MAX_RESPONSE_BYTES: usize = MAX_DOCUMENT_BYTES;

/// Whether `url` may be loaded: https, on an Okta host or one of `granted_hosts` (custom URL domains the admin
/// allowed). Answers the parsed URL, or the problem to show.
pub fn may_fetch(url: &str, granted_hosts: &[String]) -> Result<WebUrl, ProblemKind> {
    let parsed = WebUrl::parse(url).map_err(|_| ProblemKind::UnrecognisedLocation { input: url.to_string() })?;
    if !parsed.is_https() {
        return Err(ProblemKind::DocumentNotHttps { url: url.to_string() });
    }
    let host = parsed.host();
    if okta_domain_of(host).is_some() || granted_hosts.iter().any(|granted| granted == host) {
        Ok(parsed)
    } else {
        Err(ProblemKind::HostNotGranted { host: host.to_string() })
    }
}

/// Whether the URL a request ended at (after redirects) is still allowed; the problem names where it went.
pub fn may_end_at(requested: &str, final_url: &str, granted_hosts: &[String]) -> Result<(), ProblemKind> {
    match may_fetch(final_url, granted_hosts) {
        Ok(_) => Ok(()),
        Err(_) => Err(ProblemKind::RedirectedAway {
            url: requested.to_string(),
            host: WebUrl::parse(final_url).map(|u| u.host().to_string()).unwrap_or_else(|_| final_url.to_string()),
        }),
    }
}

/// The hosts of granted origin patterns (`https://login.acme.com/*` → `login.acme.com`); wildcard patterns
/// (the Okta domains granted at install) name no single host and are left out.
pub fn hosts_of_origins(origins: &[String]) -> Vec<String> {
    origins
        .iter()
        .filter_map(|origin| WebUrl::parse(origin).ok())
        .filter(|url| url.is_https() && !url.host().contains('*'))
        .map(|url| url.host().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn okta_and_granted_https_hosts_only() {
        assert!(may_fetch("https://dev-1.okta.com/.well-known/openid-configuration", &[]).is_ok());
        assert_eq!(
            may_fetch("https://login.acme.com/.well-known/openid-configuration", &[]),
            Err(ProblemKind::HostNotGranted { host: "login.acme.com".into() })
        );
        assert!(may_fetch("https://login.acme.com/oauth2/default", &["login.acme.com".into()]).is_ok());
        assert!(matches!(may_fetch("http://dev-1.okta.com/x", &[]), Err(ProblemKind::DocumentNotHttps { .. })));
        assert!(matches!(may_fetch("https://evilokta.com/x", &[]), Err(ProblemKind::HostNotGranted { .. })));
        assert!(matches!(may_fetch("javascript:alert(1)", &[]), Err(ProblemKind::UnrecognisedLocation { .. })));
    }

    #[test]
    fn redirects_must_end_on_an_allowed_host() {
        let from = "https://dev-1.okta.com/oauth2/default/.well-known/openid-configuration";
        assert_eq!(may_end_at(from, from, &[]), Ok(()));
        assert_eq!(
            may_end_at(from, "https://evil.example/doc", &[]),
            Err(ProblemKind::RedirectedAway { url: from.into(), host: "evil.example".into() })
        );
    }

    #[test]
    fn granted_origins_become_hosts() {
        let origins = ["https://*.okta.com/*", "https://login.acme.com/*", "http://plain.example/*", "https://*/*"].map(String::from);
        assert_eq!(hosts_of_origins(&origins), ["login.acme.com"]);
    }
}
