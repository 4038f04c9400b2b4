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
use super::hosts::{okta_org_of, OktaOrgHost};
use super::json_document::{parse_json, DocumentFields, Found, TopLevel};
use super::metadata::{inspect_metadata_with, nesting_depth, Inspection, Metadata, MAX_NESTING};
use super::okta_paths::server_of_issuer;
use super::severity::Severity;
use super::web_url::WebUrl;

/// A whole check run (both rounds) ends within this (declared with the other limits, in `fetch_policy`).
pub use super::fetch_policy::CHECK_TOTAL_MS;

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
    /// Whether it is a proof about `issuer` (a trailing slash aside): a check counts only for the kept issuer.
    pub fn is_for(&self, issuer: &str) -> bool {
        self.issuer.trim_end_matches('/') == issuer.trim_end_matches('/')
    }

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

/// The requests of a check run and the lines already decided without sending anything. Two rounds: the
/// discovery documents first (nothing secret); the API token and the client's secret only once the Issuer's
/// OpenID configuration proved it is an authorization server of that org ([`plan_second_round`]).
/// Not `Debug`: it holds the header and the secret until the run ends.
pub struct CheckPlan {
    /// The Issuer as typed (trimmed): the one Anypoint will use.
    pub issuer: String,
    /// The Okta org it names, for the result's summary.
    pub org: String,
    /// What to send, in order; the second round's calls are appended to the first's.
    pub calls: Vec<OktaCall>,
    /// Lines for checks that need no request.
    pub decided: Vec<CheckLine>,
    origin: String,
    header: String,
    client_id: String,
    secret: String,
    typed_introspection: String,
    private_key_jwt: bool,
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

const ISSUER_SHAPE: &str = "Check with Okta needs the Issuer as Okta writes it: https://{org}.okta.com, or \
https://{org}.okta.com/oauth2/{server id} for a custom authorization server (no trailing slash, query or fragment).";

/// The first round: the two discovery documents Anypoint reads, or why there is nothing to check. The Issuer
/// must be an org's own URL (`https://{org}.{okta domain}[/oauth2/{id}]`) or on a custom domain the admin
/// granted (`granted_hosts`): never a deeper Okta subdomain, a query or a fragment, so the requests (and later
/// the secrets) can only reach that org.
pub fn plan_checks(filled: &Filled<'_>, granted_hosts: &[String]) -> Result<CheckPlan, String> {
    let issuer = value(filled.values, AnypointField::Issuer);
    if issuer.is_empty() {
        return Err("Fill the Issuer first: the checks run against its Okta org.".to_string());
    }
    let openid = format!("{issuer}/.well-known/openid-configuration");
    let parsed = may_fetch(&openid, granted_hosts).map_err(|problem| format!("Cannot check this Issuer: {problem}"))?;
    let issuer_url = WebUrl::parse(issuer).map_err(|_| ISSUER_SHAPE.to_string())?;
    let host = issuer_url.host();
    let org_host = OktaOrgHost::of(host).is_some_and(|org| !org.admin);
    let well_formed = issuer_url.query().is_none()
        && issuer_url.fragment().is_none()
        && !issuer.ends_with('/')
        && server_of_issuer(issuer_url.path()).is_some();
    if !well_formed || !(org_host || granted_hosts.iter().any(|granted| granted == host)) {
        return Err(ISSUER_SHAPE.to_string());
    }
    let calls = vec![
        OktaCall { check: CheckKind::OpenidConfiguration, method: "GET", url: openid, authorization: None, form_body: None },
        OktaCall {
            check: CheckKind::AuthorizationServerMetadata,
            method: "GET",
            url: format!("{issuer}/.well-known/oauth-authorization-server"),
            authorization: None,
            form_body: None,
        },
    ];
    Ok(CheckPlan {
        issuer: issuer.to_string(),
        org: okta_org_of(parsed.host()).unwrap_or_else(|| parsed.host().to_string()),
        calls,
        decided: Vec::new(),
        origin: parsed.origin(),
        header: filled.header.trim().to_string(),
        client_id: value(filled.values, AnypointField::IntrospectionClientId).to_string(),
        secret: filled.secret.trim().to_string(),
        typed_introspection: value(filled.values, AnypointField::TokenIntrospectionUrl).to_string(),
        private_key_jwt: value(filled.values, AnypointField::AuthenticationByPrivateKeyJwt) == "true",
    })
}

/// The second round, given the first round's outcomes: the API token's two requests (to the org itself) and
/// the introspection (to the document's own `introspection_endpoint`, which a URL typed in the form must
/// equal), each only when the OpenID configuration passed; otherwise the lines that say why nothing was sent.
/// Answers how many calls were added. `nonce`: a random token to introspect.
pub fn plan_second_round(plan: &mut CheckPlan, first: &[Outcome], granted_hosts: &[String], nonce: &str) -> usize {
    let before = plan.calls.len();
    let discovered = plan.calls.iter().zip(first).find_map(|(call, outcome)| match outcome {
        Outcome::Answered { status: 200, body } if call.check == CheckKind::OpenidConfiguration => {
            let inspection = inspect_metadata_with(body, &call.url, granted_hosts);
            accepted(&inspection).then_some(inspection.metadata).flatten()
        }
        _ => None,
    });
    let not_sent = "not checked: the Issuer's OpenID configuration did not pass (above), so nothing secret was sent.";

    let header = plan.header.clone();
    if plan.private_key_jwt {
        plan.decided.push(CheckLine::new(
            CheckKind::ApiToken,
            Verdict::Warning,
            "not checked: private key JWT is chosen. Okta needs an API Services app with the scopes \
             okta.clients.register, okta.clients.read and okta.clients.manage, the Application Administrator role, and DPoP off.",
        ));
    } else if header.is_empty() {
        plan.decided.push(CheckLine::new(CheckKind::ApiToken, Verdict::Warning, "not checked: the Authorization Header is empty."));
    } else if header.get(..7).is_some_and(|scheme| scheme.eq_ignore_ascii_case("bearer ")) {
        plan.decided.push(CheckLine::new(
            CheckKind::ApiToken,
            Verdict::Warning,
            "not checked: a Bearer access token is Anypoint's to use; the checks ask with SSWS API tokens only.",
        ));
    } else if !header.starts_with("SSWS ") {
        plan.decided.push(CheckLine::new(
            CheckKind::ApiToken,
            Verdict::Failed,
            "the Authorization Header must read \"SSWS \" and the API token (the hint on the field fixes it). Not sent.",
        ));
    } else if discovered.is_none() {
        plan.decided.push(CheckLine::new(CheckKind::ApiToken, Verdict::Warning, not_sent));
    } else {
        for (check, path) in [(CheckKind::ApiToken, "/api/v1/users/me"), (CheckKind::RegistrationRole, "/oauth2/v1/clients?limit=1")] {
            plan.calls.push(OktaCall {
                check,
                method: "GET",
                url: format!("{}{path}", plan.origin),
                authorization: Some(header.clone()),
                form_body: None,
            });
        }
    }

    if plan.client_id.is_empty() || plan.secret.is_empty() {
        plan.decided.push(CheckLine::new(CheckKind::Introspection, Verdict::Warning, "not checked: fill the Client ID and the Client Secret."));
        return plan.calls.len() - before;
    }
    let Some(metadata) = discovered else {
        plan.decided.push(CheckLine::new(CheckKind::Introspection, Verdict::Warning, not_sent));
        return plan.calls.len() - before;
    };
    match metadata.introspection_endpoint {
        Some(endpoint) if plan.typed_introspection.is_empty() || plan.typed_introspection == endpoint => {
            let credentials = format!("{}:{}", form_encode(&plan.client_id), form_encode(&plan.secret));
            plan.calls.push(OktaCall {
                check: CheckKind::Introspection,
                method: "POST",
                url: endpoint,
                authorization: Some(format!("Basic {}", base64(&credentials))),
                form_body: Some(format!("token={}&token_type_hint=access_token", form_encode(nonce))),
            });
        }
        Some(_) => plan.decided.push(CheckLine::new(
            CheckKind::Introspection,
            Verdict::Failed,
            "the Token Introspection URL differs from the document's introspection_endpoint, so the client's secret was \
             not sent there. Use the document's (Fill from Okta).",
        )),
        None => plan.decided.push(CheckLine::new(
            CheckKind::Introspection,
            Verdict::Failed,
            "the Issuer's metadata names no introspection endpoint. Use a custom authorization server's or the org's.",
        )),
    }
    plan.calls.len() - before
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
    // Deep nesting would exhaust the wasm stack in the browser's JSON decoder: not an answer of Okta's.
    if nesting_depth(body) > MAX_NESTING {
        return None;
    }
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
        Outcome::TimedOut => format!(
            "Okta did not answer in time ({FETCH_TIMEOUT_SECONDS} s per request, {} s for the whole check). Check the \
             network or VPN, then try again.",
            CHECK_TOTAL_MS / 1000
        ),
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
    // The role is only judged when Okta accepted the token itself.
    let token_accepted = plan.calls.iter().zip(outcomes).any(|(call, outcome)| {
        call.check == CheckKind::ApiToken && matches!(outcome, Outcome::Answered { status: 200, .. })
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
                let inspection = inspect_metadata_with(body, &call.url, granted_hosts);
                let line = judge_discovery(call.check, *status, fields.is_some(), &error, &org_host, &inspection);
                if call.check == CheckKind::OpenidConfiguration && line.verdict == Verdict::Passed {
                    lines.push(judge_form_urls(inspection.metadata.as_ref(), values));
                }
                line
            }
            CheckKind::ApiToken => judge_api_token(*status, fields.is_some(), &error),
            CheckKind::RegistrationRole if !token_accepted => {
                CheckLine::new(call.check, Verdict::Warning, "not proven: Okta did not accept the API token (above).")
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
    // In the order of `CheckKind::ALL`. Not `sort_by_key`: for six lines, the sort's code would add ~9 KB of wasm.
    let unordered = lines;
    let mut lines: Vec<CheckLine> = CheckKind::ALL
        .into_iter()
        .flat_map(|check| unordered.iter().filter(move |line| line.check == check).cloned())
        .collect();
    // Belt and braces: whatever a line quotes (a document's issuer), it never repeats the token or the secret.
    let token = plan.header.strip_prefix("SSWS ").unwrap_or(&plan.header).trim();
    for secret in [token, plan.secret.as_str()].into_iter().filter(|secret| secret.len() >= 8) {
        for line in &mut lines {
            if line.text.contains(secret) {
                line.text = line.text.replace(secret, "…");
            }
        }
    }
    lines
}

fn not_json(check: CheckKind, status: u16) -> CheckLine {
    CheckLine::new(check, Verdict::Failed, format!("the answer (status {status}) is not JSON, so this is not an Okta endpoint. Check the host."))
}

/// Whether Anypoint would accept a discovery document: no error among its problems (it names this issuer, its
/// endpoints are https on the issuer's host, …).
fn accepted(inspection: &Inspection) -> bool {
    !inspection.problems.iter().any(|problem| problem.severity == Severity::Error)
}

fn judge_discovery(check: CheckKind, status: u16, is_json: bool, error: &OktaError, org_host: &str, inspection: &Inspection) -> CheckLine {
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
    match inspection.problems.iter().find(|problem| problem.severity == Severity::Error) {
        None => CheckLine::new(check, Verdict::Passed, "loads and names this Issuer, as Anypoint requires."),
        Some(problem) => CheckLine::new(check, Verdict::Failed, format!("Anypoint would refuse it: {}", problem.message)),
    }
}

/// The five URLs in the form against the OpenID configuration's (Anypoint sends the form's).
fn judge_form_urls(metadata: Option<&Metadata>, values: &FormValues) -> CheckLine {
    let check = CheckKind::FormUrls;
    let Some(metadata) = metadata else {
        return CheckLine::new(check, Verdict::Warning, "not compared: the document could not be read.");
    };
    let draft = AnypointDraft::from_metadata(metadata, 0);
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
        200 => CheckLine::new(
            check,
            Verdict::Passed,
            "Okta lets the token's admin list OpenID Connect apps, which the roles that register them allow (a \
             Read-Only Administrator may list too: if Anypoint later gets 403, see Security > Administrators).",
        ),
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
        (0, 0) => format!("Okta org {org}: every check passed."),
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
    const CLIENT_ID: &str = include_str!("../../tests/fixtures/client-id.txt");
    const OPENID: &str = include_str!("../../tests/fixtures/custom-default.openid-configuration.json");
    const OAUTH: &str = include_str!("../../tests/fixtures/custom-default.oauth-authorization-server.json");

    fn values() -> FormValues {
        FormValues::from([
            (AnypointField::Issuer, ISSUER.to_string()),
            (AnypointField::IntrospectionClientId, CLIENT_ID.trim().to_string()),
            (AnypointField::TokenUrl, format!("{ISSUER}/v1/token")),
        ])
    }

    fn header() -> String {
        format!("SSWS {}", TOKEN.trim())
    }

    fn answered(status: u16, body: &str) -> Outcome {
        Outcome::Answered { status, body: body.to_string() }
    }

    /// Both rounds: the first two answers go to discovery, the rest to the second round's calls in order.
    fn run(values: &FormValues, header: &str, secret: &str, answers: Vec<Outcome>) -> (CheckPlan, Vec<CheckLine>) {
        let mut plan = plan_checks(&Filled { values, header, secret }, &[]).ok().expect("plans");
        let mut answers = answers.into_iter();
        let mut outcomes: Vec<Outcome> = answers.by_ref().take(2).collect();
        let added = plan_second_round(&mut plan, &outcomes, &[], "nonce");
        outcomes.extend(answers.take(added));
        assert_eq!(outcomes.len(), plan.calls.len(), "one answer per call");
        let lines = judge(&plan, &outcomes, values, &[]);
        (plan, lines)
    }

    fn verdicts(answers: Vec<Outcome>) -> Vec<(CheckKind, Verdict)> {
        run(&values(), &header(), SECRET.trim(), answers).1.iter().map(|line| (line.check, line.verdict)).collect()
    }

    fn good() -> Vec<Outcome> {
        vec![answered(200, OPENID), answered(200, OAUTH), answered(200, "{\"id\":\"00u1\"}"), answered(200, "[]"), answered(200, "{\"active\":false}")]
    }

    fn with(mut answers: Vec<Outcome>, index: usize, outcome: Outcome) -> Vec<Outcome> {
        answers[index] = outcome;
        answers
    }

    #[test]
    fn plans_only_requests_to_the_issuers_org_and_never_a_change() {
        let (plan, _) = run(&values(), &header(), SECRET.trim(), good());
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
        assert_eq!(plan.calls[2].authorization.as_deref(), Some(header().as_str()));
        assert_eq!(plan.calls[4].authorization.as_deref(), Some("Basic MG9hMXByYWN0aWNlaW50cm9zcGVjdDpBYjkta0xtTm9QcVJzVHVWd1h5WjAxMjM0NTY3ODlhYmNkZWZnaGlq"));
        assert!(plan.calls[..2].iter().all(|call| call.authorization.is_none()), "discovery carries nothing");
        assert_eq!(plan.org, "dev-12345678");
    }

    #[test]
    fn issuers_that_could_reach_beyond_the_org_are_not_checked() {
        for issuer in [
            "https://login.evil.example",
            "https://x.workflows.okta.com/api/flo",
            "https://dev-1-admin.okta.com",
            "https://dev-1.okta.com/",
            "https://dev-1.okta.com/oauth2/default?leak=1",
            "https://dev-1.okta.com/oauth2/default#x",
            "https://dev-1.okta.com/api/v1/users",
            "http://dev-1.okta.com",
            "https://dev-1.okta.com:8443",
        ] {
            let mut values = values();
            values.insert(AnypointField::Issuer, issuer.to_string());
            assert!(plan_checks(&Filled { values: &values, header: "SSWS x", secret: "s" }, &[]).is_err(), "{issuer} was planned");
        }
        assert!(plan_checks(&Filled { values: &FormValues::new(), header: "SSWS x", secret: "s" }, &[]).err().unwrap().contains("Issuer"));
        // A custom domain the admin granted is checked.
        let mut values = values();
        values.insert(AnypointField::Issuer, "https://login.acme-corp.com/oauth2/default".to_string());
        assert!(plan_checks(&Filled { values: &values, header: "", secret: "" }, &["login.acme-corp.com".to_string()]).is_ok());
    }

    #[test]
    fn secrets_wait_for_discovery_and_go_only_to_the_documents_endpoint() {
        // Discovery failed: nothing secret is sent.
        let (plan, lines) = run(&values(), &header(), SECRET.trim(), vec![answered(404, "{}"), answered(404, "{}")]);
        assert_eq!(plan.calls.len(), 2);
        assert!(lines.iter().filter(|line| line.check >= CheckKind::ApiToken).all(|line| line.verdict == Verdict::Warning));
        // A typed introspection URL other than the document's gets no secret.
        let mut values = values();
        values.insert(AnypointField::TokenIntrospectionUrl, "https://dev-12345678.okta.com/api/flo/x/invoke".to_string());
        let (plan, lines) = run(&values, "", SECRET.trim(), good()[..2].to_vec());
        assert_eq!(plan.calls.len(), 2);
        assert_eq!(lines.iter().find(|l| l.check == CheckKind::Introspection).unwrap().verdict, Verdict::Failed);
        // An org issuer introspects where its document says.
        let mut org = values.clone();
        org.insert(AnypointField::Issuer, "https://acme.okta.com".to_string());
        org.remove(&AnypointField::TokenIntrospectionUrl);
        let document = include_str!("../../tests/fixtures/org.openid-configuration.json");
        let mut plan = plan_checks(&Filled { values: &org, header: "", secret: "s3cret" }, &[]).ok().unwrap();
        plan_second_round(&mut plan, &[answered(200, document), answered(200, document)], &[], "n");
        assert_eq!(plan.calls.last().unwrap().url, "https://acme.okta.com/oauth2/v1/introspect");
    }

    #[test]
    fn every_verdict_from_okta_answers() {
        use CheckKind::*;
        use Verdict::*;
        assert!(verdicts(good()).iter().all(|(_, verdict)| *verdict == Passed), "{:?}", verdicts(good()));
        let invalid = answered(401, r#"{"errorCode":"E0000011","errorSummary":"Invalid token provided"}"#);
        let v = verdicts(with(with(good(), 2, invalid.clone()), 3, invalid));
        assert_eq!(v[3], (ApiToken, Failed));
        assert_eq!(v[4], (RegistrationRole, Warning), "not proven, not failed twice");
        let v = verdicts(with(good(), 3, answered(403, r#"{"errorCode":"E0000006","errorSummary":"You do not have permission"}"#)));
        assert_eq!(v[3..5], [(ApiToken, Passed), (RegistrationRole, Failed)]);
        let v = verdicts(with(good(), 4, answered(401, r#"{"error":"invalid_client","error_description":"Client authentication failed."}"#)));
        assert_eq!(v[5], (Introspection, Failed));
        let feature = answered(400, r#"{"errorCode":"E0000015","errorSummary":"The requested feature is not enabled in this environment."}"#);
        let (_, lines) = run(&values(), &header(), SECRET.trim(), vec![feature.clone(), feature]);
        assert!(lines[0].text.contains("Use the org authorization server: Issuer https://dev-12345678.okta.com"), "{}", lines[0].text);
        assert_eq!(lines[2].verdict, Warning, "form URLs not compared");
        let v = verdicts(vec![Outcome::TimedOut, Outcome::Unreachable]);
        assert_eq!(v, [(OpenidConfiguration, Failed), (AuthorizationServerMetadata, Failed), (FormUrls, Warning), (ApiToken, Warning), (RegistrationRole, Warning), (Introspection, Warning)]);
        let v = verdicts(with(with(with(good(), 2, answered(200, "<html>")), 3, answered(429, "{}")), 4, answered(503, "")));
        assert_eq!(v[3..], [(ApiToken, Failed), (RegistrationRole, Warning), (Introspection, Warning)]);
        // A document of another issuer is what Anypoint refuses.
        let other = OPENID.replace(ISSUER, "https://dev-12345678.okta.com/oauth2/aus9");
        assert_eq!(verdicts(with(good(), 0, answered(200, &other)))[0], (OpenidConfiguration, Failed));
        // A deeply nested answer is no answer, not a crash.
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(verdicts(with(good(), 2, answered(200, &deep)))[3], (ApiToken, Failed));
    }

    #[test]
    fn no_line_repeats_the_token_or_secret_even_when_okta_echoes_it() {
        let echo = format!(r#"{{"issuer":"https://dev-12345678.okta.com/{}","errorCode":"{}","error":"{}"}}"#, TOKEN.trim(), TOKEN.trim(), SECRET.trim());
        // In the second round's answers (discovery passed, so the token and secret were sent)...
        let (plan, lines) = run(&values(), &header(), SECRET.trim(), vec![answered(200, OPENID), answered(200, OAUTH), answered(401, &echo), answered(403, &echo), answered(401, &echo)]);
        assert_eq!(plan.calls.len(), 5, "the second round was sent");
        // ...and in a discovery document whose issuer quotes the token.
        let (_, echoed) = run(&values(), &header(), SECRET.trim(), vec![answered(200, &echo), answered(200, &echo)]);
        for line in lines.iter().chain(&echoed) {
            assert!(!line.text.contains(TOKEN.trim()) && !line.text.contains(SECRET.trim()), "{}", line.text);
        }
        assert!(echoed[0].text.contains("…"), "the quoted token is redacted: {}", echoed[0].text);
    }

    #[test]
    fn form_urls_must_equal_the_documents() {
        let mut values = values();
        values.insert(AnypointField::TokenUrl, format!("{ISSUER}/v1/authorize"));
        let (_, lines) = run(&values, "", "", vec![answered(200, OPENID), answered(200, OAUTH)]);
        let form = lines.iter().find(|line| line.check == CheckKind::FormUrls).unwrap();
        assert_eq!(form.verdict, Verdict::Failed);
        assert!(form.text.contains("Token URL"), "{}", form.text);
        assert_eq!(lines.iter().filter(|line| line.verdict == Verdict::Warning).count(), 3, "token, role and introspection not checked");
    }

    #[test]
    fn the_header_decides_what_is_sent() {
        let (plan, lines) = run(&values(), TOKEN.trim(), "", good()[..2].to_vec());
        assert!(plan.calls.iter().all(|call| call.authorization.is_none()), "a raw token is not sent");
        assert_eq!(lines[3].verdict, Verdict::Failed);
        let (plan, lines) = run(&values(), "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", "", good()[..2].to_vec());
        assert_eq!(plan.calls.len(), 2);
        assert_eq!(lines[3].verdict, Verdict::Warning, "Anypoint accepts Bearer: not a failure");
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
