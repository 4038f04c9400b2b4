//! Hints while the admin types: for one Anypoint field, its value and the rest of the form, what is wrong
//! and what to do, with a corrected value when there is one. Cheap enough to run on every keystroke.
//!
//! ```
//! use okta_anypoint_assist::core::{fields::{AnypointField, Severity}, hints::{hints_for, FormValues}};
//! let hints = hints_for(AnypointField::TokenUrl, "http://acme.okta.com/oauth2/v1/token", &FormValues::new());
//! assert_eq!(hints[0].severity, Severity::Error);
//! assert!(hints[0].message.contains("https"));
//! ```

use std::collections::BTreeMap;

use serde::Serialize;

use super::fields::{AnypointField, Severity};
use super::header::{looks_like_api_token, normalize_authorization_header};
use super::metadata::{server_of_issuer, MetadataLocation};
use super::okta_paths::{endpoint_role, server_of_path, EndpointRole};
use super::web_url::{UrlError, WebUrl};

/// The values of the other fields, keyed by field (checkboxes as "true"/"false").
pub type FormValues = BTreeMap<AnypointField, String>;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Hint {
    pub severity: Severity,
    /// Stable identifier for tests and telemetry-free UI logic.
    pub code: &'static str,
    pub message: String,
    /// The value to put in the field to fix it, when the fix is certain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
    /// The name of the button that applies `fix` (never contains a secret).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix_label: Option<&'static str>,
    /// Apply `fix` without asking, on paste or when the admin leaves the field (the SSWS prefix).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub auto_apply: bool,
}

impl Hint {
    pub fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Self {
        Self { severity, code, message: message.into(), fix: None, fix_label: None, auto_apply: false }
    }

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

pub const MIN_TIMEOUT_SECONDS: u32 = 5;
pub const MAX_TIMEOUT_SECONDS: u32 = 20;

/// Every hint for `field` holding `value`, most severe first.
pub fn hints_for(field: AnypointField, value: &str, others: &FormValues) -> Vec<Hint> {
    let mut hints = match field {
        f if f.is_url() => url_hints(field, value, others),
        AnypointField::AuthorizationHeader => header_hints(value),
        AnypointField::ClientRequestTimeout => timeout_hints(value),
        AnypointField::IntrospectionClientId => client_id_hints(value),
        AnypointField::IntrospectionClientSecret => client_secret_hints(value, others),
        // The same rule, shown on whichever of the two checkboxes the admin just changed.
        AnypointField::EnableIdpDeletionAndUpdates => {
            idp_deletion_hints(value == "true", is_ticked(others, AnypointField::EnableClientDeletion))
        }
        AnypointField::EnableClientDeletion => {
            idp_deletion_hints(is_ticked(others, AnypointField::EnableIdpDeletionAndUpdates), value == "true")
        }
        AnypointField::DisableCertificateValidation if value == "true" => vec![Hint::new(
            Severity::Warning,
            "certificateValidationOff",
            "Leave certificate validation on: Okta's certificates are valid, and turning it off lets anyone in the \
             middle read the API token.",
        )],
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
    (value.trim() != value).then(|| {
        Hint::new(Severity::Warning, "surroundingSpaces", "Remove the spaces before or after the value.")
            .with_fix(value.trim(), "Remove the spaces")
    })
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
            hints.push(Hint::new(
                Severity::Error,
                "notAUrl",
                format!("{} must be a full URL starting with https://.", field.label()),
            ));
            return hints;
        }
        Err(UrlError::OtherScheme(other)) => {
            hints.push(Hint::new(
                Severity::Error,
                "unsafeScheme",
                format!("\"{other}:\" is not a web address. {} must start with https://.", field.label()),
            ));
            return hints;
        }
    };
    if !url.is_https() {
        let fixed = format!("https{}", &trimmed[trimmed.find(':').unwrap_or(0)..]);
        hints.push(
            Hint::new(
                Severity::Error,
                "httpsRequired",
                format!("{} must use https://; Okta serves every endpoint over https.", field.label()),
            )
            .with_fix(fixed, "Use https://"),
        );
    }
    let path = url.path();
    let role = endpoint_role(path);
    if field == AnypointField::Issuer {
        issuer_hints(trimmed, &url, role, &mut hints);
    } else {
        if role == Some(EndpointRole::Metadata) {
            hints.push(Hint::new(
                Severity::Error,
                "metadataUrlInEndpoint",
                format!(
                    "This is the metadata URL, not {}. Take {} from the metadata document (or use Fill from Okta).",
                    field.label(),
                    expected_key(field)
                ),
            ));
        } else if let Some(role) = role.filter(|r| Some(*r) != expected_role(field)) {
            hints.push(Hint::new(
                Severity::Error,
                "wrongEndpoint",
                format!("This is {}, not the {}. {}", role.describe(), field.label(), expected_ending(field)),
            ));
        }
        if field == AnypointField::ClientRegistrationUrl && role == Some(EndpointRole::Registration) {
            let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
            if segs.len() == 4 || url.query().is_some() {
                let fixed = url.clone().with_path("/oauth2/v1/clients").without_query_or_fragment();
                hints.push(
                    Hint::new(
                        Severity::Warning,
                        "registrationWithClientId",
                        "Use the org-level registration URL, without the client id: …/oauth2/v1/clients.",
                    )
                    .with_fix(fixed.to_string(), "Use …/oauth2/v1/clients"),
                );
            }
        }
        if path.len() > 1 && path.ends_with('/') {
            hints.push(
                Hint::new(Severity::Warning, "trailingSlash", "Remove the trailing slash: Okta's endpoints have none.")
                    .with_fix(trimmed.trim_end_matches('/'), "Remove the slash"),
            );
        }
        compare_with_issuer(field, &url, role, others, &mut hints);
    }
    hints
}

fn issuer_hints(trimmed: &str, url: &WebUrl, role: Option<EndpointRole>, hints: &mut Vec<Hint>) {
    if role == Some(EndpointRole::Metadata) {
        // The issuer a metadata URL was built from (RFC 8414 §3), when it is one of the known forms.
        let hint = Hint::new(
            Severity::Error,
            "metadataUrlInIssuer",
            "This is the metadata URL. Anypoint adds /.well-known/… itself: enter the bare issuer.",
        );
        hints.push(match MetadataLocation::parse(trimmed) {
            Ok(location) => hint.with_fix(location.expected_issuer, "Use the bare issuer"),
            Err(_) => hint,
        });
        return;
    }
    if let Some(role) = role {
        hints.push(Hint::new(
            Severity::Error,
            "endpointInIssuer",
            format!(
                "This is {}, not the issuer. The issuer is https://{{org}}/oauth2/{{server id}} (or just the org URL).",
                role.describe()
            ),
        ));
        return;
    }
    if url.query().is_some() || url.fragment().is_some() {
        let fixed = url.clone().without_query_or_fragment().to_string();
        hints.push(
            Hint::new(Severity::Error, "issuerQuery", "The issuer cannot have a query or fragment: remove it.")
                .with_fix(fixed.trim_end_matches('/'), "Remove the query"),
        );
    }
    if trimmed.ends_with('/') {
        hints.push(
            Hint::new(
                Severity::Warning,
                "trailingSlash",
                "Remove the trailing slash: the issuer must match Okta's exactly, and Okta's has none.",
            )
            .with_fix(trimmed.trim_end_matches('/'), "Remove the slash"),
        );
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

fn expected_key(field: AnypointField) -> &'static str {
    match field {
        AnypointField::ClientRegistrationUrl => "registration_endpoint",
        AnypointField::AuthorizeUrl => "authorization_endpoint",
        AnypointField::TokenUrl => "token_endpoint",
        AnypointField::TokenIntrospectionUrl => "introspection_endpoint",
        _ => "issuer",
    }
}

fn expected_ending(field: AnypointField) -> &'static str {
    match field {
        AnypointField::ClientRegistrationUrl => "It ends in /oauth2/v1/clients.",
        AnypointField::AuthorizeUrl => "It ends in /v1/authorize.",
        AnypointField::TokenUrl => "It ends in /v1/token.",
        AnypointField::TokenIntrospectionUrl => "It ends in /v1/introspect.",
        _ => "",
    }
}

/// Endpoints of another org (host) or another authorization server than the Issuer field names.
fn compare_with_issuer(
    field: AnypointField,
    url: &WebUrl,
    role: Option<EndpointRole>,
    others: &FormValues,
    hints: &mut Vec<Hint>,
) {
    let Some(issuer) = others.get(&AnypointField::Issuer).and_then(|v| WebUrl::parse(v.trim()).ok()) else {
        return;
    };
    if issuer.host() != url.host() {
        hints.push(Hint::new(
            Severity::Warning,
            "otherHost",
            format!(
                "{} is on {} but the Issuer is on {}: is this another Okta org?",
                field.label(),
                url.host(),
                issuer.host()
            ),
        ));
        return;
    }
    if role == Some(EndpointRole::Registration) {
        return; // org-level for every server
    }
    if let (Some(server), Some(issuer_server)) = (server_of_path(url.path()), server_of_issuer(issuer.path())) {
        if server != issuer_server {
            hints.push(Hint::new(
                Severity::Warning,
                "otherServer",
                format!(
                    "{} belongs to {}, but the Issuer is {}. Use the endpoints of the Issuer's server.",
                    field.label(),
                    server.describe(),
                    issuer_server.describe()
                ),
            ));
        }
    }
}

fn header_hints(value: &str) -> Vec<Hint> {
    if value.trim().is_empty() {
        return Vec::new();
    }
    let normalized = normalize_authorization_header(value);
    let mut hints = normalized.hints;
    if normalized.value != value && !normalized.changes.is_empty() {
        let what: Vec<&str> = normalized.changes.iter().map(|c| c.describe()).collect();
        hints.push(
            Hint::new(
                Severity::Warning,
                "headerNormalized",
                format!("The header should read \"SSWS <API token>\": {}.", what.join(", ")),
            )
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
        Ok(n) if (MIN_TIMEOUT_SECONDS as i64..=MAX_TIMEOUT_SECONDS as i64).contains(&n) => {}
        Ok(n) => {
            let clamped = n.clamp(MIN_TIMEOUT_SECONDS as i64, MAX_TIMEOUT_SECONDS as i64);
            hints.push(
                Hint::new(
                    Severity::Error,
                    "timeoutOutOfRange",
                    format!("Anypoint accepts {MIN_TIMEOUT_SECONDS} to {MAX_TIMEOUT_SECONDS} seconds; {n} is outside."),
                )
                .with_fix(clamped.to_string(), "Use the nearest allowed value"),
            );
        }
        Err(_) => hints.push(Hint::new(
            Severity::Error,
            "timeoutNotANumber",
            format!("Enter whole seconds, {MIN_TIMEOUT_SECONDS} to {MAX_TIMEOUT_SECONDS} (5 if unsure)."),
        )),
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
        hints.push(Hint::new(
            Severity::Warning,
            "clientIdCharacters",
            "Okta client ids hold only letters, digits, - and _. Copy it again from the app's General tab.",
        ));
    } else if id.len() >= 40 {
        hints.push(Hint::new(
            Severity::Warning,
            "clientIdLooksLikeSecret",
            "This looks like a client secret. The Client ID is the shorter value (often 20 characters starting 0oa).",
        ));
    } else if !id.starts_with("0oa") {
        hints.push(Hint::new(
            Severity::Info,
            "clientIdUnusual",
            "Okta client ids usually start with 0oa: check that this is the id of the introspection app.",
        ));
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
        hints.push(Hint::new(
            Severity::Error,
            "secretEqualsId",
            "The Client Secret is the same as the Client ID. Copy the secret from the app's General tab.",
        ));
    } else if looks_like_api_token(secret) {
        hints.push(Hint::new(
            Severity::Warning,
            "secretLooksLikeApiToken",
            "This looks like an Okta API token; it belongs in Authorization Header (as SSWS <token>).",
        ));
    } else if secret.len() < 32 {
        hints.push(Hint::new(
            Severity::Info,
            "secretShort",
            "Okta client secrets are usually 40 or 64 characters: check that you copied all of it.",
        ));
    }
    hints
}

fn is_ticked(values: &FormValues, checkbox: AnypointField) -> bool {
    values.get(&checkbox).is_some_and(|v| v == "true")
}

fn idp_deletion_hints(idp_deletion: bool, local_deletion: bool) -> Vec<Hint> {
    if idp_deletion && !local_deletion {
        return vec![Hint::new(
            Severity::Error,
            "idpDeletionNeedsLocal",
            "\"Enable client deletion and updates in IdP\" needs \"Enable client deletion in Anypoint Platform\": tick that one too.",
        )];
    }
    Vec::new()
}

#[cfg(test)]
mod tests;
