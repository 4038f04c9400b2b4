//! Parse and validate an Okta authorization server metadata document, given its text and the URL it came
//! from. Enforces RFC 8414 §2/§3.3 and OpenID Connect Discovery §4.3 (the document's `issuer` is the one the
//! URL was built from), checks every endpoint Anypoint needs, and cleans Okta's `?client_id=` artefacts.
//! Trust: every value offered for filling sits on the issuer's host, and the issuer on an Okta host of the same
//! org or on a host the admin granted (docs/architecture.md, "Trust model").
//!
//! ```
//! use okta_anypoint_assist::core::metadata::inspect_metadata;
//! let text = r#"{"issuer":"https://acme.okta.com","authorization_endpoint":"https://acme.okta.com/oauth2/v1/authorize",
//!   "token_endpoint":"https://acme.okta.com/oauth2/v1/token","registration_endpoint":"https://acme.okta.com/oauth2/v1/clients",
//!   "introspection_endpoint":"https://acme.okta.com/oauth2/v1/introspect"}"#;
//! let inspection = inspect_metadata(text, "https://acme.okta.com/.well-known/openid-configuration");
//! assert!(inspection.is_valid());
//! assert_eq!(inspection.metadata.unwrap().issuer, "https://acme.okta.com");
//! ```

use serde::Serialize;

use super::hosts::{okta_domain_of, okta_org_of, same_okta_org, OktaOrgHost};
use super::json_document::{parse_json, Found, DocumentFields, TopLevel};
pub use super::okta_paths::DocumentKind;
use super::okta_paths::{
    compare_to_issuer, metadata_document, registration_client_id, server_of_issuer, AuthorizationServer, Mismatch,
    ORG_REGISTRATION_PATH,
};
use super::problem::{Problem, ProblemKind};
use super::web_url::{UrlError, WebUrl};

/// Documents larger than this are refused: real ones are 2–4 KB.
pub const MAX_DOCUMENT_BYTES: usize = 1024 * 1024;
// Every value a document of that size can hold ("[0,0,…]") is within what the extension's decoder walks.
const _: () = assert!(super::tree::MAX_VALUES >= MAX_DOCUMENT_BYTES / 2);

/// Arrays and objects nested deeper than this are refused: real documents nest 2 levels.
pub const MAX_NESTING: usize = 32;

/// The deepest nesting of `[` and `{` outside strings (not a parser: brackets in strings are skipped, and
/// unbalanced text is the parser's to report).
pub(crate) fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for byte in text.bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// What the metadata URL itself tells: the server, the issuer it was built from, the org.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MetadataLocation {
    /// The URL, normalised (lower-case host, no default port).
    pub document_url: String,
    /// Which well-known document it names.
    pub kind: DocumentKind,
    /// The authorization server it describes.
    pub server: AuthorizationServer,
    /// The issuer the URL was built from (RFC 8414 §3.3): the document must name this one.
    pub expected_issuer: String,
    /// The Okta org when the document sits on an Okta host; `None` on a custom URL domain.
    pub okta_org: Option<String>,
    /// A `?client_id=` on the URL: Okta then appends it to some endpoints.
    pub client_id_param: Option<String>,
}

impl MetadataLocation {
    /// Recognise a metadata URL (every Okta form of docs/facts.md, "Okta"), on any host.
    pub fn parse(url: &str) -> Result<Self, ProblemKind> {
        let not_metadata = || ProblemKind::NotAMetadataUrl { url: url.to_string() };
        let parsed = WebUrl::parse(url.trim()).map_err(|_| not_metadata())?;
        if !parsed.is_https() {
            return Err(ProblemKind::DocumentNotHttps { url: url.to_string() });
        }
        let host = parsed.host().to_string();
        let (kind, server) = metadata_document(parsed.path()).ok_or_else(not_metadata)?;
        let expected_issuer = format!("{}{}", parsed.origin(), server.issuer_path());
        let client_id_param = parsed.query_param("client_id").map(str::to_string);
        Ok(Self {
            document_url: parsed.to_string(),
            kind,
            server,
            expected_issuer,
            okta_org: okta_org_of(&host),
            client_id_param,
        })
    }
}

/// What an admin may type in the extension's own UI, as a metadata URL: a metadata URL as it is, an issuer
/// (`/.well-known/openid-configuration` appended, OpenID Discovery §4), or a bare org host (its `default`
/// authorization server, the one Okta creates with API Access Management).
///
/// ```
/// use okta_anypoint_assist::core::metadata::metadata_url_for;
/// assert_eq!(metadata_url_for("dev-123.okta.com").unwrap(),
///            "https://dev-123.okta.com/oauth2/default/.well-known/openid-configuration");
/// ```
pub fn metadata_url_for(input: &str) -> Result<String, ProblemKind> {
    let input = input.trim();
    let unrecognised = || ProblemKind::UnrecognisedLocation { input: input.to_string() };
    let with_scheme = if input.contains("://") { input.to_string() } else { format!("https://{input}") };
    let url = WebUrl::parse(&with_scheme).map_err(|_| unrecognised())?;
    if !url.is_https() {
        return Err(ProblemKind::DocumentNotHttps { url: input.to_string() });
    }
    if MetadataLocation::parse(&with_scheme).is_ok() {
        return Ok(url.to_string());
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(unrecognised());
    }
    let path = url.path().trim_end_matches('/');
    match server_of_issuer(path) {
        Some(_) if path.is_empty() => Ok(format!("{}/oauth2/default/.well-known/openid-configuration", url.origin())),
        Some(_) => Ok(format!("{}{path}/.well-known/openid-configuration", url.origin())),
        None => Err(unrecognised()),
    }
}

/// The values of a document that Anypoint needs, cleaned (registration URL without a client id suffix).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)] // the document's own field names
pub struct Metadata {
    pub location: MetadataLocation,
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub registration_endpoint: Option<String>,
    pub introspection_endpoint: Option<String>,
}

/// The outcome of inspecting one document: what could be read and everything found wrong with it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Inspection {
    /// The values, when the document could be read far enough (even with errors: see `is_valid`).
    pub metadata: Option<Metadata>,
    /// Everything found, most important first as found.
    pub problems: Vec<Problem>,
}

impl Inspection {
    /// Usable for Anypoint: read, and nothing of error severity found.
    pub fn is_valid(&self) -> bool {
        self.metadata.is_some() && !self.problems.iter().any(Problem::is_error)
    }

    fn fail(kind: ProblemKind) -> Self {
        Self { metadata: None, problems: vec![Problem::from(kind)] }
    }
}

/// Parse and validate `text`, the document found at `source_url`, with no host granted beyond Okta's.
pub fn inspect_metadata(text: &str, source_url: &str) -> Inspection {
    inspect_metadata_with(text, source_url, &[])
}

/// Parse and validate `text`, the document found at `source_url`; `granted_hosts` are the custom URL domains
/// the admin allowed. Never panics.
pub fn inspect_metadata_with(text: &str, source_url: &str, granted_hosts: &[String]) -> Inspection {
    let trusted = |host: &str| OktaOrgHost::of(host).is_some() || granted_hosts.iter().any(|g| g == host);
    let location = match MetadataLocation::parse(source_url) {
        Ok(location) => location,
        Err(kind) => return Inspection::fail(kind),
    };
    let object = match read_document(text) {
        Ok(object) => object,
        Err(kind) => return Inspection::fail(kind),
    };
    let mut problems = Vec::new();
    let document_host = host_of(&location.document_url);
    if !trusted(&document_host) {
        problems.push(untrusted(&document_host).into());
    } else if location.okta_org.is_none() {
        problems.push(ProblemKind::CustomDomain { host: document_host.clone() }.into());
    }
    if let Some(client_id) = &location.client_id_param {
        problems.push(ProblemKind::ClientIdParameter { client_id: client_id.clone() }.into());
    }

    let mut check = Checker { object: &object, problems: &mut problems };
    let issuer = check.issuer(&location, &trusted);
    let authorize = check.url("authorization_endpoint", true);
    let token = check.url("token_endpoint", true);
    let registration = check.url("registration_endpoint", false);
    let introspection = check.url("introspection_endpoint", false);
    for optional in ["jwks_uri", "userinfo_endpoint", "revocation_endpoint", "end_session_endpoint"] {
        check.url(optional, false);
    }
    let present = |field: &str| !matches!(object.get(field), Found::Absent | Found::Null);
    let registration_absent = !present("registration_endpoint");
    if registration_absent && issuer.is_none() {
        problems.push(ProblemKind::MissingRegistrationEndpoint.into());
    }
    if !present("introspection_endpoint") {
        problems.push(ProblemKind::MissingIntrospectionEndpoint.into());
    }

    let (Some(issuer), Some(authorize), Some(token)) = (issuer, authorize, token) else {
        return Inspection { metadata: None, problems };
    };
    let issuer_url = WebUrl::parse(&issuer).ok();
    let registration = match registration {
        Some(url) => Some(clean_registration(url, &mut problems)),
        // Documents from before mid-2017 have none: Okta's registration endpoint is org-level, on the issuer's host.
        None if registration_absent => issuer_url.as_ref().map(|issuer| {
            let assumed = issuer.clone().with_path(ORG_REGISTRATION_PATH).without_query_or_fragment();
            problems.push(ProblemKind::RegistrationEndpointAssumed { url: assumed.to_string() }.into());
            assumed
        }),
        None => None,
    };
    for (field, url) in [
        ("authorization_endpoint", Some(&authorize)),
        ("token_endpoint", Some(&token)),
        ("introspection_endpoint", introspection.as_ref()),
        ("registration_endpoint", registration.as_ref()),
    ] {
        let Some(mismatch) = url.zip(issuer_url.as_ref()).and_then(|(url, issuer)| compare_to_issuer(url, issuer)) else {
            continue;
        };
        let field = field.to_string();
        problems.push(match mismatch {
            Mismatch::OtherHost { host, issuer_host } => ProblemKind::EndpointOnOtherHost { field, host, issuer_host },
            Mismatch::OtherServer { server, issuer_server } => {
                ProblemKind::EndpointOfOtherServer { field, server, issuer_server }
            }
        }.into());
    }
    // A custom URL domain is legitimate, but the registration URL is where Anypoint sends the API token: name it.
    if let Some(host) = registration.as_ref().map(WebUrl::host).filter(|host| OktaOrgHost::of(host).is_none()) {
        problems.push(ProblemKind::RegistrationOutsideOkta { host: host.to_string() }.into());
    }
    Inspection {
        metadata: Some(Metadata {
            location,
            issuer,
            authorization_endpoint: authorize.to_string(),
            token_endpoint: token.to_string(),
            registration_endpoint: registration.map(|u| u.to_string()),
            introspection_endpoint: introspection.map(|u| u.to_string()),
        }),
        problems,
    }
}

/// The fields of a document's text, or why it cannot be read (too large, empty, HTML, not JSON, not an object).
pub fn read_document(text: &str) -> Result<DocumentFields, ProblemKind> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(ProblemKind::TooLarge { bytes: text.len() });
    }
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Err(ProblemKind::EmptyDocument);
    }
    if trimmed.starts_with('<') {
        return Err(ProblemKind::HtmlNotJson);
    }
    // Parsers recurse per level: a hostile depth must be refused before any of them sees it.
    if nesting_depth(trimmed) > MAX_NESTING {
        return Err(ProblemKind::TooDeep { limit: MAX_NESTING });
    }
    match parse_json(trimmed)? {
        TopLevel::Object(fields) => Ok(fields),
        TopLevel::List(_) => Err(ProblemKind::NotAnObject { found: "jsonArray" }),
        TopLevel::Other(found) => Err(ProblemKind::NotAnObject { found }),
    }
}

fn host_of(url: &str) -> String {
    WebUrl::parse(url).map(|u| u.host().to_string()).unwrap_or_default()
}

struct Checker<'a> {
    object: &'a DocumentFields,
    problems: &'a mut Vec<Problem>,
}

impl Checker<'_> {
    fn string(&mut self, field: &str, required: bool) -> Option<&str> {
        match self.object.get(field) {
            Found::Absent | Found::Null => {
                if required {
                    self.problems.push(ProblemKind::MissingField { field: field.to_string() }.into());
                }
                None
            }
            Found::Text(s) => Some(s.as_str()),
            Found::Flag(_) => {
                self.problems.push(ProblemKind::WrongType { field: field.to_string(), found: "jsonBoolean" }.into());
                None
            }
            Found::Other(found) => {
                self.problems.push(ProblemKind::WrongType { field: field.to_string(), found }.into());
                None
            }
        }
    }

    /// An https URL; `javascript:`/`data:` and plain http refused, each with its own message.
    fn url(&mut self, field: &str, required: bool) -> Option<WebUrl> {
        let raw = self.string(field, required)?.to_string();
        let problem = match WebUrl::parse(&raw) {
            Ok(url) if url.is_https() => return Some(url),
            Ok(_) => ProblemKind::NotHttps { field: field.to_string() },
            Err(UrlError::OtherScheme(scheme)) => ProblemKind::UnsafeScheme { field: field.to_string(), scheme },
            Err(UrlError::NotAUrl) => ProblemKind::NotAUrl { field: field.to_string() },
        };
        self.problems.push(problem.into());
        None
    }

    /// RFC 8414 §2 and §3.3, OpenID Discovery §4.3. A host-only difference is a custom URL domain (warn), unless
    /// the two hosts are different Okta orgs (a mismatch) or the issuer's host is neither Okta's nor granted.
    fn issuer(&mut self, location: &MetadataLocation, trusted: &dyn Fn(&str) -> bool) -> Option<String> {
        let raw = self.string("issuer", true)?.to_string();
        let url = self.url("issuer", true)?;
        if url.query().is_some() || url.fragment().is_some() {
            self.problems.push(ProblemKind::IssuerHasQueryOrFragment.into());
            return None;
        }
        if raw == location.expected_issuer {
            return Some(raw);
        }
        let expected = WebUrl::parse(&location.expected_issuer).ok()?;
        let same_path = url.path().trim_end_matches('/') == expected.path().trim_end_matches('/');
        let other_okta_org = okta_domain_of(url.host()).is_some()
            && okta_domain_of(expected.host()).is_some()
            && !same_okta_org(url.host(), expected.host());
        if url.to_string() == location.expected_issuer {
            return Some(url.to_string()); // the same issuer, written with a default port or upper case
        }
        if same_path && url.host() != expected.host() && !raw.ends_with('/') && !other_okta_org {
            if !trusted(url.host()) {
                self.problems.push(untrusted(url.host()).into());
                return None;
            }
            // A custom domain's document cannot vouch for an Okta org (any org's name could be written there):
            // that org's own metadata URL can, and is then judged by the org rules.
            if okta_domain_of(url.host()).is_some() && okta_domain_of(expected.host()).is_none() {
                self.problems.push(
                    ProblemKind::IssuerOnOktaFromCustomDomain {
                        issuer: raw.clone(),
                        document_host: expected.host().to_string(),
                    }
                    .into(),
                );
                return None;
            }
            self.problems.push(
                ProblemKind::IssuerOnOtherHost {
                    issuer_host: url.host().to_string(),
                    document_host: expected.host().to_string(),
                }
                .into(),
            );
            return Some(raw);
        }
        self.problems
            .push(ProblemKind::IssuerMismatch { expected: location.expected_issuer.clone(), found: raw }.into());
        None
    }
}

/// Why a host may not vouch for a document: a deeper host under Okta's domain is no org's; any other host is
/// trusted only once the admin grants it.
fn untrusted(host: &str) -> ProblemKind {
    if okta_domain_of(host).is_some() {
        ProblemKind::NotAnOrgHost { host: host.to_string() }
    } else {
        ProblemKind::HostNotGranted { host: host.to_string() }
    }
}

/// `https://{org}/oauth2/v1/clients/{clientId}` and `?client_id=` → the org-level registration URL.
fn clean_registration(url: WebUrl, problems: &mut Vec<Problem>) -> WebUrl {
    let client_id = registration_client_id(url.path()).map(str::to_string);
    let url = url.without_query_or_fragment();
    match client_id {
        Some(client_id) => {
            problems.push(ProblemKind::RegistrationClientIdStripped { client_id }.into());
            url.with_path(ORG_REGISTRATION_PATH)
        }
        None => url,
    }
}

#[cfg(test)]
mod tests;
