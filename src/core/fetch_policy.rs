//! What the extension may load from the network, decided before and after each request (docs/architecture.md,
//! "Trust model"): https only; an Okta host or a host the admin granted, named as a plain DNS name; redirects
//! not followed (a redirect could send the request anywhere before any check could run); bounded in time and
//! size. The glue's one sender (`src/ext/fetch.rs`) applies it and sends no cookies.

use super::hosts::{okta_domain_of, OktaOrgHost};
use super::metadata::MAX_DOCUMENT_BYTES;
use super::problem::ProblemKind;
use super::web_url::WebUrl;

// The chain of time limits, each longer than what it waits for, declared once: the worker and the content
// scripts get theirs from here (`workerDeadlineMs`; `assist-layout` writes CALLER_DEADLINE_MS into the
// scripts' shared constants).

/// A request that has not answered by then is abandoned.
pub const FETCH_TIMEOUT_SECONDS: u32 = 8;

/// "Check with Okta" as a whole: its second round gets what the first left, each request at most
/// [`FETCH_TIMEOUT_SECONDS`].
pub const CHECK_TOTAL_MS: u32 = 9000;

/// A call into the core, in the worker (`extension/worker.js`): past it the call is stuck.
pub const WORKER_DEADLINE_MS: u32 = CHECK_TOTAL_MS + 1000;

/// A script waiting for the worker (`extension/shared/ask_core.js`): longer, so that the worker's own message
/// about a slow Okta arrives first.
pub const CALLER_DEADLINE_MS: u32 = WORKER_DEADLINE_MS + 2000;

const _: () = assert!(FETCH_TIMEOUT_SECONDS * 1000 < CHECK_TOTAL_MS);

/// Answers longer than this are refused, by `Content-Length` before reading and while reading.
pub const MAX_RESPONSE_BYTES: usize = MAX_DOCUMENT_BYTES;

/// How a request is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Reads.
    Get,
    /// Introspection's form post; registering a client.
    Post,
}

/// A request's body and its type.
pub struct Body {
    /// Its `Content-Type`.
    pub content_type: &'static str,
    /// The text.
    pub text: String,
}

impl Body {
    /// An `application/x-www-form-urlencoded` body (introspection).
    pub fn form(text: String) -> Self {
        Self { content_type: "application/x-www-form-urlencoded", text }
    }

    /// A JSON body (registering a client).
    pub fn json(text: String) -> Self {
        Self { content_type: "application/json", text }
    }
}

/// One request, as the glue's one sender (`src/ext/fetch.rs`) sends it: no cookies, no redirect followed, within
/// its time, at most [`MAX_RESPONSE_BYTES`] read. Not `Debug`: it may carry the API token or a client's secret.
pub struct Outgoing {
    /// `GET` or `POST`.
    pub method: Method,
    /// Where, allowed by [`may_fetch`] first.
    pub url: String,
    /// The `Authorization` header to send, if any.
    pub authorization: Option<String>,
    /// The body, if any.
    pub body: Option<Body>,
}

impl Outgoing {
    /// A plain `GET`, nothing secret.
    pub fn get(url: impl Into<String>) -> Self {
        Self { method: Method::Get, url: url.into(), authorization: None, body: None }
    }
}

/// What came back for one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// An answer: its status and its text.
    Answered {
        /// HTTP status.
        status: u16,
        /// The body's text.
        body: String,
    },
    /// No answer within the request's time.
    TimedOut,
    /// The network failed (no connection, TLS, refused by the browser).
    Unreachable,
    /// The server answered with a redirect, which is not followed.
    Redirected,
    /// The answer was larger than [`MAX_RESPONSE_BYTES`]: how many bytes it declared or had sent when reading stopped.
    TooLarge {
        /// Bytes declared or read.
        bytes: usize,
    },
}

/// A metadata document's text from the outcome of loading `url`, or the problem to show.
pub fn document_from(url: &str, outcome: Outcome) -> Result<String, ProblemKind> {
    match outcome {
        Outcome::Answered { status: 200..=299, body } => Ok(body),
        Outcome::Answered { status, .. } => Err(ProblemKind::FetchFailed { url: url.to_string(), status: Some(status) }),
        Outcome::TimedOut => Err(ProblemKind::FetchTimedOut { url: url.to_string(), seconds: FETCH_TIMEOUT_SECONDS }),
        Outcome::Unreachable => Err(ProblemKind::FetchFailed { url: url.to_string(), status: None }),
        Outcome::Redirected => Err(ProblemKind::Redirected { url: url.to_string() }),
        Outcome::TooLarge { bytes } => Err(ProblemKind::TooLarge { bytes }),
    }
}

/// Whether `url` may be loaded: https, on an Okta host or one of `granted_hosts` (custom URL domains the admin
/// allowed). Answers the parsed URL, or the problem to show.
pub fn may_fetch(url: &str, granted_hosts: &[String]) -> Result<WebUrl, ProblemKind> {
    let parsed = WebUrl::parse(url).map_err(|_| ProblemKind::UnrecognisedLocation { input: url.to_string() })?;
    if !parsed.is_https() {
        return Err(ProblemKind::DocumentNotHttps { url: url.to_string() });
    }
    let host = parsed.host();
    if !is_dns_name(host) || parsed.authority() != host {
        // `*`, `%2A`, IP literals, ports: nothing the admin could mean by their org, and nothing to ask the
        // browser for.
        return Err(ProblemKind::UnrecognisedLocation { input: url.to_string() });
    }
    if OktaOrgHost::of(host).is_some() || granted_hosts.iter().any(|granted| granted == host) {
        Ok(parsed)
    } else if okta_domain_of(host).is_some() {
        Err(ProblemKind::NotAnOrgHost { host: host.to_string() })
    } else {
        Err(ProblemKind::HostNotGranted { host: host.to_string() })
    }
}

/// A host the admin may grant at run time: https, a plain DNS name, not one the extension already has (Okta's
/// domains, the Anypoint control planes).
pub fn grantable_host(url: &str) -> Result<String, ProblemKind> {
    let unrecognised = || ProblemKind::UnrecognisedLocation { input: url.to_string() };
    let parsed = WebUrl::parse(url).map_err(|_| unrecognised())?;
    let host = parsed.host();
    if !parsed.is_https() || !is_dns_name(host) || okta_domain_of(host).is_some() || super::hosts::is_anypoint_host(host) {
        return Err(unrecognised());
    }
    Ok(host.to_string())
}

/// A host name as DNS writes it: labels of letters, digits and hyphens, at least two of them, and not one the
/// browser reads as an IPv4 address (the URL Standard's "ends in a number": `1.2.3.4`, `0x7f.0x1`, `1.0x7f`).
fn is_dns_name(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty() && !label.starts_with('-') && !label.ends_with('-') && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
        && !labels.last().is_some_and(|last| ends_in_a_number(last))
}

/// The URL Standard's "ends in a number checker", for the last label: all decimal digits, or `0x`/`0X` and
/// hexadecimal digits (none at all counts too).
fn ends_in_a_number(last: &str) -> bool {
    let hex = last.strip_prefix("0x").or_else(|| last.strip_prefix("0X"));
    match hex {
        Some(digits) => digits.bytes().all(|b| b.is_ascii_hexdigit()),
        None => !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()),
    }
}

/// The custom domains among granted origin patterns (`https://login.acme.com/*` → `login.acme.com`). The browser
/// also lists the install-time ones: wildcard patterns (the Okta domains) name no single host, and the Anypoint
/// control planes (content scripts) are no place to load metadata from; both are left out.
pub fn hosts_of_origins(origins: &[String]) -> Vec<String> {
    origins
        .iter()
        .filter_map(|origin| WebUrl::parse(origin).ok())
        .filter(|url| url.is_https() && !url.host().contains('*') && !super::hosts::is_anypoint_host(url.host()))
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
        for odd in ["https://*/oauth2/default", "https://%2A.example.com/x", "https://127.0.0.1/x", "https://localhost/x", "https://-a.example.com/", "https://dev-1.okta.com:8443/x"] {
            assert!(matches!(may_fetch(odd, &[]), Err(ProblemKind::UnrecognisedLocation { .. })), "{odd}");
        }
        // Hosts the browser reads as IPv4 addresses, even granted: the URL Standard's "ends in a number".
        for ip in ["0x7f.0x1", "1.0x7f", "a.0X", "a.0x", "example.0xff", "a.1"] {
            let url = format!("https://{ip}/oauth2/default");
            assert!(matches!(may_fetch(&url, &[ip.into()]), Err(ProblemKind::UnrecognisedLocation { .. })), "{ip}");
            assert!(grantable_host(&url).is_err(), "{ip}");
        }
        // A name that only looks like one is a name.
        assert!(may_fetch("https://a.0xg/x", &["a.0xg".into()]).is_ok());
        assert!(may_fetch("https://login.0xacme.com/x", &["login.0xacme.com".into()]).is_ok());
        // Deeper hosts under Okta's domain are no org's: never loaded, never granted.
        for deeper in ["https://dev-1.x.okta.com/oauth2/default", "https://x.mtls.okta.com/.well-known/openid-configuration"] {
            assert!(matches!(may_fetch(deeper, &[]), Err(ProblemKind::NotAnOrgHost { .. })), "{deeper}");
            assert!(grantable_host(deeper).is_err(), "{deeper}");
        }
        assert!(may_fetch("https://dev-1-admin.okta.com/x", &[]).is_ok(), "the admin console is the org's");
    }

    #[test]
    fn a_document_loads_only_from_a_plain_answer() {
        let url = "https://dev-1.okta.com/.well-known/openid-configuration";
        assert_eq!(document_from(url, Outcome::Answered { status: 200, body: "{}".into() }), Ok("{}".into()));
        assert_eq!(document_from(url, Outcome::Answered { status: 404, body: "{}".into() }), Err(ProblemKind::FetchFailed { url: url.into(), status: Some(404) }));
        assert_eq!(document_from(url, Outcome::Unreachable), Err(ProblemKind::FetchFailed { url: url.into(), status: None }));
        assert_eq!(document_from(url, Outcome::TimedOut), Err(ProblemKind::FetchTimedOut { url: url.into(), seconds: FETCH_TIMEOUT_SECONDS }));
        assert_eq!(document_from(url, Outcome::Redirected), Err(ProblemKind::Redirected { url: url.into() }));
        assert_eq!(document_from(url, Outcome::TooLarge { bytes: 9 }), Err(ProblemKind::TooLarge { bytes: 9 }));
    }

    #[test]
    fn only_plain_new_hosts_can_be_granted() {
        assert_eq!(grantable_host("https://anypoint.acme.com/accounts"), Ok("anypoint.acme.com".into()));
        for refused in ["https://*.acme.com", "http://anypoint.acme.com", "https://dev-1.okta.com", "https://anypoint.mulesoft.com", "https://10.0.0.1"] {
            assert!(grantable_host(refused).is_err(), "{refused}");
        }
    }

    #[test]
    fn granted_origins_become_hosts() {
        let origins = ["https://*.okta.com/*", "https://*.okta.com/admin/*", "https://anypoint.mulesoft.com/*", "https://login.acme.com/*", "http://plain.example/*", "https://*/*"]
            .map(String::from);
        assert_eq!(hosts_of_origins(&origins), ["login.acme.com"]);
    }
}
