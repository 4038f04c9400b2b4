//! What can be wrong with a metadata document, as typed kinds. Each kind documents when it happens and
//! renders, in one line, what is wrong and what the admin should do.

use std::fmt;

use serde::Serialize;

use super::okta_paths::AuthorizationServer;
use super::severity::Severity;
use super::words::{say, Arg, Finding};

#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)] // the fields of each kind are named for what they hold
pub enum ProblemKind {
    /// The address is not one of the well-known metadata paths.
    NotAMetadataUrl { url: String },
    /// The metadata was served over plain http.
    DocumentNotHttps { url: String },
    /// Larger than [`super::metadata::MAX_DOCUMENT_BYTES`].
    TooLarge { bytes: usize },
    /// Nothing but whitespace.
    EmptyDocument,
    /// Arrays or objects nested deeper than [`super::metadata::MAX_NESTING`].
    TooDeep { limit: usize },
    /// An HTML page (sign-in, error) where JSON was expected.
    HtmlNotJson,
    /// Not valid JSON (where, when the parser says: line and column).
    InvalidJson { position: Option<(usize, usize)> },
    /// Valid JSON, but not an object (`found`: the catalogue's name of its JSON type).
    NotAnObject { found: &'static str },
    /// A field Anypoint needs is absent.
    MissingField { field: String },
    /// A field holds another JSON type than a string.
    WrongType { field: String, found: &'static str },
    /// A field's value is not an absolute https URL with a host.
    NotAUrl { field: String },
    /// `http://` where https is required.
    NotHttps { field: String },
    /// `javascript:`, `data:` and other non-web schemes.
    UnsafeScheme { field: String, scheme: String },
    /// RFC 8414 §2: the issuer has no query or fragment.
    IssuerHasQueryOrFragment,
    /// RFC 8414 §3.3 / OpenID Discovery §4.3: the document names another issuer than its URL.
    IssuerMismatch { expected: String, found: String },
    /// Same issuer path on another host: a custom URL domain (legitimate, worth knowing).
    IssuerOnOtherHost { issuer_host: String, document_host: String },
    /// A document on a custom domain naming an issuer on an Okta host: only that org's own document may say so.
    IssuerOnOktaFromCustomDomain { issuer: String, document_host: String },
    /// Anypoint needs `registration_endpoint` for dynamic client registration.
    MissingRegistrationEndpoint,
    /// No `registration_endpoint` (documents from before mid-2017): Okta's org-level one is offered.
    RegistrationEndpointAssumed { url: String },
    /// Anypoint needs `introspection_endpoint` to validate tokens.
    MissingIntrospectionEndpoint,
    /// An endpoint on another host than the issuer: Anypoint would send the API token (registration) or the
    /// admin's users (authorize) elsewhere. Blocks keeping and filling.
    EndpointOnOtherHost { field: String, host: String, issuer_host: String },
    /// The issuer or the document is on a host that is neither Okta's nor one the admin granted.
    HostNotGranted { host: String },
    /// The registration URL is not on an Okta org's host (a custom URL domain): Anypoint sends the API token there.
    RegistrationOutsideOkta { host: String },
    /// A host under Okta's domain that is no org's own (`dev-1.x.okta.com`): it vouches for no org.
    NotAnOrgHost { host: String },
    /// An endpoint of another authorization server than the issuer's.
    EndpointOfOtherServer { field: String, server: AuthorizationServer, issuer_server: AuthorizationServer },
    /// `.../clients/{clientId}` became the org-level `.../clients`.
    RegistrationClientIdStripped { client_id: String },
    /// The metadata URL carried `?client_id=`.
    ClientIdParameter { client_id: String },
    /// The document is not on an Okta host: treated as a custom URL domain.
    CustomDomain { host: String },
    /// What was typed in the extension's own UI is neither an org, an issuer nor a metadata URL.
    UnrecognisedLocation { input: String },
    /// Loading the document failed: no answer (`status` None) or an HTTP error status.
    FetchFailed { url: String, status: Option<u16> },
    /// No answer within the worker's time limit.
    FetchTimedOut { url: String, seconds: u32 },
    /// The answer was a redirect, which is not followed (it could lead anywhere).
    Redirected { url: String },
}

impl ProblemKind {
    /// The kind's stable identifier (camelCase, for scripts, tests and the UI), how much it matters (errors block
    /// keeping and filling) and its message in the catalogue: declared together, one arm per kind, no default.
    fn spec(&self) -> (&'static str, Severity, &'static str) {
        use ProblemKind::*;
        use Severity::*;
        match self {
            NotAMetadataUrl { .. } => ("notAMetadataUrl", Error, "problemNotAMetadataUrl"),
            DocumentNotHttps { .. } => ("documentNotHttps", Error, "problemDocumentNotHttps"),
            TooLarge { .. } => ("tooLarge", Error, "problemTooLarge"),
            EmptyDocument => ("emptyDocument", Error, "problemEmptyDocument"),
            TooDeep { .. } => ("tooDeep", Error, "problemTooDeep"),
            HtmlNotJson => ("htmlNotJson", Error, "problemHtmlNotJson"),
            InvalidJson { position: None } => ("invalidJson", Error, "problemInvalidJson"),
            InvalidJson { position: Some(_) } => ("invalidJson", Error, "problemInvalidJsonAt"),
            NotAnObject { .. } => ("notAnObject", Error, "problemNotAnObject"),
            MissingField { .. } => ("missingField", Error, "problemMissingField"),
            WrongType { .. } => ("wrongType", Error, "problemWrongType"),
            NotAUrl { .. } => ("notAUrl", Error, "problemNotAUrl"),
            NotHttps { .. } => ("notHttps", Error, "problemNotHttps"),
            UnsafeScheme { .. } => ("unsafeScheme", Error, "problemUnsafeScheme"),
            IssuerHasQueryOrFragment => ("issuerHasQueryOrFragment", Error, "problemIssuerHasQueryOrFragment"),
            IssuerMismatch { .. } => ("issuerMismatch", Error, "problemIssuerMismatch"),
            IssuerOnOtherHost { .. } => ("issuerOnOtherHost", Warning, "problemIssuerOnOtherHost"),
            IssuerOnOktaFromCustomDomain { .. } => {
                ("issuerOnOktaFromCustomDomain", Error, "problemIssuerOnOktaFromCustomDomain")
            }
            MissingRegistrationEndpoint => ("missingRegistrationEndpoint", Error, "problemMissingRegistrationEndpoint"),
            RegistrationEndpointAssumed { .. } => {
                ("registrationEndpointAssumed", Warning, "problemRegistrationEndpointAssumed")
            }
            MissingIntrospectionEndpoint => {
                ("missingIntrospectionEndpoint", Error, "problemMissingIntrospectionEndpoint")
            }
            EndpointOnOtherHost { .. } => ("endpointOnOtherHost", Error, "problemEndpointOnOtherHost"),
            HostNotGranted { .. } => ("hostNotGranted", Error, "problemHostNotGranted"),
            NotAnOrgHost { .. } => ("notAnOrgHost", Error, "problemNotAnOrgHost"),
            RegistrationOutsideOkta { .. } => ("registrationOutsideOkta", Warning, "problemRegistrationOutsideOkta"),
            EndpointOfOtherServer { .. } => ("endpointOfOtherServer", Warning, "problemEndpointOfOtherServer"),
            RegistrationClientIdStripped { .. } => {
                ("registrationClientIdStripped", Info, "problemRegistrationClientIdStripped")
            }
            ClientIdParameter { .. } => ("clientIdParameter", Info, "problemClientIdParameter"),
            CustomDomain { .. } => ("customDomain", Info, "problemCustomDomain"),
            UnrecognisedLocation { .. } => ("unrecognisedLocation", Error, "problemUnrecognisedLocation"),
            FetchFailed { status: Some(_), .. } => ("fetchFailed", Error, "problemFetchFailedStatus"),
            FetchFailed { status: None, .. } => ("fetchFailed", Error, "problemFetchFailed"),
            FetchTimedOut { .. } => ("fetchTimedOut", Error, "problemFetchTimedOut"),
            Redirected { .. } => ("redirected", Error, "problemRedirected"),
        }
    }

    /// Stable identifier of the kind (camelCase), for scripts, tests and the UI.
    pub fn code(&self) -> &'static str {
        self.spec().0
    }

    /// How much the problem matters: errors block keeping and filling.
    pub fn severity(&self) -> Severity {
        self.spec().1
    }

    /// What to say: the kind's message and its arguments, in the order the catalogue numbers them.
    pub fn finding(&self) -> Finding {
        use ProblemKind::*;
        let servers_page = || Arg::Words(Finding::new("oktaServersPage"));
        let args: Vec<Arg> = match self {
            NotAMetadataUrl { .. } => vec![servers_page()],
            TooLarge { bytes } => vec![(bytes / 1024).to_string().into()],
            TooDeep { limit } => vec![limit.to_string().into()],
            InvalidJson { position: Some((line, column)) } => vec![line.to_string().into(), column.to_string().into()],
            NotAnObject { found } => vec![Finding::new(found).into()],
            MissingField { field } | NotAUrl { field } | NotHttps { field } => vec![field.as_str().into()],
            WrongType { field, found } => vec![field.as_str().into(), Finding::new(found).into()],
            UnsafeScheme { field, scheme } => vec![field.as_str().into(), scheme.as_str().into()],
            IssuerMismatch { expected, found } => vec![found.as_str().into(), expected.as_str().into()],
            IssuerOnOtherHost { issuer_host, document_host } => {
                vec![issuer_host.as_str().into(), document_host.as_str().into()]
            }
            IssuerOnOktaFromCustomDomain { issuer, document_host } => {
                vec![document_host.as_str().into(), issuer.as_str().into()]
            }
            RegistrationEndpointAssumed { url } | FetchFailed { url, status: None } | Redirected { url } => {
                vec![url.as_str().into()]
            }
            EndpointOnOtherHost { field, host, issuer_host } => {
                vec![field.as_str().into(), host.as_str().into(), issuer_host.as_str().into()]
            }
            HostNotGranted { host } | RegistrationOutsideOkta { host } | NotAnOrgHost { host } | CustomDomain { host } => {
                vec![host.as_str().into()]
            }
            EndpointOfOtherServer { field, server, issuer_server } => {
                vec![field.as_str().into(), server.finding().into(), issuer_server.finding().into()]
            }
            RegistrationClientIdStripped { client_id } | ClientIdParameter { client_id } => vec![client_id.as_str().into()],
            UnrecognisedLocation { input } => vec![input.as_str().into()],
            FetchFailed { url, status: Some(status) } => vec![status.to_string().into(), url.as_str().into(), servers_page()],
            FetchTimedOut { url, seconds } => vec![seconds.to_string().into(), url.as_str().into()],
            DocumentNotHttps { .. }
            | EmptyDocument
            | HtmlNotJson
            | InvalidJson { position: None }
            | IssuerHasQueryOrFragment
            | MissingRegistrationEndpoint
            | MissingIntrospectionEndpoint => Vec::new(),
        };
        Finding { key: self.spec().2, args }
    }
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&say(&self.finding()))
    }
}

/// A finding with its severity and message, ready for the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// How much it matters.
    pub severity: Severity,
    /// [`ProblemKind::code`].
    pub code: &'static str,
    /// One line: what is wrong and what to do.
    pub message: String,
    /// The typed finding, for Rust callers and tests.
    #[serde(skip)]
    pub kind: ProblemKind,
}

impl Problem {
    /// Of error severity: the document must not be used.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl From<ProblemKind> for Problem {
    fn from(kind: ProblemKind) -> Self {
        Self { severity: kind.severity(), code: kind.code(), message: kind.to_string(), kind }
    }
}
