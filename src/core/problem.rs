//! What can be wrong with a metadata document, as typed kinds. Each kind documents when it happens and
//! renders, in one line, what is wrong and what the admin should do.

use std::fmt;

use serde::Serialize;

use super::severity::Severity;

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
    /// Valid JSON, but not an object.
    NotAnObject { found: String },
    /// A field Anypoint needs is absent.
    MissingField { field: String },
    /// A field holds another JSON type than a string.
    WrongType { field: String, found: String },
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
    EndpointOfOtherServer { field: String, server: String, issuer_server: String },
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
    /// The kind's stable identifier (camelCase, for scripts, tests and the UI) and how much it matters (errors
    /// block keeping and filling): declared together, one arm per kind, no default.
    fn spec(&self) -> (&'static str, Severity) {
        use ProblemKind::*;
        use Severity::*;
        match self {
            NotAMetadataUrl { .. } => ("notAMetadataUrl", Error),
            DocumentNotHttps { .. } => ("documentNotHttps", Error),
            TooLarge { .. } => ("tooLarge", Error),
            EmptyDocument => ("emptyDocument", Error),
            TooDeep { .. } => ("tooDeep", Error),
            HtmlNotJson => ("htmlNotJson", Error),
            InvalidJson { .. } => ("invalidJson", Error),
            NotAnObject { .. } => ("notAnObject", Error),
            MissingField { .. } => ("missingField", Error),
            WrongType { .. } => ("wrongType", Error),
            NotAUrl { .. } => ("notAUrl", Error),
            NotHttps { .. } => ("notHttps", Error),
            UnsafeScheme { .. } => ("unsafeScheme", Error),
            IssuerHasQueryOrFragment => ("issuerHasQueryOrFragment", Error),
            IssuerMismatch { .. } => ("issuerMismatch", Error),
            IssuerOnOtherHost { .. } => ("issuerOnOtherHost", Warning),
            IssuerOnOktaFromCustomDomain { .. } => ("issuerOnOktaFromCustomDomain", Error),
            MissingRegistrationEndpoint => ("missingRegistrationEndpoint", Error),
            RegistrationEndpointAssumed { .. } => ("registrationEndpointAssumed", Warning),
            MissingIntrospectionEndpoint => ("missingIntrospectionEndpoint", Error),
            EndpointOnOtherHost { .. } => ("endpointOnOtherHost", Error),
            HostNotGranted { .. } => ("hostNotGranted", Error),
            NotAnOrgHost { .. } => ("notAnOrgHost", Error),
            RegistrationOutsideOkta { .. } => ("registrationOutsideOkta", Warning),
            EndpointOfOtherServer { .. } => ("endpointOfOtherServer", Warning),
            RegistrationClientIdStripped { .. } => ("registrationClientIdStripped", Info),
            ClientIdParameter { .. } => ("clientIdParameter", Info),
            CustomDomain { .. } => ("customDomain", Info),
            UnrecognisedLocation { .. } => ("unrecognisedLocation", Error),
            FetchFailed { .. } => ("fetchFailed", Error),
            FetchTimedOut { .. } => ("fetchTimedOut", Error),
            Redirected { .. } => ("redirected", Error),
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
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ProblemKind::*;
        match self {
            NotAMetadataUrl { .. } => write!(
                f,
                "This address is not an authorization server metadata URL. In Okta open Security > API > \
                 Authorization Servers, pick the server and click its Metadata URI."
            ),
            DocumentNotHttps { .. } => {
                write!(f, "The metadata was not loaded over https. Open the Metadata URI with https://.")
            }
            TooLarge { bytes } => write!(
                f,
                "The document is {} KB; metadata documents are a few KB. Open the Metadata URI itself, not an export.",
                bytes / 1024
            ),
            EmptyDocument => write!(f, "The document is empty. Reload the Metadata URI."),
            TooDeep { limit } => write!(
                f,
                "The document nests arrays or objects more than {limit} levels deep; Okta's metadata nests two. This \
                 is not an Okta document: open the Metadata URI of your authorization server."
            ),
            HtmlNotJson => write!(
                f,
                "This page is HTML (a sign-in or error page?), not the metadata JSON. Sign in to Okta, then open \
                 the Metadata URI again."
            ),
            InvalidJson { position } => {
                write!(f, "The document is not valid JSON")?;
                if let Some((line, column)) = position {
                    write!(f, " (line {line}, column {column})")?;
                }
                write!(f, ". Reload the Metadata URI; if you copied it, copy the whole text.")
            }
            NotAnObject { found } => {
                write!(f, "The document is {found}, not a JSON object. Open the Metadata URI of an authorization server.")
            }
            MissingField { field } => write!(
                f,
                "The document has no \"{field}\". Check that this is the Metadata URI of an authorization server."
            ),
            WrongType { field, found } => {
                write!(f, "\"{field}\" is {found}, not a URL string. The document is not usable: reload it from Okta.")
            }
            NotAUrl { field } => write!(f, "\"{field}\" is not an absolute https URL. Reload the document from Okta."),
            NotHttps { field } => write!(
                f,
                "\"{field}\" uses http://; Anypoint requires https. Use the https Metadata URI of your Okta org."
            ),
            UnsafeScheme { field, scheme } => write!(
                f,
                "\"{field}\" uses the \"{scheme}:\" scheme, not https. This document is not a real Okta document: \
                 do not use it."
            ),
            IssuerHasQueryOrFragment => write!(
                f,
                "The issuer has a query or fragment, which RFC 8414 forbids. Use the Metadata URI of the \
                 authorization server without extra parameters."
            ),
            IssuerMismatch { expected, found } => write!(
                f,
                "The document names issuer {found} but was loaded from the metadata of {expected}; by RFC 8414 it \
                 must not be used. Open the Metadata URI of the server you want."
            ),
            IssuerOnOtherHost { issuer_host, document_host } => write!(
                f,
                "The issuer is on {issuer_host} while the document came from {document_host} (a custom URL \
                 domain?). Anypoint will use {issuer_host}: check that this is the domain your clients use."
            ),
            IssuerOnOktaFromCustomDomain { issuer, document_host } => write!(
                f,
                "The document on {document_host} names the Okta issuer {issuer}. Load that issuer's own Metadata \
                 URI ({issuer}/.well-known/openid-configuration) instead, so it can be checked against its org."
            ),
            MissingRegistrationEndpoint => write!(
                f,
                "The document has no registration_endpoint; Anypoint needs it. For Okta it is \
                 https://{{your org}}/oauth2/v1/clients."
            ),
            RegistrationEndpointAssumed { url } => write!(
                f,
                "The document has no registration_endpoint (older Okta orgs omit it); Okta's org-level {url} is \
                 offered. Check it in Okta if the registration fails."
            ),
            MissingIntrospectionEndpoint => write!(
                f,
                "The document has no introspection_endpoint; Anypoint needs it. Open the Metadata URI of an Okta \
                 authorization server (…/oauth2/{{id}}/.well-known/openid-configuration)."
            ),
            EndpointOnOtherHost { field, host, issuer_host } => write!(
                f,
                "\"{field}\" is on {host}, not on the issuer's host {issuer_host}: Anypoint would send your \
                 credentials there, so these values are not offered. Open the Metadata URI of your own org."
            ),
            HostNotGranted { host } => write!(
                f,
                "{host} is not an Okta host. If it is your org's custom URL domain, allow it in the extension's \
                 popup (Custom domains) and load it again."
            ),
            RegistrationOutsideOkta { host } => write!(
                f,
                "The Client Registration URL is on {host}, not on an Okta org's host: Anypoint sends your API token \
                 there. Keep it only if {host} is your Okta org's custom URL domain."
            ),
            NotAnOrgHost { host } => write!(
                f,
                "{host} is under Okta's domain but is no org's own address: an org is {{org}}.okta.com (or \
                 {{org}}-admin.okta.com for its admin console). Use your org's own address."
            ),
            EndpointOfOtherServer { field, server, issuer_server } => write!(
                f,
                "\"{field}\" belongs to {server}, but the issuer is {issuer_server}. Check the authorization server."
            ),
            RegistrationClientIdStripped { client_id } => write!(
                f,
                "The registration URL ended in the client id {client_id}; the org-level …/oauth2/v1/clients is used."
            ),
            ClientIdParameter { client_id } => write!(
                f,
                "The metadata URL carried ?client_id={client_id}; Okta's client-specific values were cleaned."
            ),
            CustomDomain { host } => {
                write!(f, "{host} is not an Okta host: treated as a custom URL domain of your Okta org.")
            }
            UnrecognisedLocation { input } => write!(
                f,
                "\"{input}\" is not an Okta address. Enter your org (dev-123456.okta.com), an issuer \
                 (https://{{org}}/oauth2/default) or a Metadata URI."
            ),
            FetchFailed { url, status: Some(status) } => write!(
                f,
                "Okta answered HTTP {status} for {url}. Check the org name and the authorization server id \
                 (Security > API > Authorization Servers)."
            ),
            FetchFailed { url, status: None } => {
                write!(f, "Could not load {url}. Check the address and your connection, then try again.")
            }
            FetchTimedOut { url, seconds } => {
                write!(f, "Okta did not answer within {seconds} seconds for {url}. Try again in a moment.")
            }
            Redirected { url } => write!(
                f,
                "{url} answered with a redirect, which the extension does not follow: nothing was loaded from \
                 elsewhere. Open the address in a tab and enter the one it ends at."
            ),
        }
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
