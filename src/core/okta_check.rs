//! "Check with Okta": prove, before the admin clicks Create, what Anypoint only finds out later. The core
//! plans the requests (every URL on the Issuer's own host, checked here first), the glue sends them
//! (`src/ext/okta_check.rs`: no cookies, no redirects, 8 s each), and the core judges each answer from its
//! status and Okta's `errorCode` / `error` (docs/facts.md, "Okta"). Nothing is created or changed in Okta:
//! two GETs with the API token, one introspection of a random token with the client's credentials.
//!
//! Secrets (the header, the client secret) are only ever put into a request's `authorization`; no line
//! repeats them, nor any text of Okta's answer beyond a well-formed error code.

use serde::{Deserialize, Serialize};

use super::draft::AnypointDraft;
use super::fetch_policy::{may_fetch, FETCH_TIMEOUT_SECONDS};
use super::fields::AnypointField;
use super::hints::FormValues;
use super::hosts::okta_org_of;
use super::json_document::{parse_json, DocumentFields, Found, TopLevel};
use super::metadata::inspect_metadata_with;
use super::severity::Severity;
use super::web_url::WebUrl;

/// Each check, in the order the result lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum CheckKind {
    /// `{issuer}/.well-known/openid-configuration`, loadable and naming the issuer (Anypoint reads it).
    OpenidConfiguration,
    /// `{issuer}/.well-known/oauth-authorization-server`, the same (Anypoint reads it too).
    AuthorizationServerMetadata,
    /// The URLs in the form equal the document's.
    FormUrls,
    /// `GET /api/v1/users/me` with the Authorization Header: Okta accepts the token.
    ApiToken,
    /// `GET /oauth2/v1/clients?limit=1`: the token's admin may register OpenID Connect apps.
    RegistrationRole,
    /// `POST {introspection}` with the client's ID and secret and a random token.
    Introspection,
}

impl CheckKind {
    /// Every check, in order.
    pub const ALL: [CheckKind; 6] = [
        Self::OpenidConfiguration,
        Self::AuthorizationServerMetadata,
        Self::FormUrls,
        Self::ApiToken,
        Self::RegistrationRole,
        Self::Introspection,
    ];

    /// The check's name, before its verdict in the result.
    pub fn title(self) -> &'static str {
        match self {
            Self::OpenidConfiguration => "OpenID configuration",
            Self::AuthorizationServerMetadata => "Authorization server metadata",
            Self::FormUrls => "URLs in the form",
            Self::ApiToken => "API token",
            Self::RegistrationRole => "Role to register apps",
            Self::Introspection => "Introspection client",
        }
    }
}

/// How a check went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Verdict {
    /// Proven to work.
    Passed,
    /// Not proven: not checked, or Okta could not say (rate limit, server error).
    Warning,
    /// Proven not to work: Anypoint would fail on it.
    Failed,
}

impl Verdict {
    /// The word the result line starts with.
    pub fn word(self) -> &'static str {
        match self {
            Self::Passed => "Passed",
            Self::Warning => "Warning",
            Self::Failed => "Failed",
        }
    }
}

/// One line of the result: the check, its verdict, the cause in plain words and the next step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckLine {
    /// Which check.
    pub check: CheckKind,
    /// How it went.
    pub verdict: Verdict,
    /// "Passed — API token: Okta accepts it." as shown and announced.
    pub text: String,
}

impl CheckLine {
    fn new(check: CheckKind, verdict: Verdict, message: impl Into<String>) -> Self {
        let message = message.into();
        Self { check, verdict, text: format!("{} — {}: {message}", verdict.word(), check.title()) }
    }
}

/// What a check run proved, kept in `chrome.storage.session` for the setup checklist. No secret: the Issuer
/// and the checks that passed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckProof {
    /// The Issuer checked.
    pub issuer: String,
    /// When, in milliseconds since 1970.
    pub at: u64,
    /// The checks that passed.
    pub passed: Vec<CheckKind>,
}

impl CheckProof {
    /// The proof of a run's lines.
    pub fn of(plan: &CheckPlan, lines: &[CheckLine], at: u64) -> Self {
        let passed = lines.iter().filter(|line| line.verdict == Verdict::Passed).map(|line| line.check).collect();
        Self { issuer: plan.issuer.clone(), at, passed }
    }
}

/// One request to Okta. Not `Debug`: it may hold the API token or the client's credentials.
pub struct OktaCall {
    /// What it checks.
    pub check: CheckKind,
    /// `GET` or `POST`.
    pub method: &'static str,
    /// Always on the Issuer's host.
    pub url: String,
    /// The `Authorization` header to send, if any.
    pub authorization: Option<String>,
    /// An `application/x-www-form-urlencoded` body (introspection).
    pub form_body: Option<String>,
}

/// What came back for one call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// An answer: its status and its text (at most the fetch policy's size).
    Answered {
        /// HTTP status.
        status: u16,
        /// The body's text.
        body: String,
    },
    /// No answer within [`FETCH_TIMEOUT_SECONDS`].
    TimedOut,
    /// The network failed (no connection, TLS, refused by the browser).
    Unreachable,
    /// Okta answered with a redirect, which is not followed.
    Redirected,
    /// The answer was larger than the fetch policy allows.
    TooLarge,
}

/// The requests to send, and the lines already decided without sending anything (a check that cannot run).
pub struct CheckPlan {
    /// The Issuer as typed (trimmed): the one Anypoint will use.
    pub issuer: String,
    /// The Okta org it names, for the result's summary and the checklist.
    pub org: String,
    /// What to send, in order.
    pub calls: Vec<OktaCall>,
    /// Lines for checks that need no request.
    pub decided: Vec<CheckLine>,
}

/// What the admin filled in, as the content script read it on their click. The header and secret are here
/// and nowhere else.
pub struct Filled<'a> {
    /// The shareable fields (URLs, Client ID, the method's radio buttons).
    pub values: &'a FormValues,
    /// The Authorization Header as typed.
    pub header: &'a str,
    /// The introspection client's secret as typed.
    pub secret: &'a str,
}

fn value(values: &FormValues, field: AnypointField) -> &str {
    values.get(&field).map(|value| value.trim()).unwrap_or("")
}

/// The requests that check what the admin filled in, all on the Issuer's host, or why there is nothing to
/// check yet. `granted_hosts`: custom URL domains the admin allowed; `nonce`: a random token to introspect.
pub fn plan_checks(filled: &Filled<'_>, granted_hosts: &[String], nonce: &str) -> Result<CheckPlan, String> {
    let issuer = value(filled.values, AnypointField::Issuer);
    if issuer.is_empty() {
        return Err("Fill the Issuer first: the checks run against its Okta org.".to_string());
    }
    let openid = format!("{issuer}/.well-known/openid-configuration");
    let parsed = may_fetch(&openid, granted_hosts).map_err(|problem| format!("Cannot check this Issuer: {problem}"))?;
    let origin = parsed.origin();
    let org = okta_org_of(parsed.host()).unwrap_or_else(|| parsed.host().to_string());
    let mut calls = vec![
        OktaCall { check: CheckKind::OpenidConfiguration, method: "GET", url: openid, authorization: None, form_body: None },
        OktaCall {
            check: CheckKind::AuthorizationServerMetadata,
            method: "GET",
            url: format!("{issuer}/.well-known/oauth-authorization-server"),
            authorization: None,
            form_body: None,
        },
    ];
    let mut decided = Vec::new();

    let header = filled.header.trim();
    let jwt = value(filled.values, AnypointField::AuthenticationByPrivateKeyJwt) == "true";
    if jwt {
        decided.push(CheckLine::new(
            CheckKind::ApiToken,
            Verdict::Warning,
            "not checked: private key JWT is chosen. Okta needs an API Services app with the scopes \
             okta.clients.register, okta.clients.read and okta.clients.manage, the Application Administrator role, and DPoP off.",
        ));
    } else if header.is_empty() {
        decided.push(CheckLine::new(CheckKind::ApiToken, Verdict::Warning, "not checked: the Authorization Header is empty."));
    } else if !header.starts_with("SSWS ") {
        decided.push(CheckLine::new(
            CheckKind::ApiToken,
            Verdict::Failed,
            "the Authorization Header must read \"SSWS \" and the API token (the hint on the field fixes it). Not sent.",
        ));
    } else {
        for (check, path) in [(CheckKind::ApiToken, "/api/v1/users/me"), (CheckKind::RegistrationRole, "/oauth2/v1/clients?limit=1")] {
            calls.push(OktaCall {
                check,
                method: "GET",
                url: format!("{origin}{path}"),
                authorization: Some(header.to_string()),
                form_body: None,
            });
        }
    }

    let client_id = value(filled.values, AnypointField::IntrospectionClientId);
    let secret = filled.secret.trim();
    if client_id.is_empty() || secret.is_empty() {
        decided.push(CheckLine::new(CheckKind::Introspection, Verdict::Warning, "not checked: fill the Client ID and the Client Secret."));
    } else {
        let typed = value(filled.values, AnypointField::TokenIntrospectionUrl);
        // As the metadata names it: the org server's is `{org}/oauth2/v1/introspect`, a custom one's `{issuer}/v1/introspect`.
        let url = match typed {
            "" if parsed.path() == "/.well-known/openid-configuration" => format!("{origin}/oauth2/v1/introspect"),
            "" => format!("{issuer}/v1/introspect"),
            typed => typed.to_string(),
        };
        match WebUrl::parse(&url) {
            Ok(target) if target.is_https() && target.authority() == parsed.authority() => calls.push(OktaCall {
                check: CheckKind::Introspection,
                method: "POST",
                url,
                authorization: Some(format!("Basic {}", base64(&format!("{}:{}", form_encode(client_id), form_encode(secret))))),
                form_body: Some(format!("token={}&token_type_hint=access_token", form_encode(nonce))),
            }),
            _ => decided.push(CheckLine::new(
                CheckKind::Introspection,
                Verdict::Failed,
                "the Token Introspection URL is not an https URL on the Issuer's host, so the client's secret was not sent. \
                 Use the introspection_endpoint of the metadata document.",
            )),
        }
    }
    Ok(CheckPlan { issuer: issuer.to_string(), org, calls, decided })
}

/// Okta's error object, as far as the verdicts need it: `errorCode` only when well formed (`E` + 7 digits),
/// `error` only when a plain OAuth code, so that no text of the answer reaches the admin's page.
struct OktaError {
    code: Option<String>,
    oauth_error: Option<String>,
    feature_not_enabled: bool,
}

/// An answer's body: `None` when it is not JSON; an empty object's fields for JSON that is no object (a list).
fn read_answer(body: &str) -> Option<DocumentFields> {
    match parse_json(body.trim()).ok()? {
        TopLevel::Object(fields) => Some(fields),
        TopLevel::Other(_) => Some(DocumentFields::default()),
    }
}

fn okta_error(fields: &DocumentFields) -> OktaError {
    let code = fields.error_code.text().filter(|code| {
        code.len() == 8 && code.starts_with('E') && code[1..].bytes().all(|b| b.is_ascii_digit())
    });
    let oauth_error =
        fields.error.text().filter(|e| !e.is_empty() && e.len() <= 40 && e.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
    let feature_not_enabled =
        fields.error_summary.text().is_some_and(|summary| summary.to_ascii_lowercase().contains("feature is not enabled"));
    OktaError { code: code.map(str::to_string), oauth_error: oauth_error.map(str::to_string), feature_not_enabled }
}

fn code_note(error: &OktaError) -> String {
    match (&error.code, &error.oauth_error) {
        (Some(code), _) => format!(" ({code})"),
        (None, Some(oauth)) => format!(" ({oauth})"),
        _ => String::new(),
    }
}

/// The line for a call that got no usable answer, or a general status; `None` when the check judges it.
fn transport_line(check: CheckKind, outcome: &Outcome) -> Option<CheckLine> {
    let message = match outcome {
        Outcome::Answered { .. } => return None,
        Outcome::TimedOut => format!("Okta did not answer within {FETCH_TIMEOUT_SECONDS} s. Check the network or VPN, then try again."),
        Outcome::Unreachable => {
            "could not reach Okta (network error, certificate, or blocked by a proxy). Check the Issuer's host and your network.".to_string()
        }
        Outcome::Redirected => {
            "Okta answered with a redirect, which is not followed. Use the URL Okta redirects to, as shown in its metadata.".to_string()
        }
        Outcome::TooLarge => "the answer was far larger than Okta's; is the Issuer an Okta org?".to_string(),
    };
    Some(CheckLine::new(check, Verdict::Failed, message))
}

/// Statuses every check words the same way.
fn common_status_line(check: CheckKind, status: u16, error: &OktaError) -> Option<CheckLine> {
    let note = code_note(error);
    Some(match status {
        429 => CheckLine::new(check, Verdict::Warning, format!("Okta's rate limit was reached{note}. Wait a minute, then check again.")),
        500..=599 => CheckLine::new(check, Verdict::Warning, format!("Okta had an error (status {status}{note}). Try again later.")),
        _ => return None,
    })
}

const FEATURE_NOT_ENABLED: &str = "this org has no API Access Management, so custom authorization servers answer \
\"feature not enabled\". Use the org authorization server: Issuer https://";

/// Judge every answer (`outcomes[i]` answers `plan.calls[i]`) into the result's lines, in [`CheckKind`] order.
pub fn judge(plan: &CheckPlan, outcomes: &[Outcome], values: &FormValues, granted_hosts: &[String]) -> Vec<CheckLine> {
    let mut lines = plan.decided.clone();
    let org_host = plan.calls.first().and_then(|call| WebUrl::parse(&call.url).ok()).map(|url| url.host().to_string()).unwrap_or_default();
    let token_refused = plan.calls.iter().zip(outcomes).any(|(call, outcome)| {
        call.check == CheckKind::ApiToken && matches!(outcome, Outcome::Answered { status: 401, .. })
    });
    for (call, outcome) in plan.calls.iter().zip(outcomes) {
        if let Some(line) = transport_line(call.check, outcome) {
            lines.push(line);
            continue;
        }
        let Outcome::Answered { status, body } = outcome else { continue };
        let fields = read_answer(body);
        let error = fields.as_ref().map(okta_error).unwrap_or(OktaError { code: None, oauth_error: None, feature_not_enabled: false });
        if let Some(line) = common_status_line(call.check, *status, &error) {
            lines.push(line);
            continue;
        }
        let line = match call.check {
            CheckKind::OpenidConfiguration | CheckKind::AuthorizationServerMetadata => {
                let line = judge_discovery(call, *status, body, fields.is_some(), &error, &org_host, granted_hosts);
                if call.check == CheckKind::OpenidConfiguration && line.verdict == Verdict::Passed {
                    lines.push(judge_form_urls(&call.url, body, values, granted_hosts));
                }
                line
            }
            CheckKind::ApiToken => judge_api_token(*status, fields.is_some(), &error),
            CheckKind::RegistrationRole if token_refused => {
                CheckLine::new(call.check, Verdict::Warning, "not proven: Okta refused the API token (see above).")
            }
            CheckKind::RegistrationRole => judge_registration_role(*status, fields.is_some(), &error),
            CheckKind::Introspection => judge_introspection(*status, fields.as_ref(), &error, &org_host),
            CheckKind::FormUrls => continue,
        };
        lines.push(line);
    }
    // Every check gets its line, also those that could not run.
    for check in CheckKind::ALL {
        if !lines.iter().any(|line| line.check == check) {
            let why = match check {
                CheckKind::FormUrls => "not compared: the OpenID configuration did not load.",
                CheckKind::RegistrationRole => "not checked without an API token to ask with.",
                _ => "not checked.",
            };
            lines.push(CheckLine::new(check, Verdict::Warning, why));
        }
    }
    lines.sort_by_key(|line| line.check);
    lines
}

fn not_json(check: CheckKind, status: u16) -> CheckLine {
    CheckLine::new(check, Verdict::Failed, format!("the answer (status {status}) is not JSON, so this is not an Okta endpoint. Check the host."))
}

fn judge_discovery(
    call: &OktaCall,
    status: u16,
    body: &str,
    is_json: bool,
    error: &OktaError,
    org_host: &str,
    granted_hosts: &[String],
) -> CheckLine {
    let check = call.check;
    if !is_json {
        return not_json(check, status);
    }
    if error.feature_not_enabled {
        return CheckLine::new(check, Verdict::Failed, format!("{FEATURE_NOT_ENABLED}{org_host}"));
    }
    match status {
        200 => {}
        404 => {
            return CheckLine::new(
                check,
                Verdict::Failed,
                "no such document: the Issuer is not an authorization server of this org. Copy \"issuer\" from the Metadata URI.",
            )
        }
        _ => return CheckLine::new(check, Verdict::Failed, format!("Okta answered status {status}{}.", code_note(error))),
    }
    let inspection = inspect_metadata_with(body, &call.url, granted_hosts);
    match inspection.problems.iter().find(|problem| problem.severity == Severity::Error) {
        None => CheckLine::new(check, Verdict::Passed, "loads and names this Issuer, as Anypoint requires."),
        Some(problem) => CheckLine::new(check, Verdict::Failed, format!("Anypoint would refuse it: {}", problem.message)),
    }
}

/// The five URLs in the form against the OpenID configuration's (Anypoint sends the form's).
fn judge_form_urls(url: &str, body: &str, values: &FormValues, granted_hosts: &[String]) -> CheckLine {
    let check = CheckKind::FormUrls;
    let Some(metadata) = inspect_metadata_with(body, url, granted_hosts).metadata else {
        return CheckLine::new(check, Verdict::Warning, "not compared: the document could not be read.");
    };
    let draft = AnypointDraft::from_metadata(&metadata, 0);
    let mut differ = Vec::new();
    let mut empty = Vec::new();
    for (field, expected) in draft.values() {
        if !AnypointField::FROM_METADATA.contains(&field) || !values.contains_key(&field) {
            continue;
        }
        let typed = value(values, field);
        match expected {
            _ if typed.is_empty() => empty.push(field.label()),
            Some(expected) if expected != typed => differ.push(field.label()),
            _ => {}
        }
    }
    if !differ.is_empty() {
        CheckLine::new(check, Verdict::Failed, format!("{} differ from Okta's. Use \"Compare with Okta\" to see and replace them.", differ.join(", ")))
    } else if !empty.is_empty() {
        CheckLine::new(check, Verdict::Warning, format!("{} empty. \"Fill from Okta\" fills them.", empty.join(", ")))
    } else {
        CheckLine::new(check, Verdict::Passed, "every URL equals Okta's.")
    }
}

fn judge_api_token(status: u16, is_json: bool, error: &OktaError) -> CheckLine {
    let check = CheckKind::ApiToken;
    if !is_json {
        return not_json(check, status);
    }
    match (status, error.code.as_deref()) {
        (200, _) => CheckLine::new(check, Verdict::Passed, "Okta accepts it."),
        (401, code) => CheckLine::new(
            check,
            Verdict::Failed,
            format!(
                "Okta refused the token{}: it is mistyped, expired (unused for 30 days), or revoked (also when its admin \
                 was deactivated). Create a new one in Okta at Security > API > Tokens and paste it after \"SSWS \".",
                code.map(|c| format!(" ({c})")).unwrap_or_default()
            ),
        ),
        (403, _) => CheckLine::new(
            check,
            Verdict::Failed,
            format!("Okta does not let this token act{}. Check the token's network restriction (Any IP) at Security > API > Tokens.", code_note(error)),
        ),
        _ => CheckLine::new(check, Verdict::Failed, format!("Okta answered status {status}{}.", code_note(error))),
    }
}

pub(crate) const REGISTER_ROLES: &str = "Super Administrator, API Access Management Administrator, or Application Administrator \
over OpenID Connect apps";

fn judge_registration_role(status: u16, is_json: bool, error: &OktaError) -> CheckLine {
    let check = CheckKind::RegistrationRole;
    if !is_json {
        return not_json(check, status);
    }
    match status {
        200 => CheckLine::new(check, Verdict::Passed, "the token's admin may register OpenID Connect apps."),
        403 => CheckLine::new(
            check,
            Verdict::Failed,
            format!(
                "the token's admin has no role that may register OpenID Connect apps{}. Give them {REGISTER_ROLES} \
                 (Security > Administrators), or create the token as such an admin.",
                code_note(error)
            ),
        ),
        _ => CheckLine::new(check, Verdict::Failed, format!("Okta answered status {status}{}.", code_note(error))),
    }
}

fn judge_introspection(status: u16, fields: Option<&DocumentFields>, error: &OktaError, org_host: &str) -> CheckLine {
    let check = CheckKind::Introspection;
    let Some(fields) = fields else { return not_json(check, status) };
    if error.feature_not_enabled {
        return CheckLine::new(check, Verdict::Failed, format!("{FEATURE_NOT_ENABLED}{org_host}"));
    }
    match (status, error.oauth_error.as_deref()) {
        (200, _) if fields.active == Found::Flag(false) => {
            CheckLine::new(check, Verdict::Passed, "Okta accepts the Client ID and Client Secret.")
        }
        (200, _) => CheckLine::new(check, Verdict::Warning, "Okta answered, but not as an introspection endpoint does. Check the Token Introspection URL."),
        (401, _) | (400, Some("invalid_client")) => CheckLine::new(
            check,
            Verdict::Failed,
            format!(
                "Okta refused the client{}: a wrong Client ID or Client Secret, or an app that is not a confidential Web app. \
                 In Okta open Applications > Applications > your app > General, copy both again, and check that client \
                 authentication is \"Client secret\".",
                code_note(error)
            ),
        ),
        (404, _) => CheckLine::new(check, Verdict::Failed, "no introspection endpoint at this URL. Use the introspection_endpoint of the metadata document."),
        _ => CheckLine::new(check, Verdict::Failed, format!("Okta answered status {status}{}.", code_note(error))),
    }
}

/// One line for the whole result: how many passed, and what to do next.
pub fn summary(org: &str, lines: &[CheckLine]) -> String {
    let failed = lines.iter().filter(|line| line.verdict == Verdict::Failed).count();
    let warned = lines.iter().filter(|line| line.verdict == Verdict::Warning).count();
    match (failed, warned) {
        (0, 0) => format!("Okta org {org}: every check passed. Create is safe to click."),
        (0, _) => format!("Okta org {org}: nothing failed, {warned} not proven."),
        _ => format!("Okta org {org}: {failed} failed. Fix them before Create: Anypoint only finds out later."),
    }
}

/// `application/x-www-form-urlencoded` (and RFC 6749 §2.3.1's encoding of client credentials).
fn form_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(byte as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Standard base64 with padding (RFC 4648 §4), for HTTP Basic credentials.
fn base64(text: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            out.push(if i <= chunk.len() { ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char } else { '=' });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ISSUER: &str = "https://dev-12345678.okta.com/oauth2/default";
    const TOKEN: &str = include_str!("../../tests/fixtures/api-token.txt");
    const SECRET: &str = include_str!("../../tests/fixtures/client-secret.txt");
    const OPENID: &str = include_str!("../../tests/fixtures/custom-default.openid-configuration.json");
    const OAUTH: &str = include_str!("../../tests/fixtures/custom-default.oauth-authorization-server.json");

    fn values() -> FormValues {
        FormValues::from([
            (AnypointField::Issuer, ISSUER.to_string()),
            (AnypointField::IntrospectionClientId, "0oa1practiceintrospect".to_string()),
            (AnypointField::TokenUrl, format!("{ISSUER}/v1/token")),
        ])
    }

    fn planned(values: &FormValues, header: &str, secret: &str) -> Result<CheckPlan, String> {
        plan_checks(&Filled { values, header, secret }, &[], "nonce")
    }

    fn answered(status: u16, body: &str) -> Outcome {
        Outcome::Answered { status, body: body.to_string() }
    }

    /// Verdicts in check order, for the five answers (discovery ×2, token, role, introspection).
    fn verdicts(answers: [Outcome; 5]) -> Vec<(CheckKind, Verdict)> {
        let values = values();
        let plan = planned(&values, &format!("SSWS {}", TOKEN.trim()), SECRET.trim()).unwrap();
        judge(&plan, &answers, &values, &[]).iter().map(|line| (line.check, line.verdict)).collect()
    }

    fn good() -> [Outcome; 5] {
        [answered(200, OPENID), answered(200, OAUTH), answered(200, "{\"id\":\"00u1\"}"), answered(200, "[]"), answered(200, "{\"active\":false}")]
    }

    #[test]
    fn plans_only_requests_to_the_issuers_host_and_never_a_change() {
        let values = values();
        let plan = planned(&values, &format!("SSWS {}", TOKEN.trim()), SECRET.trim()).unwrap();
        let urls: Vec<(&str, &str)> = plan.calls.iter().map(|call| (call.method, call.url.as_str())).collect();
        assert_eq!(
            urls,
            [
                ("GET", "https://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration"),
                ("GET", "https://dev-12345678.okta.com/oauth2/default/.well-known/oauth-authorization-server"),
                ("GET", "https://dev-12345678.okta.com/api/v1/users/me"),
                ("GET", "https://dev-12345678.okta.com/oauth2/v1/clients?limit=1"),
                ("POST", "https://dev-12345678.okta.com/oauth2/default/v1/introspect"),
            ]
        );
        assert_eq!(plan.calls[2].authorization.as_deref(), Some(format!("SSWS {}", TOKEN.trim()).as_str()));
        assert_eq!(plan.calls[4].authorization.as_deref(), Some("Basic MG9hMXByYWN0aWNlaW50cm9zcGVjdDpBYjkta0xtTm9QcVJzVHVWd1h5WjAxMjM0NTY3ODlhYmNkZWZnaGlq"));
        assert_eq!(plan.org, "dev-12345678");
        // An org issuer introspects at the org server; a typed URL on another host gets no secret.
        let mut org = values.clone();
        org.insert(AnypointField::Issuer, "https://acme.okta.com".to_string());
        assert_eq!(planned(&org, "", "s").unwrap().calls.last().unwrap().url, "https://acme.okta.com/oauth2/v1/introspect");
        org.insert(AnypointField::TokenIntrospectionUrl, "https://collector.example.com/introspect".to_string());
        let elsewhere = planned(&org, "", "s").unwrap();
        assert!(elsewhere.calls.iter().all(|call| call.authorization.is_none()));
        assert_eq!(elsewhere.decided.iter().find(|l| l.check == CheckKind::Introspection).unwrap().verdict, Verdict::Failed);
        // Only Okta (or granted) issuers are checked at all.
        let mut foreign = values.clone();
        foreign.insert(AnypointField::Issuer, "https://login.evil.example".to_string());
        assert!(planned(&foreign, "SSWS x", "s").err().unwrap().contains("login.evil.example"));
        assert!(planned(&FormValues::new(), "SSWS x", "s").err().unwrap().contains("Issuer"));
    }

    #[test]
    fn every_verdict_from_okta_answers() {
        use CheckKind::*;
        use Verdict::*;
        assert!(verdicts(good()).iter().all(|(_, verdict)| *verdict == Passed), "{:?}", verdicts(good()));
        let invalid = answered(401, r#"{"errorCode":"E0000011","errorSummary":"Invalid token provided"}"#);
        let [a, b, _, _, e] = good();
        let v = verdicts([a, b, invalid.clone(), invalid, e]);
        assert_eq!(v[3], (ApiToken, Failed));
        assert_eq!(v[4], (RegistrationRole, Warning), "not proven, not failed twice");
        let [a, b, c, _, e] = good();
        let v = verdicts([a, b, c, answered(403, r#"{"errorCode":"E0000006","errorSummary":"You do not have permission"}"#), e]);
        assert_eq!(v[3..5], [(ApiToken, Passed), (RegistrationRole, Failed)]);
        let [a, b, c, d, _] = good();
        let v = verdicts([a, b, c, d, answered(401, r#"{"error":"invalid_client","error_description":"Client authentication failed."}"#)]);
        assert_eq!(v[5], (Introspection, Failed));
        let feature = answered(400, r#"{"errorCode":"E0000015","errorSummary":"The requested feature is not enabled in this environment."}"#);
        let [_, _, c, d, e] = good();
        let values = values();
        let plan = planned(&values, &format!("SSWS {}", TOKEN.trim()), SECRET.trim()).unwrap();
        let lines = judge(&plan, &[feature.clone(), feature, c, d, e], &values, &[]);
        assert!(lines[0].text.contains("Use the org authorization server: Issuer https://dev-12345678.okta.com"), "{}", lines[0].text);
        assert_eq!(lines[2].verdict, Warning, "form URLs not compared");
        let v = verdicts([Outcome::TimedOut, Outcome::Unreachable, answered(200, "<html>"), answered(429, "{}"), answered(503, "")]);
        assert_eq!(v, [(OpenidConfiguration, Failed), (AuthorizationServerMetadata, Failed), (FormUrls, Warning), (ApiToken, Failed), (RegistrationRole, Warning), (Introspection, Warning)]);
        // A document of another issuer is what Anypoint refuses.
        let other = OPENID.replace(ISSUER, "https://dev-12345678.okta.com/oauth2/aus9");
        let [_, b, c, d, e] = good();
        assert_eq!(verdicts([answered(200, &other), b, c, d, e])[0], (OpenidConfiguration, Failed));
    }

    #[test]
    fn form_urls_must_equal_the_documents() {
        let mut values = values();
        values.insert(AnypointField::TokenUrl, format!("{ISSUER}/v1/authorize"));
        let plan = planned(&values, "", "").unwrap();
        let lines = judge(&plan, &[answered(200, OPENID), answered(200, OAUTH)], &values, &[]);
        let form = lines.iter().find(|line| line.check == CheckKind::FormUrls).unwrap();
        assert_eq!(form.verdict, Verdict::Failed);
        assert!(form.text.contains("Token URL"), "{}", form.text);
        assert_eq!(lines.iter().filter(|line| line.verdict == Verdict::Warning).count(), 3, "token, role and introspection not checked");
    }

    #[test]
    fn header_must_carry_ssws_before_it_is_sent() {
        let values = values();
        let plan = planned(&values, TOKEN.trim(), "").unwrap();
        assert!(plan.calls.iter().all(|call| call.authorization.is_none()), "a raw token is not sent");
        assert_eq!(plan.decided[0].verdict, Verdict::Failed);
    }

    #[test]
    fn base64_and_form_encoding() {
        assert_eq!(base64(""), "");
        assert_eq!(base64("f"), "Zg==");
        assert_eq!(base64("fo"), "Zm8=");
        assert_eq!(base64("foo"), "Zm9v");
        assert_eq!(base64("id:sec+ret"), "aWQ6c2VjK3JldA==");
        assert_eq!(form_encode("a b+c/é"), "a+b%2Bc%2F%C3%A9");
    }
}
