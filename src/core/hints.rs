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

use super::fields::{is_ticked, AnypointField};
use super::form_rules::{idp_deletion_allowed, nearest_allowed_timeout, DEFAULT_TIMEOUT_SECONDS, TIMEOUT_SECONDS};
use super::header::{looks_like_api_token, normalize_authorization_header, HeaderChange, HeaderFinding};
use super::okta_paths::{
    compare_to_issuer, endpoint_role, metadata_document, registration_client_id, server_of_issuer, AuthorizationServer,
    EndpointRole, Mismatch, ORG_REGISTRATION_PATH,
};
use super::severity::Severity;
use super::web_url::{UrlError, WebUrl};
use super::words::{say, Arg, Finding};

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
    /// IdP deletion and updates ticked: Anypoint will manage its apps in Okta, which the token must allow.
    IdpUpdatesNeedManage,
    /// Certificate validation turned off.
    CertificateValidationOff,
    /// Private key JWT chosen: what Okta needs for it.
    PrivateKeyJwtNeeds,
    /// Private key JWT chosen with a custom authorization server's issuer: Anypoint needs the org URL.
    JwtNeedsOrgIssuer { org: String },
    /// A private key that is neither PEM nor a JWK.
    PrivateKeyFormat,
    /// A public key (or certificate) where the private key goes.
    PublicKeyInstead,
}

impl HintKind {
    /// The kind's stable identifier (camelCase, for scripts, tests and the UI) and how much it matters (errors
    /// mark the field invalid): declared together, one arm per kind, no default.
    fn spec(&self) -> (&'static str, Severity, &'static str) {
        use HintKind::*;
        use Severity::*;
        match self {
            SurroundingSpaces => ("surroundingSpaces", Warning, "hintSurroundingSpaces"),
            NotAUrl { .. } => ("notAUrl", Error, "hintNotAUrl"),
            UnsafeScheme { .. } => ("unsafeScheme", Error, "hintUnsafeScheme"),
            HttpsRequired { .. } => ("httpsRequired", Error, "hintHttpsRequired"),
            MetadataUrlInEndpoint { .. } => ("metadataUrlInEndpoint", Error, "hintMetadataUrlInEndpoint"),
            WrongEndpoint { field, .. } if expected_role(*field).is_some() => ("wrongEndpoint", Error, "hintWrongEndpointUse"),
            WrongEndpoint { .. } => ("wrongEndpoint", Error, "hintWrongEndpoint"),
            RegistrationNotOrgLevel => ("registrationNotOrgLevel", Warning, "hintRegistrationNotOrgLevel"),
            TrailingSlash { field: AnypointField::Issuer } => ("trailingSlash", Warning, "hintTrailingSlashIssuer"),
            TrailingSlash { .. } => ("trailingSlash", Warning, "hintTrailingSlash"),
            // Anypoint sends the API token to the registration URL: another host is never only a warning.
            OtherHost { field: AnypointField::ClientRegistrationUrl, .. } => ("otherHost", Error, "hintOtherHostRegistration"),
            OtherHost { .. } => ("otherHost", Warning, "hintOtherHost"),
            OtherServer { .. } => ("otherServer", Warning, "hintOtherServer"),
            MetadataUrlInIssuer => ("metadataUrlInIssuer", Error, "hintMetadataUrlInIssuer"),
            EndpointInIssuer { .. } => ("endpointInIssuer", Error, "hintEndpointInIssuer"),
            IssuerQuery => ("issuerQuery", Error, "hintIssuerQuery"),
            Header(HeaderFinding::JwtWithoutScheme) => ("jwtWithoutScheme", Warning, "hintJwtWithoutScheme"),
            Header(HeaderFinding::PrefixWithoutToken) => ("prefixWithoutToken", Error, "hintPrefixWithoutToken"),
            Header(HeaderFinding::JwtWithSsws) => ("jwtWithSsws", Error, "hintJwtWithSsws"),
            Header(HeaderFinding::SecretAsToken) => ("secretAsToken", Warning, "hintSecretAsToken"),
            Header(HeaderFinding::UnusualApiToken) => ("unusualApiToken", Info, "hintUnusualApiToken"),
            Header(HeaderFinding::BearerNotJwt) => ("bearerNotJwt", Info, "hintBearerNotJwt"),
            HeaderNormalized { .. } => ("headerNormalized", Warning, "hintHeaderNormalized"),
            TimeoutOutOfRange { .. } => ("timeoutOutOfRange", Error, "hintTimeoutOutOfRange"),
            TimeoutNotANumber => ("timeoutNotANumber", Error, "hintTimeoutNotANumber"),
            ClientIdCharacters => ("clientIdCharacters", Warning, "hintClientIdCharacters"),
            ClientIdLooksLikeSecret => ("clientIdLooksLikeSecret", Warning, "hintClientIdLooksLikeSecret"),
            ClientIdUnusual => ("clientIdUnusual", Info, "hintClientIdUnusual"),
            SecretEqualsId => ("secretEqualsId", Error, "hintSecretEqualsId"),
            SecretLooksLikeApiToken => ("secretLooksLikeApiToken", Warning, "hintSecretLooksLikeApiToken"),
            SecretShort => ("secretShort", Info, "hintSecretShort"),
            IdpDeletionNeedsLocal => ("idpDeletionNeedsLocal", Error, "hintIdpDeletionNeedsLocal"),
            IdpUpdatesNeedManage => ("idpUpdatesNeedManage", Info, "hintIdpUpdatesNeedManage"),
            CertificateValidationOff => ("certificateValidationOff", Warning, "hintCertificateValidationOff"),
            PrivateKeyJwtNeeds => ("privateKeyJwtNeeds", Info, "hintPrivateKeyJwtNeeds"),
            JwtNeedsOrgIssuer { .. } => ("jwtNeedsOrgIssuer", Error, "hintJwtNeedsOrgIssuer"),
            PrivateKeyFormat => ("privateKeyFormat", Warning, "hintPrivateKeyFormat"),
            PublicKeyInstead => ("publicKeyInstead", Error, "hintPublicKeyInstead"),
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

impl HintKind {
    /// What to say: the kind's message and its arguments, in the order the catalogue numbers them.
    pub fn finding(&self) -> Finding {
        use HintKind::*;
        let label = |field: &AnypointField| Arg::from(field.label());
        let tokens_page = || Arg::Words(Finding::new("oktaTokensPage"));
        let (min, max) = (TIMEOUT_SECONDS.start(), TIMEOUT_SECONDS.end());
        let args: Vec<Arg> = match self {
            NotAUrl { field } | HttpsRequired { field } => vec![label(field)],
            UnsafeScheme { field, scheme } => vec![scheme.as_str().into(), label(field)],
            MetadataUrlInEndpoint { field } => vec![label(field), expected_key(*field).into()],
            WrongEndpoint { field, role } => {
                let mut args = vec![role.finding().into(), label(field)];
                args.extend(expected_role(*field).map(|expected| expected.finding().into()));
                args
            }
            RegistrationNotOrgLevel => vec![ORG_REGISTRATION_PATH.into()],
            OtherHost { field: AnypointField::ClientRegistrationUrl, host, issuer_host } => {
                vec![host.as_str().into(), issuer_host.as_str().into()]
            }
            OtherHost { field, host, issuer_host } => vec![label(field), host.as_str().into(), issuer_host.as_str().into()],
            OtherServer { field, server, issuer_server } => {
                vec![label(field), server.finding().into(), issuer_server.finding().into()]
            }
            EndpointInIssuer { role } => vec![role.finding().into()],
            Header(HeaderFinding::JwtWithoutScheme | HeaderFinding::SecretAsToken) => vec![tokens_page()],
            HeaderNormalized { changes } => {
                vec![Arg::List(changes.iter().map(|change| change.finding().into()).collect())]
            }
            TimeoutOutOfRange { seconds } => vec![min.to_string().into(), max.to_string().into(), seconds.to_string().into()],
            TimeoutNotANumber => {
                vec![min.to_string().into(), max.to_string().into(), DEFAULT_TIMEOUT_SECONDS.to_string().into()]
            }
            IdpDeletionNeedsLocal => vec![
                AnypointField::EnableIdpDeletionAndUpdates.label().into(),
                AnypointField::EnableClientDeletion.label().into(),
            ],
            PrivateKeyJwtNeeds => vec![Finding::new("oktaPrivateKeyJwtNeeds").into(), Finding::new("oktaApplicationsPage").into()],
            JwtNeedsOrgIssuer { org } => vec![org.as_str().into()],
            IdpUpdatesNeedManage => vec![Finding::new("oktaRegisterRoles").into()],
            SurroundingSpaces
            | TrailingSlash { .. }
            | MetadataUrlInIssuer
            | IssuerQuery
            | Header(_)
            | ClientIdCharacters
            | ClientIdLooksLikeSecret
            | ClientIdUnusual
            | SecretEqualsId
            | SecretLooksLikeApiToken
            | SecretShort
            | CertificateValidationOff
            | PrivateKeyFormat
            | PublicKeyInstead => Vec::new(),
        };
        Finding { key: self.spec().2, args }
    }
}

impl fmt::Display for HintKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&say(&self.finding()))
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
    pub fix_label: Option<String>,
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
    /// With the certain `fix` and the catalogue's message `label` for its button.
    fn with_fix(mut self, fix: impl Into<String>, label: &'static str) -> Self {
        self.fix = Some(fix.into());
        self.fix_label = Some(say(&Finding::new(label)));
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
            let mut hints = idp_deletion_hints(is_ticked(others, AnypointField::EnableClientDeletion), value == "true");
            if value == "true" {
                hints.push(HintKind::IdpUpdatesNeedManage.into());
            }
            hints
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
    (value.trim() != value).then(|| Hint::from(HintKind::SurroundingSpaces).with_fix(value.trim(), "fixRemoveSpaces"))
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
        hints.push(Hint::from(HintKind::HttpsRequired { field }).with_fix(fixed, "fixUseHttps"));
    }
    let role = endpoint_role(url.path());
    // Private key JWT takes Okta's org URL as Issuer beside the kept server's other URLs (docs/facts.md).
    let jwt = is_ticked(others, AnypointField::AuthenticationByPrivateKeyJwt);
    if field == AnypointField::Issuer {
        issuer_hints(trimmed, &url, role, &mut hints);
        if jwt && role.is_none() && matches!(server_of_issuer(url.path()), Some(AuthorizationServer::Custom { .. })) {
            let org = url.origin();
            hints.push(Hint::from(HintKind::JwtNeedsOrgIssuer { org: org.clone() }).with_fix(org, "fixUseOrgUrl"));
        }
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
            hints.push(Hint::from(HintKind::RegistrationNotOrgLevel).with_fix(fixed.to_string(), "fixUseOrgRegistration"));
        }
    }
    if url.path().len() > 1 && url.path().ends_with('/') {
        // From the path itself: the slash may stand before a query or fragment.
        let fixed = url.clone().with_path(url.path().trim_end_matches('/')).to_string();
        hints.push(Hint::from(HintKind::TrailingSlash { field }).with_fix(fixed, "fixRemoveSlash"));
    }
    let issuer = others.get(&AnypointField::Issuer).and_then(|v| WebUrl::parse(v.trim()).ok());
    match issuer.as_ref().and_then(|issuer| compare_to_issuer(&url, issuer)) {
        Some(Mismatch::OtherHost { host, issuer_host }) => hints.push(HintKind::OtherHost { field, host, issuer_host }.into()),
        // In JWT mode the org Issuer stands beside a custom server's URLs: that is no mismatch.
        Some(Mismatch::OtherServer { issuer_server: AuthorizationServer::Org, .. }) if jwt => {}
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
                Some((_, server)) => hint.with_fix(format!("{}{}", url.origin(), server.issuer_path()), "fixUseBareIssuer"),
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
        hints.push(Hint::from(HintKind::IssuerQuery).with_fix(fixed.trim_end_matches('/'), "fixRemoveQuery"));
    }
    if trimmed.ends_with('/') {
        let field = AnypointField::Issuer;
        hints.push(Hint::from(HintKind::TrailingSlash { field }).with_fix(trimmed.trim_end_matches('/'), "fixRemoveSlash"));
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
                .with_fix(normalized.value, "fixHeader")
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
                .with_fix(nearest_allowed_timeout(seconds).to_string(), "fixNearestTimeout"),
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

fn idp_deletion_hints(local_deletion: bool, idp_deletion: bool) -> Vec<Hint> {
    if idp_deletion_allowed(local_deletion, idp_deletion) {
        Vec::new()
    } else {
        vec![HintKind::IdpDeletionNeedsLocal.into()]
    }
}

#[cfg(test)]
mod tests;
