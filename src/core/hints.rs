//! Hints while the admin types: for one Anypoint field, its value and the rest of the form, what is wrong
//! and what to do, with a corrected value when there is one. Cheap enough to run on every keystroke.
//! Each hint is a typed [`HintKind`] (shaped like `ProblemKind`): the decisions come from `okta_paths`,
//! `header` and `form_rules`; this module only words them.
//!
//! ```
//! use okta_anypoint_assist::core::{fields::AnypointField, hints::{hints_for, FormValues, HintKind}};
//! let hints = hints_for(AnypointField::TokenUrl, "http://acme.okta.com/oauth2/v1/token", &FormValues::new());
//! assert_eq!(hints[0].kind, HintKind::HttpsRequired { field: AnypointField::TokenUrl });
//! assert!(hints[0].message.contains("https"));
//! ```

use std::fmt;

use serde::Serialize;

use super::fields::AnypointField;
use super::form_rules::{idp_deletion_allowed, nearest_allowed_timeout, DEFAULT_TIMEOUT_SECONDS, TIMEOUT_SECONDS};
use super::header::{looks_like_api_token, normalize_authorization_header, HeaderChange, HeaderFinding};
use super::okta_paths::{
    compare_to_issuer, endpoint_role, metadata_document, registration_client_id, AuthorizationServer, EndpointRole,
    Mismatch, ORG_REGISTRATION_PATH,
};
use super::severity::Severity;
use super::web_url::{UrlError, WebUrl};

pub use super::fields::FormValues;

/// What a hint is about. Each kind has a stable [`code`](HintKind::code), a [`severity`](HintKind::severity)
/// and a one-line message (`Display`) that says what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)] // the fields of each kind are named for what they hold
pub enum HintKind {
    /// Spaces or line breaks around the value.
    SurroundingSpaces,
    /// Not a URL at all.
    NotAUrl { field: AnypointField },
    /// `javascript:`, `data:` and other non-web schemes.
    UnsafeScheme { field: AnypointField, scheme: String },
    /// `http://` where Okta serves https.
    HttpsRequired { field: AnypointField },
    /// A metadata URL pasted into an endpoint field.
    MetadataUrlInEndpoint { field: AnypointField },
    /// Another Okta endpoint than the field asks for (the token URL in Authorize URL).
    WrongEndpoint { field: AnypointField, role: EndpointRole },
    /// A registration URL other than the org-level `…/oauth2/v1/clients` (a client id, a query, a server path).
    RegistrationNotOrgLevel,
    /// A trailing slash, which Okta's URLs do not have.
    TrailingSlash { field: AnypointField },
    /// An endpoint on another host than the Issuer.
    OtherHost { field: AnypointField, host: String, issuer_host: String },
    /// An endpoint of another authorization server than the Issuer's.
    OtherServer { field: AnypointField, server: AuthorizationServer, issuer_server: AuthorizationServer },
    /// A metadata URL in Issuer: Anypoint appends `/.well-known/…` itself.
    MetadataUrlInIssuer,
    /// An endpoint URL in Issuer.
    EndpointInIssuer { role: EndpointRole },
    /// A query or fragment on the issuer (RFC 8414 §2 forbids them).
    IssuerQuery,
    /// What the header's token looks like (`header.rs`).
    Header(HeaderFinding),
    /// The header does not read `SSWS <token>`; the fix says what normalisation changes.
    HeaderNormalized { changes: Vec<HeaderChange> },
    /// A timeout outside Anypoint's bounds.
    TimeoutOutOfRange { seconds: i64 },
    /// A timeout that is not a whole number.
    TimeoutNotANumber,
    /// A client id with characters Okta's ids do not have.
    ClientIdCharacters,
    /// A client id as long as a secret.
    ClientIdLooksLikeSecret,
    /// A client id without Okta's usual `0oa` start.
    ClientIdUnusual,
    /// The secret equals the client id.
    SecretEqualsId,
    /// An API token in the secret field.
    SecretLooksLikeApiToken,
    /// A secret shorter than Okta's.
    SecretShort,
    /// IdP deletion ticked without local deletion (`form_rules::idp_deletion_allowed`).
    IdpDeletionNeedsLocal,
    /// Certificate validation turned off.
    CertificateValidationOff,
    /// Private key JWT chosen: what Okta needs for it.
    PrivateKeyJwtNeeds,
    /// A private key that is neither PEM nor a JWK.
    PrivateKeyFormat,
    /// A public key (or certificate) where the private key goes.
    PublicKeyInstead,
}

impl HintKind {
    /// The kind's stable identifier (camelCase, for scripts, tests and the UI) and how much it matters (errors
    /// mark the field invalid): declared together, one arm per kind, no default.
    fn spec(&self) -> (&'static str, Severity) {
        use HintKind::*;
        use Severity::*;
        match self {
            SurroundingSpaces => ("surroundingSpaces", Warning),
            NotAUrl { .. } => ("notAUrl", Error),
            UnsafeScheme { .. } => ("unsafeScheme", Error),
            HttpsRequired { .. } => ("httpsRequired", Error),
            MetadataUrlInEndpoint { .. } => ("metadataUrlInEndpoint", Error),
            WrongEndpoint { .. } => ("wrongEndpoint", Error),
            RegistrationNotOrgLevel => ("registrationNotOrgLevel", Warning),
            TrailingSlash { .. } => ("trailingSlash", Warning),
            // Anypoint sends the API token to the registration URL: another host is never only a warning.
            OtherHost { field: AnypointField::ClientRegistrationUrl, .. } => ("otherHost", Error),
            OtherHost { .. } => ("otherHost", Warning),
            OtherServer { .. } => ("otherServer", Warning),
            MetadataUrlInIssuer => ("metadataUrlInIssuer", Error),
            EndpointInIssuer { .. } => ("endpointInIssuer", Error),
            IssuerQuery => ("issuerQuery", Error),
            Header(HeaderFinding::JwtWithoutScheme) => ("jwtWithoutScheme", Warning),
            Header(HeaderFinding::PrefixWithoutToken) => ("prefixWithoutToken", Error),
            Header(HeaderFinding::JwtWithSsws) => ("jwtWithSsws", Error),
            Header(HeaderFinding::SecretAsToken) => ("secretAsToken", Warning),
            Header(HeaderFinding::UnusualApiToken) => ("unusualApiToken", Info),
            Header(HeaderFinding::BearerNotJwt) => ("bearerNotJwt", Info),
            HeaderNormalized { .. } => ("headerNormalized", Warning),
            TimeoutOutOfRange { .. } => ("timeoutOutOfRange", Error),
            TimeoutNotANumber => ("timeoutNotANumber", Error),
            ClientIdCharacters => ("clientIdCharacters", Warning),
            ClientIdLooksLikeSecret => ("clientIdLooksLikeSecret", Warning),
            ClientIdUnusual => ("clientIdUnusual", Info),
            SecretEqualsId => ("secretEqualsId", Error),
            SecretLooksLikeApiToken => ("secretLooksLikeApiToken", Warning),
            SecretShort => ("secretShort", Info),
            IdpDeletionNeedsLocal => ("idpDeletionNeedsLocal", Error),
            CertificateValidationOff => ("certificateValidationOff", Warning),
            PrivateKeyJwtNeeds => ("privateKeyJwtNeeds", Info),
            PrivateKeyFormat => ("privateKeyFormat", Warning),
            PublicKeyInstead => ("publicKeyInstead", Error),
        }
    }

    /// Stable identifier of the kind (camelCase), for scripts, tests and the UI.
    pub fn code(&self) -> &'static str {
        self.spec().0
    }

    /// How much it matters: errors mark the field invalid.
    pub fn severity(&self) -> Severity {
        self.spec().1
    }
}

fn expected_key(field: AnypointField) -> &'static str {
    match field {
        AnypointField::ClientRegistrationUrl => "registration_endpoint",
        AnypointField::AuthorizeUrl => "authorization_endpoint",
        AnypointField::TokenUrl => "token_endpoint",
        AnypointField::TokenIntrospectionUrl => "introspection_endpoint",
        _ => "issuer",
    }
}

fn expected_role(field: AnypointField) -> Option<EndpointRole> {
    match field {
        AnypointField::ClientRegistrationUrl => Some(EndpointRole::Registration),
        AnypointField::AuthorizeUrl => Some(EndpointRole::Authorize),
        AnypointField::TokenUrl => Some(EndpointRole::Token),
        AnypointField::TokenIntrospectionUrl => Some(EndpointRole::Introspect),
        _ => None,
    }
}

impl fmt::Display for HintKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use HintKind::*;
        let (min, max) = (TIMEOUT_SECONDS.start(), TIMEOUT_SECONDS.end());
        match self {
            SurroundingSpaces => write!(f, "Remove the spaces before or after the value."),
            NotAUrl { field } => write!(f, "{} must be a full URL starting with https://.", field.label()),
            UnsafeScheme { field, scheme } => {
                write!(f, "\"{scheme}:\" is not a web address. {} must start with https://.", field.label())
            }
            HttpsRequired { field } => {
                write!(f, "{} must use https://; Okta serves every endpoint over https.", field.label())
            }
            MetadataUrlInEndpoint { field } => write!(
                f,
                "This is the metadata URL, not {}. Take {} from the metadata document (or use Fill from Okta).",
                field.label(),
                expected_key(*field)
            ),
            WrongEndpoint { field, role } => {
                write!(f, "This is {}, not the {}.", role.describe(), field.label())?;
                match expected_role(*field) {
                    Some(expected) => write!(f, " Use {}.", expected.describe()),
                    None => Ok(()),
                }
            }
            RegistrationNotOrgLevel => write!(
                f,
                "Use the org-level registration URL, without a client id or server: …{ORG_REGISTRATION_PATH}."
            ),
            TrailingSlash { field: AnypointField::Issuer } => {
                write!(f, "Remove the trailing slash: the issuer must match Okta's exactly, and Okta's has none.")
            }
            TrailingSlash { .. } => write!(f, "Remove the trailing slash: Okta's endpoints have none."),
            OtherHost { field: AnypointField::ClientRegistrationUrl, host, issuer_host } => write!(
                f,
                "Anypoint sends your API token to the Client Registration URL, and it is on {host}, not on the \
                 Issuer's host {issuer_host}. Use https://{issuer_host}/oauth2/v1/clients."
            ),
            OtherHost { field, host, issuer_host } => write!(
                f,
                "{} is on {host} but the Issuer is on {issuer_host}: is this another Okta org?",
                field.label()
            ),
            OtherServer { field, server, issuer_server } => write!(
                f,
                "{} belongs to {}, but the Issuer is {}. Use the endpoints of the Issuer's server.",
                field.label(),
                server.describe(),
                issuer_server.describe()
            ),
            MetadataUrlInIssuer => {
                write!(f, "This is the metadata URL. Anypoint adds /.well-known/… itself: enter the bare issuer.")
            }
            EndpointInIssuer { role } => write!(
                f,
                "This is {}, not the issuer. The issuer is https://{{org}}/oauth2/{{server id}} (or just the org URL).",
                role.describe()
            ),
            IssuerQuery => write!(f, "The issuer cannot have a query or fragment: remove it."),
            Header(HeaderFinding::JwtWithoutScheme) => write!(
                f,
                "This looks like an OAuth access token (JWT), not an Okta API token. Write \"Bearer \" before it if \
                 it has the okta.clients.register scope; otherwise create an API token in Okta (Security > API > Tokens)."
            ),
            Header(HeaderFinding::PrefixWithoutToken) => {
                write!(f, "The prefix is there but the token is missing. Paste the API token after \"SSWS \".")
            }
            Header(HeaderFinding::JwtWithSsws) => write!(
                f,
                "SSWS is for Okta API tokens, but this is an OAuth access token (JWT). Use \"Bearer \" for it, or \
                 paste an API token."
            ),
            Header(HeaderFinding::SecretAsToken) => write!(
                f,
                "This looks like a client secret, not an Okta API token. Create a token in Okta (Security > API > \
                 Tokens) and paste that; the secret belongs in Token Introspection Client Secret."
            ),
            Header(HeaderFinding::UnusualApiToken) => write!(
                f,
                "This does not look like an Okta API token (usually 42 characters starting with 00). Check that you \
                 copied all of it."
            ),
            Header(HeaderFinding::BearerNotJwt) => write!(
                f,
                "Bearer is for OAuth access tokens with okta.clients.register. For an Okta API token use \"SSWS \"."
            ),
            HeaderNormalized { changes } => {
                write!(f, "The header should read \"SSWS <API token>\": ")?;
                for (i, change) in changes.iter().enumerate() {
                    write!(f, "{}{}", if i == 0 { "" } else { ", " }, change.describe())?;
                }
                write!(f, ".")
            }
            TimeoutOutOfRange { seconds } => {
                write!(f, "Anypoint accepts {min} to {max} seconds; {seconds} is outside.")
            }
            TimeoutNotANumber => {
                write!(f, "Enter whole seconds, {min} to {max} ({DEFAULT_TIMEOUT_SECONDS} if unsure).")
            }
            ClientIdCharacters => write!(
                f,
                "Okta client ids hold only letters, digits, - and _. Copy it again from the app's General tab."
            ),
            ClientIdLooksLikeSecret => write!(
                f,
                "This looks like a client secret. The Client ID is the shorter value (often 20 characters starting 0oa)."
            ),
            ClientIdUnusual => write!(
                f,
                "Okta client ids usually start with 0oa: check that this is the id of the introspection app."
            ),
            SecretEqualsId => write!(
                f,
                "The Client Secret is the same as the Client ID. Copy the secret from the app's General tab."
            ),
            SecretLooksLikeApiToken => write!(
                f,
                "This looks like an Okta API token; it belongs in Authorization Header (as SSWS <token>)."
            ),
            SecretShort => write!(
                f,
                "Okta client secrets are usually 40 or 64 characters: check that you copied all of it."
            ),
            IdpDeletionNeedsLocal => write!(
                f,
                "\"{}\" needs \"{}\": tick that one too.",
                AnypointField::EnableIdpDeletionAndUpdates.label(),
                AnypointField::EnableClientDeletion.label()
            ),
            CertificateValidationOff => write!(
                f,
                "Leave certificate validation on: Okta's certificates are valid, and turning it off lets anyone in \
                 the middle read the API token."
            ),
            PrivateKeyJwtNeeds => write!(
                f,
                "For private key JWT, Okta needs an API Services app with the scopes okta.clients.register, \
                 okta.clients.read and okta.clients.manage, the Application Administrator role, DPoP off, and this \
                 key's public half; no Authorization Header is used."
            ),
            PrivateKeyFormat => write!(
                f,
                "Paste the whole private key: PEM text from -----BEGIN PRIVATE KEY----- to -----END PRIVATE KEY-----, \
                 or the JWK (JSON) Okta gave you."
            ),
            PublicKeyInstead => write!(
                f,
                "This is a public key or certificate. Anypoint signs with the private key; the public one goes to the \
                 Okta app."
            ),
        }
    }
}

/// One hint, ready for the page: kind, severity, message, and a certain fix when there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Hint {
    /// The typed finding, for Rust callers and tests.
    #[serde(skip)]
    pub kind: HintKind,
    /// [`HintKind::severity`].
    pub severity: Severity,
    /// [`HintKind::code`].
    pub code: &'static str,
    /// One line: what is wrong and what to do (never the value of a secret).
    pub message: String,
    /// The value to put in the field to fix it, when the fix is certain.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), ts(optional))]
    pub fix: Option<String>,
    /// The name of the button that applies `fix` (never contains a secret).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), ts(optional))]
    pub fix_label: Option<&'static str>,
    /// Apply `fix` without asking, on paste or when the admin leaves the field (the SSWS prefix).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(not(target_arch = "wasm32"), ts(as = "Option<bool>", optional))]
    pub auto_apply: bool,
}

impl From<HintKind> for Hint {
    fn from(kind: HintKind) -> Self {
        Self {
            severity: kind.severity(),
            code: kind.code(),
            message: kind.to_string(),
            kind,
            fix: None,
            fix_label: None,
            auto_apply: false,
        }
    }
}

impl Hint {
    fn with_fix(mut self, fix: impl Into<String>, label: &'static str) -> Self {
        self.fix = Some(fix.into());
        self.fix_label = Some(label);
        self
    }

    fn applied_automatically(mut self) -> Self {
        self.auto_apply = self.fix.is_some();
        self
    }
}

/// Every hint for `field` holding `value`, most severe first.
pub fn hints_for(field: AnypointField, value: &str, others: &FormValues) -> Vec<Hint> {
    let mut hints = match field {
        f if f.is_url() => url_hints(field, value, others),
        // With private key JWT chosen there is no header to fix.
        AnypointField::AuthorizationHeader if is_ticked(others, AnypointField::AuthenticationByPrivateKeyJwt) => Vec::new(),
        AnypointField::AuthorizationHeader => header_hints(value),
        AnypointField::ClientRequestTimeout => timeout_hints(value),
        AnypointField::IntrospectionClientId => client_id_hints(value),
        AnypointField::IntrospectionClientSecret => client_secret_hints(value, others),
        // The same rule, shown on whichever of the two checkboxes the admin just changed.
        AnypointField::EnableIdpDeletionAndUpdates => {
            idp_deletion_hints(is_ticked(others, AnypointField::EnableClientDeletion), value == "true")
        }
        AnypointField::EnableClientDeletion => {
            idp_deletion_hints(value == "true", is_ticked(others, AnypointField::EnableIdpDeletionAndUpdates))
        }
        AnypointField::DisableCertificateValidation if value == "true" => {
            vec![HintKind::CertificateValidationOff.into()]
        }
        AnypointField::AuthenticationByPrivateKeyJwt if value == "true" => vec![HintKind::PrivateKeyJwtNeeds.into()],
        AnypointField::PrivateKey => private_key_hints(value),
        _ => Vec::new(),
    };
    most_severe_first(&mut hints);
    hints
}

/// A stable insertion sort by severity: a handful of hints, and `sort_by` would add kilobytes of wasm.
fn most_severe_first(hints: &mut [Hint]) {
    for i in 1..hints.len() {
        let mut j = i;
        while j > 0 && hints[j - 1].severity < hints[j].severity {
            hints.swap(j - 1, j);
            j -= 1;
        }
    }
}

fn whitespace_hint(value: &str) -> Option<Hint> {
    (value.trim() != value).then(|| Hint::from(HintKind::SurroundingSpaces).with_fix(value.trim(), "Remove the spaces"))
}

fn url_hints(field: AnypointField, value: &str, others: &FormValues) -> Vec<Hint> {
    let mut hints: Vec<Hint> = whitespace_hint(value).into_iter().collect();
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return hints;
    }
    let url = match WebUrl::parse(trimmed) {
        Ok(url) => url,
        Err(UrlError::NotAUrl) => {
            hints.push(HintKind::NotAUrl { field }.into());
            return hints;
        }
        Err(UrlError::OtherScheme(scheme)) => {
            hints.push(HintKind::UnsafeScheme { field, scheme }.into());
            return hints;
        }
    };
    if !url.is_https() {
        let fixed = format!("https{}", &trimmed[trimmed.find(':').unwrap_or(0)..]);
        hints.push(Hint::from(HintKind::HttpsRequired { field }).with_fix(fixed, "Use https://"));
    }
    let role = endpoint_role(url.path());
    if field == AnypointField::Issuer {
        issuer_hints(trimmed, &url, role, &mut hints);
        return hints;
    }
    match role {
        Some(EndpointRole::Metadata) => hints.push(HintKind::MetadataUrlInEndpoint { field }.into()),
        Some(role) if Some(role) != expected_role(field) => hints.push(HintKind::WrongEndpoint { field, role }.into()),
        _ => {}
    }
    if field == AnypointField::ClientRegistrationUrl && role == Some(EndpointRole::Registration) {
        let org_level = url.path() == ORG_REGISTRATION_PATH && registration_client_id(url.path()).is_none();
        if !org_level || url.query().is_some() {
            let fixed = url.clone().with_path(ORG_REGISTRATION_PATH).without_query_or_fragment();
            hints.push(Hint::from(HintKind::RegistrationNotOrgLevel).with_fix(fixed.to_string(), "Use …/oauth2/v1/clients"));
        }
    }
    if url.path().len() > 1 && url.path().ends_with('/') {
        // From the path itself: the slash may stand before a query or fragment.
        let fixed = url.clone().with_path(url.path().trim_end_matches('/')).to_string();
        hints.push(Hint::from(HintKind::TrailingSlash { field }).with_fix(fixed, "Remove the slash"));
    }
    let issuer = others.get(&AnypointField::Issuer).and_then(|v| WebUrl::parse(v.trim()).ok());
    match issuer.as_ref().and_then(|issuer| compare_to_issuer(&url, issuer)) {
        Some(Mismatch::OtherHost { host, issuer_host }) => hints.push(HintKind::OtherHost { field, host, issuer_host }.into()),
        Some(Mismatch::OtherServer { server, issuer_server }) => {
            hints.push(HintKind::OtherServer { field, server, issuer_server }.into())
        }
        None => {}
    }
    hints
}

fn issuer_hints(trimmed: &str, url: &WebUrl, role: Option<EndpointRole>, hints: &mut Vec<Hint>) {
    match role {
        Some(EndpointRole::Metadata) => {
            // The issuer a metadata URL was built from (RFC 8414 §3), when it is one of the known forms.
            let hint = Hint::from(HintKind::MetadataUrlInIssuer);
            hints.push(match metadata_document(url.path()) {
                Some((_, server)) => hint.with_fix(format!("{}{}", url.origin(), server.issuer_path()), "Use the bare issuer"),
                None => hint,
            });
            return;
        }
        Some(role) => {
            hints.push(HintKind::EndpointInIssuer { role }.into());
            return;
        }
        None => {}
    }
    if url.query().is_some() || url.fragment().is_some() {
        let fixed = url.clone().without_query_or_fragment().to_string();
        hints.push(Hint::from(HintKind::IssuerQuery).with_fix(fixed.trim_end_matches('/'), "Remove the query"));
    }
    if trimmed.ends_with('/') {
        let field = AnypointField::Issuer;
        hints.push(Hint::from(HintKind::TrailingSlash { field }).with_fix(trimmed.trim_end_matches('/'), "Remove the slash"));
    }
}

fn header_hints(value: &str) -> Vec<Hint> {
    if value.trim().is_empty() {
        return Vec::new();
    }
    let normalized = normalize_authorization_header(value);
    let mut hints: Vec<Hint> = normalized.findings.iter().map(|finding| HintKind::Header(*finding).into()).collect();
    if normalized.value != value && !normalized.changes.is_empty() {
        hints.push(
            Hint::from(HintKind::HeaderNormalized { changes: normalized.changes })
                .with_fix(normalized.value, "Fix the header")
                .applied_automatically(),
        );
    }
    hints
}

fn timeout_hints(value: &str) -> Vec<Hint> {
    let mut hints: Vec<Hint> = whitespace_hint(value).into_iter().collect();
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return hints;
    }
    match trimmed.parse::<i64>() {
        Ok(seconds) if u32::try_from(seconds).is_ok_and(|s| TIMEOUT_SECONDS.contains(&s)) => {}
        Ok(seconds) => hints.push(
            Hint::from(HintKind::TimeoutOutOfRange { seconds })
                .with_fix(nearest_allowed_timeout(seconds).to_string(), "Use the nearest allowed value"),
        ),
        Err(_) => hints.push(HintKind::TimeoutNotANumber.into()),
    }
    hints
}

fn client_id_hints(value: &str) -> Vec<Hint> {
    let mut hints: Vec<Hint> = whitespace_hint(value).into_iter().collect();
    let id = value.trim();
    if id.is_empty() {
        return hints;
    }
    if !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-') {
        hints.push(HintKind::ClientIdCharacters.into());
    } else if id.len() >= 40 {
        hints.push(HintKind::ClientIdLooksLikeSecret.into());
    } else if !id.starts_with("0oa") {
        hints.push(HintKind::ClientIdUnusual.into());
    }
    hints
}

fn client_secret_hints(value: &str, others: &FormValues) -> Vec<Hint> {
    let mut hints: Vec<Hint> = whitespace_hint(value).into_iter().collect();
    let secret = value.trim();
    if secret.is_empty() {
        return hints;
    }
    if others.get(&AnypointField::IntrospectionClientId).is_some_and(|id| id.trim() == secret) {
        hints.push(HintKind::SecretEqualsId.into());
    } else if looks_like_api_token(secret) {
        hints.push(HintKind::SecretLooksLikeApiToken.into());
    } else if secret.len() < 32 {
        hints.push(HintKind::SecretShort.into());
    }
    hints
}

/// PEM or a JWK; a public key or certificate is the wrong half. Never repeats the key.
fn private_key_hints(value: &str) -> Vec<Hint> {
    let key = value.trim();
    if key.is_empty() {
        return Vec::new();
    }
    if key.contains("PUBLIC KEY-----") || key.contains("CERTIFICATE-----") {
        return vec![HintKind::PublicKeyInstead.into()];
    }
    let pem = key.starts_with("-----BEGIN ") && key.contains("PRIVATE KEY-----") && key.contains("-----END ");
    let jwk = key.starts_with('{') && key.ends_with('}') && key.contains("\"d\"");
    if pem || jwk {
        Vec::new()
    } else {
        vec![HintKind::PrivateKeyFormat.into()]
    }
}

fn is_ticked(values: &FormValues, checkbox: AnypointField) -> bool {
    values.get(&checkbox).is_some_and(|v| v == "true")
}

fn idp_deletion_hints(local_deletion: bool, idp_deletion: bool) -> Vec<Hint> {
    if idp_deletion_allowed(local_deletion, idp_deletion) {
        Vec::new()
    } else {
        vec![HintKind::IdpDeletionNeedsLocal.into()]
    }
}

#[cfg(test)]
mod tests;
