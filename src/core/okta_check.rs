//! "Check with Okta": prove, before the admin clicks Create, what Anypoint only finds out later. Every check is
//! one row of [`CHECKS`]: its kind, its title, what it asks Okta (and so which credential it may carry), how it
//! judges the answer into a typed [`Cause`], and the step of the procedure it proves. The core plans the
//! requests (every URL on the Issuer's own host, checked here first), the glue's one sender sends them
//! (`src/ext/fetch.rs`: no cookies, no redirects, 8 s each) and hands back `(kind, outcome)` pairs, and the core
//! judges each from its status and Okta's `errorCode` / `error` (docs/facts.md, "Okta"). Nothing is created or
//! changed in Okta: two GETs with the API token, one introspection of a random token with the client's
//! credentials.
//!
//! Adding a check: a [`CheckKind`], a row of [`CHECKS`], its judge and its causes (with their verdict and words).
//!
//! Secrets (the header, the client secret) are only ever put into a request's `authorization`; no line
//! repeats them, nor any text of Okta's answer beyond a well-formed error code.

use serde::{Deserialize, Serialize};

use super::draft::AnypointDraft;
use super::fetch_policy::{may_fetch, Body, Method, Outgoing, FETCH_TIMEOUT_SECONDS};
use super::fields::{is_ticked, AnypointField, FormValues};
use super::hosts::{okta_org_of, OktaOrgHost};
use super::json_document::{parse_json, DocumentFields, Found, TopLevel};
use super::metadata::{inspect_metadata_with, nesting_depth, Inspection, Metadata, MAX_NESTING};
use super::okta_paths::server_of_issuer;
use super::severity::Severity;
use super::words::{say, Arg, Finding};

/// A whole check run (both rounds) ends within this (declared with the other limits, in `fetch_policy`).
pub use super::fetch_policy::CHECK_TOTAL_MS;
/// What came back for one request (declared with the sender's policy, in `fetch_policy`).
pub use super::fetch_policy::Outcome;

/// Which check, as a result line and a stored proof name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum CheckKind {
    /// The OpenID configuration Anypoint reads.
    OpenidConfiguration,
    /// The OAuth authorization server metadata Anypoint reads too.
    AuthorizationServerMetadata,
    /// The URLs in the form against the OpenID configuration.
    FormUrls,
    /// Okta accepts the API token.
    ApiToken,
    /// The token's admin may register OpenID Connect apps.
    RegistrationRole,
    /// Okta accepts the introspection client's ID and secret.
    Introspection,
}

/// A step of the admin's procedure (the popup's checklist) that checks can prove.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProcedureStep {
    /// The authorization server's metadata.
    Metadata,
    /// The API token for the Authorization Header.
    ApiToken,
    /// The introspection client.
    IntrospectionClient,
    /// The client provider form.
    ProviderForm,
}

/// What a check sends, and so the one credential it may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asks {
    /// Round one, nothing secret: `GET {issuer}{path}`.
    Discovery(&'static str),
    /// Nothing: the form's values against the OpenID configuration that passed.
    Nothing,
    /// Round two, once discovery passed, with the API token (`SSWS …`): `GET {org}{path}`.
    WithApiToken(&'static str),
    /// Round two, once discovery passed, with the client's ID and secret (HTTP Basic): a random token posted to
    /// the document's `introspection_endpoint`.
    WithClientSecret,
}

/// A credential a request may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Credential {
    /// The Authorization Header, `SSWS {api token}`.
    ApiToken,
    /// The introspection client's ID and secret.
    ClientSecret,
}

impl Asks {
    /// The credential its request carries, if any.
    pub fn carries(self) -> Option<Credential> {
        match self {
            Self::Discovery(_) | Self::Nothing => None,
            Self::WithApiToken(_) => Some(Credential::ApiToken),
            Self::WithClientSecret => Some(Credential::ClientSecret),
        }
    }
}

/// A check's judge: the answer to its own request (`None` for a check that asks nothing) into a cause.
pub type Judge = fn(&Run<'_>, Option<&Reply<'_>>) -> Cause;

/// One check, all of it.
pub struct Check {
    /// Which.
    pub kind: CheckKind,
    /// The catalogue's key of its name, shown before its cause in the result.
    pub title: &'static str,
    /// What it sends.
    pub asks: Asks,
    /// How its answer is judged (after the causes every request shares: no answer, rate limit, server error).
    pub judge: Judge,
    /// The step of the procedure it proves when it passes (with the step's other checks).
    pub proves: ProcedureStep,
}

/// Every check, in the order the result lists them.
pub const CHECKS: &[Check] = &[
    Check {
        kind: CheckKind::OpenidConfiguration,
        title: "checkTitleOpenidConfiguration",
        asks: Asks::Discovery("/.well-known/openid-configuration"),
        judge: judge_discovery,
        proves: ProcedureStep::Metadata,
    },
    Check {
        kind: CheckKind::AuthorizationServerMetadata,
        title: "checkTitleAuthorizationServerMetadata",
        asks: Asks::Discovery("/.well-known/oauth-authorization-server"),
        judge: judge_discovery,
        proves: ProcedureStep::Metadata,
    },
    Check { kind: CheckKind::FormUrls, title: "checkTitleFormUrls", asks: Asks::Nothing, judge: judge_form_urls, proves: ProcedureStep::ProviderForm },
    Check {
        kind: CheckKind::ApiToken,
        title: "checkTitleApiToken",
        asks: Asks::WithApiToken("/api/v1/users/me"),
        judge: judge_api_token,
        proves: ProcedureStep::ApiToken,
    },
    Check {
        kind: CheckKind::RegistrationRole,
        title: "checkTitleRegistrationRole",
        asks: Asks::WithApiToken("/oauth2/v1/clients?limit=1"),
        judge: judge_registration_role,
        proves: ProcedureStep::ApiToken,
    },
    Check {
        kind: CheckKind::Introspection,
        title: "checkTitleIntrospection",
        asks: Asks::WithClientSecret,
        judge: judge_introspection,
        proves: ProcedureStep::IntrospectionClient,
    },
];

/// How a check went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
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
    /// The catalogue's key of the word the result line starts with.
    pub fn key(self) -> &'static str {
        match self {
            Self::Passed => "verdictPassed",
            Self::Warning => "verdictWarning",
            Self::Failed => "verdictFailed",
        }
    }
}

/// A well-formed code from Okta's answer (`E0000011`, `invalid_client`), quoted after a cause; never other text.
pub type ErrorNote = Option<String>;

/// Why a check went as it did: its verdict and its words follow from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cause {
    // Any request.
    /// No answer in time.
    TimedOut,
    /// No connection.
    Unreachable,
    /// A redirect, not followed.
    Redirected,
    /// Far larger than Okta's answers.
    TooLarge,
    /// Okta's rate limit.
    RateLimited(ErrorNote),
    /// A 5xx.
    OktaError(u16, ErrorNote),
    /// Not JSON: not an Okta endpoint.
    NotJson(u16),
    /// A status the check has no words for.
    OtherStatus(u16, ErrorNote),
    /// Custom authorization servers without API Access Management: the org's host to use instead.
    FeatureNotEnabled(String),
    /// Not run.
    NotChecked,
    /// Not sent: discovery did not pass, so nothing secret went out.
    NotSentDiscoveryFailed,
    // Discovery.
    /// Loads and names this Issuer.
    DocumentAccepted,
    /// A 404: no such authorization server.
    NoSuchDocument,
    /// What Anypoint would refuse in it (a problem's words).
    AnypointWouldRefuse(String),
    // The form's URLs.
    /// Equal to Okta's.
    UrlsEqual,
    /// These fields differ.
    UrlsDiffer(Vec<&'static str>),
    /// These fields are empty.
    UrlsEmpty(Vec<&'static str>),
    /// The OpenID configuration did not pass.
    UrlsNotCompared,
    /// Private key JWT: the Issuer is the org's, the registration URL the org document's, and the other URLs on
    /// the org's host (their server is the kept one's, which the org's document does not name).
    UrlsJwt,
    // The API token.
    /// Accepted.
    TokenAccepted,
    /// A 401.
    TokenRefused(ErrorNote),
    /// A 403.
    TokenRestricted(ErrorNote),
    /// Private key JWT: no token to check.
    PrivateKeyJwt,
    /// No header.
    HeaderEmpty,
    /// A Bearer token, Anypoint's to use.
    BearerToken,
    /// Not `SSWS …`: not sent.
    HeaderNotSsws,
    // The role.
    /// May list OpenID Connect apps.
    RoleAllowed,
    /// A 403.
    RoleMissing(ErrorNote),
    /// The token itself was not accepted.
    TokenNotAccepted,
    /// The token check did not run.
    NoTokenToAskWith,
    // The introspection client.
    /// Accepted.
    ClientAccepted,
    /// A 200 that is no introspection answer.
    NotAnIntrospection,
    /// A 401, or 400 `invalid_client`.
    ClientRefused(ErrorNote),
    /// A 404.
    NoIntrospectionHere,
    /// No ID or secret typed.
    ClientNotFilled,
    /// The typed URL is not the document's: the secret was not sent.
    IntrospectionUrlDiffers,
    /// The document names none.
    NoIntrospectionEndpoint,
}

fn note(code: &ErrorNote) -> Arg {
    match code {
        Some(code) => Finding::new("codeNote").with(code.as_str()).into(),
        None => "".into(),
    }
}

impl Cause {
    /// How the check went, given this cause.
    pub fn verdict(&self) -> Verdict {
        use Cause::*;
        match self {
            DocumentAccepted | UrlsEqual | TokenAccepted | RoleAllowed | ClientAccepted => Verdict::Passed,
            UrlsJwt => Verdict::Passed,
            RateLimited(_) | OktaError(..) | NotChecked | NotSentDiscoveryFailed | UrlsEmpty(_) | UrlsNotCompared
            | PrivateKeyJwt | HeaderEmpty | BearerToken | TokenNotAccepted | NoTokenToAskWith | NotAnIntrospection
            | ClientNotFilled => Verdict::Warning,
            TimedOut | Unreachable | Redirected | TooLarge | NotJson(_) | OtherStatus(..) | FeatureNotEnabled(_)
            | NoSuchDocument | AnypointWouldRefuse(_) | UrlsDiffer(_) | TokenRefused(_) | TokenRestricted(_)
            | HeaderNotSsws | RoleMissing(_) | ClientRefused(_) | NoIntrospectionHere | IntrospectionUrlDiffers
            | NoIntrospectionEndpoint => Verdict::Failed,
        }
    }

    /// What to say: the catalogue's key (`extension/_locales`) and the arguments, with the next step.
    pub fn finding(&self) -> Finding {
        use Cause::*;
        let words = Finding::new;
        let fields = |labels: &[&'static str]| Arg::List(labels.iter().map(|label| Arg::from(*label)).collect());
        match self {
            TimedOut => words("checkTimedOut").with(FETCH_TIMEOUT_SECONDS.to_string()).with((CHECK_TOTAL_MS / 1000).to_string()),
            Unreachable => words("checkUnreachable"),
            Redirected => words("checkRedirected"),
            TooLarge => words("checkTooLarge"),
            RateLimited(code) => words("checkRateLimited").with(note(code)),
            OktaError(status, code) => words("checkOktaError").with(status.to_string()).with(note(code)),
            NotJson(status) => words("checkNotJson").with(status.to_string()),
            OtherStatus(status, code) => words("checkOtherStatus").with(status.to_string()).with(note(code)),
            FeatureNotEnabled(org_host) => words("checkFeatureNotEnabled").with(org_host.as_str()),
            NotChecked => words("checkNotChecked"),
            NotSentDiscoveryFailed => words("checkNotSentDiscoveryFailed"),
            DocumentAccepted => words("checkDocumentAccepted"),
            NoSuchDocument => words("checkNoSuchDocument"),
            AnypointWouldRefuse(problem) => words("checkAnypointWouldRefuse").with(problem.as_str()),
            UrlsEqual => words("checkUrlsEqual"),
            UrlsDiffer(labels) => words("checkUrlsDiffer").with(fields(labels)),
            UrlsJwt => words("checkUrlsJwt"),
            UrlsEmpty(labels) => words("checkUrlsEmpty").with(fields(labels)),
            UrlsNotCompared => words("checkUrlsNotCompared"),
            TokenAccepted => words("checkTokenAccepted"),
            TokenRefused(code) => words("checkTokenRefused").with(note(code)).with(words("oktaTokensPage")),
            TokenRestricted(code) => words("checkTokenRestricted").with(note(code)).with(words("oktaTokensPage")),
            PrivateKeyJwt => words("checkPrivateKeyJwt").with(words("oktaPrivateKeyJwtNeeds")),
            HeaderEmpty => words("checkHeaderEmpty"),
            BearerToken => words("checkBearerToken"),
            HeaderNotSsws => words("checkHeaderNotSsws"),
            RoleAllowed => words("checkRoleAllowed").with(words("oktaAdministratorsPage")),
            RoleMissing(code) => {
                words("checkRoleMissing")
                    .with(note(code))
                    .with(words("oktaRegisterRoles"))
                    .with(words("oktaAdministratorsPage"))
                    .with(words("oktaTokenCreatorRoles"))
            }
            TokenNotAccepted => words("checkTokenNotAccepted"),
            NoTokenToAskWith => words("checkNoTokenToAskWith"),
            ClientAccepted => words("checkClientAccepted"),
            NotAnIntrospection => words("checkNotAnIntrospection"),
            ClientRefused(code) => words("checkClientRefused").with(note(code)).with(words("oktaApplicationsPage")),
            NoIntrospectionHere => words("checkNoIntrospectionHere"),
            ClientNotFilled => words("checkClientNotFilled"),
            IntrospectionUrlDiffers => words("checkIntrospectionUrlDiffers"),
            NoIntrospectionEndpoint => words("checkNoIntrospectionEndpoint"),
        }
    }
}

/// One line of the result: the check, its verdict, the cause in plain words and the next step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
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
    fn new(check: &Check, cause: &Cause) -> Self {
        let verdict = cause.verdict();
        let line = Finding::new("checkLine").with(Finding::new(verdict.key())).with(Finding::new(check.title)).with(cause.finding());
        Self { check: check.kind, verdict, text: say(&line) }
    }
}

/// What a check run proved, kept in `chrome.storage.session` for the setup checklist. No secret: the Issuer
/// and the checks that passed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
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

    /// Whether every check that proves `step` passed (`false` for a step no check proves).
    pub fn proves(&self, step: ProcedureStep) -> bool {
        let mut checks = CHECKS.iter().filter(|check| check.proves == step).peekable();
        checks.peek().is_some() && checks.all(|check| self.passed.contains(&check.kind))
    }
}

/// One request of a run. Not `Debug`: it may hold the API token or the client's credentials.
pub struct OktaCall {
    /// What it checks.
    pub check: CheckKind,
    /// What to send; always on the Issuer's host.
    pub request: Outgoing,
}

/// The requests of a check run and the causes already decided without sending anything. Two rounds: the
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
    decided: Vec<(CheckKind, Cause)>,
    org_host: String,
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

/// The first round: the discovery documents Anypoint reads, or why there is nothing to check. The Issuer
/// must be an org's own URL (`https://{org}.{okta domain}[/oauth2/{id}]`) or on a custom domain the admin
/// granted (`granted_hosts`): never a deeper Okta subdomain, a query or a fragment, so the requests (and later
/// the secrets) can only reach that org.
pub fn plan_checks(filled: &Filled<'_>, granted_hosts: &[String]) -> Result<CheckPlan, String> {
    let issuer = value(filled.values, AnypointField::Issuer);
    if issuer.is_empty() {
        return Err(crate::core::words::text("checkNeedsIssuer"));
    }
    let parsed = may_fetch(issuer, granted_hosts).map_err(|problem| crate::core::words::say(&Finding::new("checkCannotCheckIssuer").with(problem.to_string())))?;
    let host = parsed.host();
    let org_host = OktaOrgHost::of(host).is_some_and(|org| !org.admin);
    let well_formed = parsed.query().is_none()
        && parsed.fragment().is_none()
        && !issuer.ends_with('/')
        && server_of_issuer(parsed.path()).is_some();
    if !well_formed || !(org_host || granted_hosts.iter().any(|granted| granted == host)) {
        return Err(crate::core::words::text("checkIssuerShape"));
    }
    let calls = CHECKS
        .iter()
        .filter_map(|check| match check.asks {
            Asks::Discovery(path) => Some(OktaCall { check: check.kind, request: Outgoing::get(format!("{issuer}{path}")) }),
            _ => None,
        })
        .collect();
    Ok(CheckPlan {
        issuer: issuer.to_string(),
        org: okta_org_of(host).unwrap_or_else(|| host.to_string()),
        calls,
        decided: Vec::new(),
        org_host: host.to_string(),
        origin: parsed.origin(),
        header: filled.header.trim().to_string(),
        client_id: value(filled.values, AnypointField::IntrospectionClientId).to_string(),
        secret: filled.secret.trim().to_string(),
        typed_introspection: value(filled.values, AnypointField::TokenIntrospectionUrl).to_string(),
        private_key_jwt: is_ticked(filled.values, AnypointField::AuthenticationByPrivateKeyJwt),
    })
}

/// The OpenID configuration's metadata, when it passed (loads, JSON, nothing Anypoint would refuse): what
/// proves the Issuer is an authorization server of that org, before anything secret is sent.
fn discovered(plan: &CheckPlan, outcomes: &[(CheckKind, Outcome)], granted_hosts: &[String]) -> Option<Metadata> {
    let call = plan.calls.iter().find(|call| call.check == CheckKind::OpenidConfiguration)?;
    match outcome_of(outcomes, CheckKind::OpenidConfiguration)? {
        Outcome::Answered { status: 200, body } => {
            let inspection = inspect_metadata_with(body, &call.request.url, granted_hosts);
            accepted(&inspection).then_some(inspection.metadata).flatten()
        }
        _ => None,
    }
}

fn outcome_of(outcomes: &[(CheckKind, Outcome)], kind: CheckKind) -> Option<&Outcome> {
    outcomes.iter().find(|(check, _)| *check == kind).map(|(_, outcome)| outcome)
}

/// Why the API token's requests cannot be sent, if they cannot.
fn api_token_unsendable(plan: &CheckPlan, discovered: bool) -> Option<Cause> {
    let header = &plan.header;
    Some(if plan.private_key_jwt {
        Cause::PrivateKeyJwt
    } else if header.is_empty() {
        Cause::HeaderEmpty
    } else if header.get(..7).is_some_and(|scheme| scheme.eq_ignore_ascii_case("bearer ")) {
        Cause::BearerToken
    } else if !header.starts_with("SSWS ") {
        Cause::HeaderNotSsws
    } else if !discovered {
        Cause::NotSentDiscoveryFailed
    } else {
        return None;
    })
}

/// The introspection's request, or why it cannot be sent: to the document's own `introspection_endpoint`,
/// which a URL typed in the form must equal.
fn introspection_request(plan: &CheckPlan, discovered: Option<&Metadata>, nonce: &str) -> Result<Outgoing, Cause> {
    if plan.client_id.is_empty() || plan.secret.is_empty() {
        return Err(Cause::ClientNotFilled);
    }
    let metadata = discovered.ok_or(Cause::NotSentDiscoveryFailed)?;
    match &metadata.introspection_endpoint {
        Some(endpoint) if plan.typed_introspection.is_empty() || plan.typed_introspection == *endpoint => {
            let credentials = format!("{}:{}", form_encode(&plan.client_id), form_encode(&plan.secret));
            Ok(Outgoing {
                method: Method::Post,
                url: endpoint.clone(),
                authorization: Some(format!("Basic {}", base64(&credentials))),
                body: Some(Body::form(format!("token={}&token_type_hint=access_token", form_encode(nonce)))),
            })
        }
        Some(_) => Err(Cause::IntrospectionUrlDiffers),
        None => Err(Cause::NoIntrospectionEndpoint),
    }
}

/// The second round, given the first round's outcomes: the checks that carry a credential, each only when the
/// OpenID configuration passed; otherwise the causes that say why nothing was sent. When the API token cannot
/// be sent, the first check that needs it says why and the others that they had no token to ask with.
/// Answers how many calls were added. `nonce`: a random token to introspect.
pub fn plan_second_round(plan: &mut CheckPlan, first: &[(CheckKind, Outcome)], granted_hosts: &[String], nonce: &str) -> usize {
    let before = plan.calls.len();
    let discovered = discovered(plan, first, granted_hosts);
    let token_unsendable = api_token_unsendable(plan, discovered.is_some());
    let mut token_said = false;
    for check in CHECKS {
        let planned = match check.asks {
            Asks::Discovery(_) | Asks::Nothing => continue,
            Asks::WithApiToken(path) => match &token_unsendable {
                Some(cause) if !token_said => {
                    token_said = true;
                    Err(cause.clone())
                }
                Some(_) => Err(Cause::NoTokenToAskWith),
                None => Ok(Outgoing {
                    authorization: Some(plan.header.clone()),
                    ..Outgoing::get(format!("{}{path}", plan.origin))
                }),
            },
            Asks::WithClientSecret => introspection_request(plan, discovered.as_ref(), nonce),
        };
        match planned {
            Ok(request) => plan.calls.push(OktaCall { check: check.kind, request }),
            Err(cause) => plan.decided.push((check.kind, cause)),
        }
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

impl OktaError {
    /// The code to quote: Okta's `errorCode`, else the OAuth `error`.
    fn note(&self) -> ErrorNote {
        self.code.clone().or_else(|| self.oauth_error.clone())
    }
}

/// An answer's body: `None` when it is not JSON; an empty object's fields for JSON that is no object (a list).
fn read_answer(body: &str) -> Option<DocumentFields> {
    // Deep nesting would exhaust the wasm stack in the browser's JSON decoder: not an answer of Okta's.
    if nesting_depth(body) > MAX_NESTING {
        return None;
    }
    match parse_json(body.trim()).ok()? {
        TopLevel::Object(fields) => Some(fields),
        TopLevel::List(_) | TopLevel::Other(_) => Some(DocumentFields::default()),
    }
}

fn okta_error(fields: Option<&DocumentFields>) -> OktaError {
    let Some(fields) = fields else { return OktaError { code: None, oauth_error: None, feature_not_enabled: false } };
    let code = fields.error_code.text().filter(|code| {
        code.len() == 8 && code.starts_with('E') && code[1..].bytes().all(|b| b.is_ascii_digit())
    });
    let oauth_error =
        fields.error.text().filter(|e| !e.is_empty() && e.len() <= 40 && e.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
    let feature_not_enabled =
        fields.error_summary.text().is_some_and(|summary| summary.to_ascii_lowercase().contains("feature is not enabled"));
    OktaError { code: code.map(str::to_string), oauth_error: oauth_error.map(str::to_string), feature_not_enabled }
}

/// What a judge knows of the whole run.
pub struct Run<'a> {
    values: &'a FormValues,
    granted_hosts: &'a [String],
    org_host: &'a str,
    discovered: Option<Metadata>,
    outcomes: &'a [(CheckKind, Outcome)],
}

impl Run<'_> {
    /// Whether Okta answered `kind`'s request with 200.
    fn answered_ok(&self, kind: CheckKind) -> bool {
        matches!(outcome_of(self.outcomes, kind), Some(Outcome::Answered { status: 200, .. }))
    }
}

/// An answer to a check's own request, as its judge reads it.
pub struct Reply<'a> {
    url: &'a str,
    status: u16,
    body: &'a str,
    /// `None` when the body is not JSON.
    fields: Option<DocumentFields>,
    error: OktaError,
}

/// An answer's status and body, or the cause every check words the same way: no usable answer, Okta's rate
/// limit, an error of Okta's.
pub(crate) fn answered(outcome: &Outcome) -> Result<(u16, &str), Cause> {
    let note = |body: &str| okta_error(read_answer(body).as_ref()).note();
    match outcome {
        Outcome::Answered { status: 429, body } => Err(Cause::RateLimited(note(body))),
        Outcome::Answered { status: status @ 500..=599, body } => Err(Cause::OktaError(*status, note(body))),
        Outcome::Answered { status, body } => Ok((*status, body)),
        Outcome::TimedOut => Err(Cause::TimedOut),
        Outcome::Unreachable => Err(Cause::Unreachable),
        Outcome::Redirected => Err(Cause::Redirected),
        Outcome::TooLarge { .. } => Err(Cause::TooLarge),
    }
}

/// Judge every check from the decided causes and the answers (`outcomes`: each call's kind and what came back),
/// into the result's lines in [`CHECKS`] order: one line per check, also for those that could not run.
pub fn judge(plan: &CheckPlan, outcomes: &[(CheckKind, Outcome)], values: &FormValues, granted_hosts: &[String]) -> Vec<CheckLine> {
    let run = Run { values, granted_hosts, org_host: &plan.org_host, discovered: discovered(plan, outcomes, granted_hosts), outcomes };
    let mut lines: Vec<CheckLine> = CHECKS
        .iter()
        .map(|check| {
            let decided = plan.decided.iter().find(|(kind, _)| *kind == check.kind).map(|(_, cause)| cause.clone());
            let sent = plan.calls.iter().find(|call| call.check == check.kind);
            let cause = decided.unwrap_or_else(|| match (check.asks, sent, outcome_of(outcomes, check.kind)) {
                (Asks::Nothing, _, _) => (check.judge)(&run, None),
                (_, Some(call), Some(outcome)) => match answered(outcome) {
                    Ok((status, body)) => {
                        let fields = read_answer(body);
                        let error = okta_error(fields.as_ref());
                        (check.judge)(&run, Some(&Reply { url: &call.request.url, status, body, fields, error }))
                    }
                    Err(cause) => cause,
                },
                _ => Cause::NotChecked,
            });
            CheckLine::new(check, &cause)
        })
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

/// Whether Anypoint would accept a discovery document: no error among its problems (it names this issuer, its
/// endpoints are https on the issuer's host, …).
fn accepted(inspection: &Inspection) -> bool {
    !inspection.problems.iter().any(|problem| problem.severity == Severity::Error)
}

fn judge_discovery(run: &Run<'_>, reply: Option<&Reply<'_>>) -> Cause {
    let Some(reply) = reply else { return Cause::NotChecked };
    if reply.fields.is_none() {
        return Cause::NotJson(reply.status);
    }
    if reply.error.feature_not_enabled {
        return Cause::FeatureNotEnabled(run.org_host.to_string());
    }
    match reply.status {
        200 => {}
        404 => return Cause::NoSuchDocument,
        status => return Cause::OtherStatus(status, reply.error.note()),
    }
    let inspection = inspect_metadata_with(reply.body, reply.url, run.granted_hosts);
    match inspection.problems.iter().find(|problem| problem.severity == Severity::Error) {
        None => Cause::DocumentAccepted,
        Some(problem) => Cause::AnypointWouldRefuse(problem.message.clone()),
    }
}

/// The five URLs in the form against the OpenID configuration's (Anypoint sends the form's).
fn judge_form_urls(run: &Run<'_>, _: Option<&Reply<'_>>) -> Cause {
    let Some(metadata) = &run.discovered else { return Cause::UrlsNotCompared };
    let draft = AnypointDraft::from_metadata(metadata, 0);
    // Private key JWT with the org's Issuer (KB 005315457): the Authorize, Token and Introspection URLs stay the
    // kept server's, which the org's document does not name. They must still be on the org's host; the
    // registration URL (org-level either way) must be the document's; none may be empty.
    let jwt = is_ticked(run.values, AnypointField::AuthenticationByPrivateKeyJwt);
    if jwt && metadata.location.server == crate::core::okta_paths::AuthorizationServer::Org {
        let org_host = super::web_url::WebUrl::parse(&draft.issuer).map(|issuer| issuer.host().to_string()).unwrap_or_default();
        let (mut differ, mut empty) = (Vec::new(), Vec::new());
        for field in [AnypointField::ClientRegistrationUrl, AnypointField::AuthorizeUrl, AnypointField::TokenUrl, AnypointField::TokenIntrospectionUrl] {
            if !run.values.contains_key(&field) {
                continue;
            }
            let typed = value(run.values, field);
            let right = match field {
                AnypointField::ClientRegistrationUrl => draft.client_registration_url.as_deref() == Some(typed),
                _ => super::web_url::WebUrl::parse(typed).is_ok_and(|url| url.is_https() && url.host() == org_host),
            };
            if typed.is_empty() {
                empty.push(field.label());
            } else if !right {
                differ.push(field.label());
            }
        }
        return if !differ.is_empty() {
            Cause::UrlsDiffer(differ)
        } else if !empty.is_empty() {
            Cause::UrlsEmpty(empty)
        } else {
            Cause::UrlsJwt
        };
    }
    let mut differ = Vec::new();
    let mut empty = Vec::new();
    for (field, expected) in draft.values() {
        if !AnypointField::FROM_METADATA.contains(&field) || !run.values.contains_key(&field) {
            continue;
        }
        let typed = value(run.values, field);
        match expected {
            _ if typed.is_empty() => empty.push(field.label()),
            Some(expected) if expected != typed => differ.push(field.label()),
            _ => {}
        }
    }
    if !differ.is_empty() {
        Cause::UrlsDiffer(differ)
    } else if !empty.is_empty() {
        Cause::UrlsEmpty(empty)
    } else {
        Cause::UrlsEqual
    }
}

fn judge_api_token(_: &Run<'_>, reply: Option<&Reply<'_>>) -> Cause {
    let Some(reply) = reply else { return Cause::NotChecked };
    if reply.fields.is_none() {
        return Cause::NotJson(reply.status);
    }
    match reply.status {
        200 => Cause::TokenAccepted,
        401 => Cause::TokenRefused(reply.error.code.clone()),
        403 => Cause::TokenRestricted(reply.error.note()),
        status => Cause::OtherStatus(status, reply.error.note()),
    }
}

fn judge_registration_role(run: &Run<'_>, reply: Option<&Reply<'_>>) -> Cause {
    let Some(reply) = reply else { return Cause::NotChecked };
    // The role is only judged when Okta accepted the token itself.
    if !run.answered_ok(CheckKind::ApiToken) {
        return Cause::TokenNotAccepted;
    }
    if reply.fields.is_none() {
        return Cause::NotJson(reply.status);
    }
    match reply.status {
        200 => Cause::RoleAllowed,
        403 => Cause::RoleMissing(reply.error.note()),
        status => Cause::OtherStatus(status, reply.error.note()),
    }
}

fn judge_introspection(run: &Run<'_>, reply: Option<&Reply<'_>>) -> Cause {
    let Some(reply) = reply else { return Cause::NotChecked };
    let Some(fields) = &reply.fields else { return Cause::NotJson(reply.status) };
    if reply.error.feature_not_enabled {
        return Cause::FeatureNotEnabled(run.org_host.to_string());
    }
    match (reply.status, reply.error.oauth_error.as_deref()) {
        (200, _) if fields.active == Found::Flag(false) => Cause::ClientAccepted,
        (200, _) => Cause::NotAnIntrospection,
        (401, _) | (400, Some("invalid_client")) => Cause::ClientRefused(reply.error.note()),
        (404, _) => Cause::NoIntrospectionHere,
        (status, _) => Cause::OtherStatus(status, reply.error.note()),
    }
}

/// One line for the whole result: how many passed, and what to do next.
pub fn summary(org: &str, lines: &[CheckLine]) -> String {
    let count = |verdict| lines.iter().filter(|line| line.verdict == verdict).count() as u64;
    let summary = match (count(Verdict::Failed), count(Verdict::Warning)) {
        (0, 0) => Finding::new("checkSummaryPassed").with(org),
        (0, warned) => Finding::new("checkSummaryNotProven").with(org).with(Arg::Count(warned)),
        (failed, _) => Finding::new("checkSummaryFailed").with(org).with(Arg::Count(failed)),
    };
    say(&summary)
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
    use std::collections::BTreeMap;

    use super::*;
    use crate::core::words::{use_words, Words};
    use CheckKind::*;

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

    type Answers = BTreeMap<CheckKind, Outcome>;

    /// Both rounds, each call answered by its check's answer in `answers`, else by its good answer.
    fn run(values: &FormValues, header: &str, secret: &str, answers: &Answers) -> (CheckPlan, Vec<CheckLine>) {
        let mut plan = plan_checks(&Filled { values, header, secret }, &[]).ok().expect("plans");
        let good = good();
        let answer = |call: &OktaCall| (call.check, answers.get(&call.check).unwrap_or_else(|| &good[&call.check]).clone());
        let mut outcomes: Vec<(CheckKind, Outcome)> = plan.calls.iter().map(answer).collect();
        let added = plan_second_round(&mut plan, &outcomes, &[], "nonce");
        outcomes.extend(plan.calls[plan.calls.len() - added..].iter().map(answer));
        let lines = judge(&plan, &outcomes, values, &[]);
        (plan, lines)
    }

    fn verdicts(answers: &Answers) -> BTreeMap<CheckKind, Verdict> {
        run(&values(), &header(), SECRET.trim(), answers).1.iter().map(|line| (line.check, line.verdict)).collect()
    }

    fn line(lines: &[CheckLine], kind: CheckKind) -> &CheckLine {
        lines.iter().find(|line| line.check == kind).expect("every check has its line")
    }

    fn good() -> Answers {
        Answers::from([
            (OpenidConfiguration, answered(200, OPENID)),
            (AuthorizationServerMetadata, answered(200, OAUTH)),
            (ApiToken, answered(200, "{\"id\":\"00u1\"}")),
            (RegistrationRole, answered(200, "[]")),
            (Introspection, answered(200, "{\"active\":false}")),
        ])
    }

    fn discovery_only() -> Answers {
        good().into_iter().filter(|(kind, _)| matches!(check(*kind).asks, Asks::Discovery(_))).collect()
    }

    fn with(mut answers: Answers, changes: &[(CheckKind, Outcome)]) -> Answers {
        answers.extend(changes.iter().cloned());
        answers
    }

    fn check(kind: CheckKind) -> &'static Check {
        CHECKS.iter().find(|check| check.kind == kind).unwrap()
    }

    #[test]
    fn every_check_is_one_row_and_every_row_one_check() {
        let mut kinds: Vec<CheckKind> = CHECKS.iter().map(|check| check.kind).collect();
        kinds.sort();
        kinds.dedup();
        assert_eq!(kinds.len(), CHECKS.len(), "each kind once");
        for check in CHECKS.iter().filter(|check| check.asks != Asks::Nothing) {
            assert!(good().contains_key(&check.kind), "{:?}: give good() the answer that passes it", check.kind);
        }
        // A secret goes only with the round after discovery.
        for check in CHECKS {
            assert_eq!(matches!(check.asks, Asks::Discovery(_) | Asks::Nothing), check.asks.carries().is_none(), "{:?}", check.kind);
        }
    }

    #[test]
    fn plans_only_requests_to_the_issuers_org_and_never_a_change() {
        let (plan, _) = run(&values(), &header(), SECRET.trim(), &good());
        let urls: Vec<(CheckKind, Method, &str)> = plan.calls.iter().map(|call| (call.check, call.request.method, call.request.url.as_str())).collect();
        assert_eq!(
            urls,
            [
                (OpenidConfiguration, Method::Get, "https://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration"),
                (AuthorizationServerMetadata, Method::Get, "https://dev-12345678.okta.com/oauth2/default/.well-known/oauth-authorization-server"),
                (ApiToken, Method::Get, "https://dev-12345678.okta.com/api/v1/users/me"),
                (RegistrationRole, Method::Get, "https://dev-12345678.okta.com/oauth2/v1/clients?limit=1"),
                (Introspection, Method::Post, "https://dev-12345678.okta.com/oauth2/default/v1/introspect"),
            ]
        );
        let authorization = |kind| plan.calls.iter().find(|call| call.check == kind).unwrap().request.authorization.as_deref();
        assert_eq!(authorization(ApiToken), Some(header().as_str()));
        assert_eq!(authorization(Introspection), Some("Basic MG9hMXByYWN0aWNlaW50cm9zcGVjdDpBYjkta0xtTm9QcVJzVHVWd1h5WjAxMjM0NTY3ODlhYmNkZWZnaGlq"));
        assert!(authorization(OpenidConfiguration).is_none() && authorization(AuthorizationServerMetadata).is_none(), "discovery carries nothing");
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
        let failed = Answers::from([(OpenidConfiguration, answered(404, "{}")), (AuthorizationServerMetadata, answered(404, "{}"))]);
        let (plan, lines) = run(&values(), &header(), SECRET.trim(), &failed);
        assert_eq!(plan.calls.len(), 2);
        assert!(lines.iter().filter(|line| check(line.check).asks.carries().is_some()).all(|line| line.verdict == Verdict::Warning));
        // A typed introspection URL other than the document's gets no secret.
        let mut values = values();
        values.insert(AnypointField::TokenIntrospectionUrl, "https://dev-12345678.okta.com/api/flo/x/invoke".to_string());
        let (plan, lines) = run(&values, "", SECRET.trim(), &discovery_only());
        assert_eq!(plan.calls.len(), 2);
        assert_eq!(line(&lines, Introspection).verdict, Verdict::Failed);
        // An org issuer introspects where its document says.
        let mut org = values.clone();
        org.insert(AnypointField::Issuer, "https://acme.okta.com".to_string());
        org.remove(&AnypointField::TokenIntrospectionUrl);
        let document = include_str!("../../tests/fixtures/org.openid-configuration.json");
        let mut plan = plan_checks(&Filled { values: &org, header: "", secret: "s3cret" }, &[]).ok().unwrap();
        plan_second_round(&mut plan, &[(OpenidConfiguration, answered(200, document)), (AuthorizationServerMetadata, answered(200, document))], &[], "n");
        assert_eq!(plan.calls.last().unwrap().request.url, "https://acme.okta.com/oauth2/v1/introspect");
    }

    #[test]
    fn every_verdict_from_okta_answers() {
        use Verdict::*;
        assert!(verdicts(&good()).values().all(|verdict| *verdict == Passed), "{:?}", verdicts(&good()));
        let invalid = answered(401, r#"{"errorCode":"E0000011","errorSummary":"Invalid token provided"}"#);
        let v = verdicts(&with(good(), &[(ApiToken, invalid.clone()), (RegistrationRole, invalid)]));
        assert_eq!(v[&ApiToken], Failed);
        assert_eq!(v[&RegistrationRole], Warning, "not proven, not failed twice");
        let v = verdicts(&with(good(), &[(RegistrationRole, answered(403, r#"{"errorCode":"E0000006","errorSummary":"You do not have permission"}"#))]));
        assert_eq!((v[&ApiToken], v[&RegistrationRole]), (Passed, Failed));
        let v = verdicts(&with(good(), &[(Introspection, answered(401, r#"{"error":"invalid_client","error_description":"Client authentication failed."}"#))]));
        assert_eq!(v[&Introspection], Failed);
        let feature = answered(400, r#"{"errorCode":"E0000015","errorSummary":"The requested feature is not enabled in this environment."}"#);
        let (_, lines) = run(&values(), &header(), SECRET.trim(), &Answers::from([(OpenidConfiguration, feature.clone()), (AuthorizationServerMetadata, feature)]));
        let text = &line(&lines, OpenidConfiguration).text;
        assert!(text.contains("Use the org authorization server: Issuer https://dev-12345678.okta.com"), "{text}");
        assert_eq!(line(&lines, FormUrls).verdict, Warning, "form URLs not compared");
        let v = verdicts(&Answers::from([(OpenidConfiguration, Outcome::TimedOut), (AuthorizationServerMetadata, Outcome::Unreachable)]));
        assert_eq!((v[&OpenidConfiguration], v[&AuthorizationServerMetadata]), (Failed, Failed));
        assert!(CHECKS.iter().filter(|check| !matches!(check.asks, Asks::Discovery(_))).all(|check| v[&check.kind] == Warning), "{v:?}");
        let v = verdicts(&with(good(), &[(ApiToken, answered(200, "<html>")), (RegistrationRole, answered(429, "{}")), (Introspection, answered(503, ""))]));
        assert_eq!((v[&ApiToken], v[&RegistrationRole], v[&Introspection]), (Failed, Warning, Warning));
        // A document of another issuer is what Anypoint refuses.
        let other = OPENID.replace(ISSUER, "https://dev-12345678.okta.com/oauth2/aus9");
        assert_eq!(verdicts(&with(good(), &[(OpenidConfiguration, answered(200, &other))]))[&OpenidConfiguration], Failed);
        // A deeply nested answer is no answer, not a crash.
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(verdicts(&with(good(), &[(ApiToken, answered(200, &deep))]))[&ApiToken], Failed);
    }

    #[test]
    fn a_proof_proves_a_step_when_all_its_checks_passed() {
        let proof = |passed: Vec<CheckKind>| CheckProof { issuer: ISSUER.into(), at: 0, passed };
        assert!(proof(vec![ApiToken, RegistrationRole]).proves(ProcedureStep::ApiToken));
        assert!(!proof(vec![ApiToken]).proves(ProcedureStep::ApiToken), "the role too");
        assert!(proof(vec![Introspection]).proves(ProcedureStep::IntrospectionClient));
        assert!(!proof(vec![OpenidConfiguration]).proves(ProcedureStep::Metadata), "both documents");
    }

    #[test]
    fn no_line_repeats_the_token_or_secret_even_when_okta_echoes_it() {
        let echo = format!(r#"{{"issuer":"https://dev-12345678.okta.com/{}","errorCode":"{}","error":"{}"}}"#, TOKEN.trim(), TOKEN.trim(), SECRET.trim());
        // In the second round's answers (discovery passed, so the token and secret were sent)...
        let echoed_back = with(good(), &[(ApiToken, answered(401, &echo)), (RegistrationRole, answered(403, &echo)), (Introspection, answered(401, &echo))]);
        let (plan, lines) = run(&values(), &header(), SECRET.trim(), &echoed_back);
        assert_eq!(plan.calls.len(), 5, "the second round was sent");
        // ...and in a discovery document whose issuer quotes the token.
        let (_, echoed) = run(&values(), &header(), SECRET.trim(), &Answers::from([(OpenidConfiguration, answered(200, &echo)), (AuthorizationServerMetadata, answered(200, &echo))]));
        for line in lines.iter().chain(&echoed) {
            assert!(!line.text.contains(TOKEN.trim()) && !line.text.contains(SECRET.trim()), "{}", line.text);
        }
        assert!(line(&echoed, OpenidConfiguration).text.contains("…"), "the quoted token is redacted: {}", echoed[0].text);
    }

    #[test]
    fn form_urls_must_equal_the_documents() {
        let mut values = values();
        values.insert(AnypointField::TokenUrl, format!("{ISSUER}/v1/authorize"));
        let (_, lines) = run(&values, "", "", &discovery_only());
        let form = line(&lines, FormUrls);
        assert_eq!(form.verdict, Verdict::Failed);
        assert!(form.text.contains("Token URL"), "{}", form.text);
        assert!(lines.iter().filter(|line| check(line.check).asks.carries().is_some()).all(|line| line.verdict == Verdict::Warning), "nothing secret checked");
    }

    #[test]
    fn private_key_jwt_compares_only_what_the_org_document_names() {
        // The org's Issuer (KB 005315457) beside the kept custom server's Token URL: no "differ" for that.
        let org = include_str!("../../tests/fixtures/org.openid-configuration.json");
        let mut values = FormValues::from([
            (AnypointField::Issuer, "https://acme.okta.com".to_string()),
            (AnypointField::ClientRegistrationUrl, "https://acme.okta.com/oauth2/v1/clients".to_string()),
            (AnypointField::TokenUrl, "https://acme.okta.com/oauth2/default/v1/token".to_string()),
            (AnypointField::AuthenticationByPrivateKeyJwt, "true".to_string()),
        ]);
        let answers = Answers::from([(OpenidConfiguration, answered(200, org)), (AuthorizationServerMetadata, answered(404, "{}"))]);
        let (_, lines) = run(&values, "", "", &answers);
        let form = line(&lines, FormUrls);
        assert_eq!(form.verdict, Verdict::Passed, "{}", form.text);
        assert!(form.text.contains("as private key JWT needs"), "{}", form.text);
        values.insert(AnypointField::TokenUrl, "https://collector.example.com/oauth2/default/v1/token".to_string());
        let form = line(&run(&values, "", "", &answers).1, FormUrls).clone();
        assert_eq!(form.verdict, Verdict::Failed, "another host is never the org's: {}", form.text);
        assert!(form.text.contains("Token URL"), "{}", form.text);
        values.insert(AnypointField::TokenUrl, "https://acme.okta.com/oauth2/default/v1/token".to_string());
        values.insert(AnypointField::ClientRegistrationUrl, "https://other.okta.com/oauth2/v1/clients".to_string());
        assert_eq!(line(&run(&values, "", "", &answers).1, FormUrls).verdict, Verdict::Failed, "the registration URL still counts");
        values.insert(AnypointField::ClientRegistrationUrl, String::new());
        assert_eq!(line(&run(&values, "", "", &answers).1, FormUrls).verdict, Verdict::Warning, "an empty one is not passed");
        values.insert(AnypointField::ClientRegistrationUrl, "https://acme.okta.com/oauth2/v1/clients".to_string());
        // Control: the same form in header mode is compared field by field, and the Token URL differs.
        values.insert(AnypointField::AuthenticationByPrivateKeyJwt, "false".to_string());
        let form = line(&run(&values, "", "", &answers).1, FormUrls).clone();
        assert_eq!(form.verdict, Verdict::Failed);
        assert!(form.text.contains("Token URL"), "{}", form.text);
    }

    #[test]
    fn the_header_decides_what_is_sent() {
        let (plan, lines) = run(&values(), TOKEN.trim(), "", &discovery_only());
        assert!(plan.calls.iter().all(|call| call.request.authorization.is_none()), "a raw token is not sent");
        assert_eq!(line(&lines, ApiToken).verdict, Verdict::Failed);
        assert_eq!(line(&lines, RegistrationRole).verdict, Verdict::Warning, "one failure for one mistake");
        let (plan, lines) = run(&values(), "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", "", &discovery_only());
        assert_eq!(plan.calls.len(), 2);
        assert_eq!(line(&lines, ApiToken).verdict, Verdict::Warning, "Anypoint accepts Bearer: not a failure");
    }

    /// One of each cause, with sample arguments. The match below has no default, so a new cause does not
    /// compile until it is added here too.
    fn every_cause() -> Vec<Cause> {
        use Cause::*;
        let code = || Some("E0000011".to_string());
        let all = vec![
            TimedOut, Unreachable, Redirected, TooLarge, RateLimited(code()), OktaError(503, None), NotJson(200), OtherStatus(418, code()),
            FeatureNotEnabled("dev-1.okta.com".into()), NotChecked, NotSentDiscoveryFailed, DocumentAccepted, NoSuchDocument,
            AnypointWouldRefuse("a problem".into()), UrlsEqual, UrlsDiffer(vec!["Issuer", "Token URL"]), UrlsEmpty(vec!["Authorize URL"]),
            UrlsNotCompared, UrlsJwt, TokenAccepted, TokenRefused(code()), TokenRestricted(None), PrivateKeyJwt, HeaderEmpty, BearerToken,
            HeaderNotSsws, RoleAllowed, RoleMissing(code()), TokenNotAccepted, NoTokenToAskWith, ClientAccepted, NotAnIntrospection,
            ClientRefused(Some("invalid_client".into())), NoIntrospectionHere, ClientNotFilled, IntrospectionUrlDiffers,
            NoIntrospectionEndpoint,
        ];
        for cause in &all {
            match cause {
                TimedOut | Unreachable | Redirected | TooLarge | RateLimited(_) | OktaError(..) | NotJson(_) | OtherStatus(..)
                | FeatureNotEnabled(_) | NotChecked | NotSentDiscoveryFailed | DocumentAccepted | NoSuchDocument
                | AnypointWouldRefuse(_) | UrlsEqual | UrlsDiffer(_) | UrlsEmpty(_) | UrlsNotCompared | UrlsJwt | TokenAccepted
                | TokenRefused(_) | TokenRestricted(_) | PrivateKeyJwt | HeaderEmpty | BearerToken | HeaderNotSsws | RoleAllowed
                | RoleMissing(_) | TokenNotAccepted | NoTokenToAskWith | ClientAccepted | NotAnIntrospection | ClientRefused(_)
                | NoIntrospectionHere | ClientNotFilled | IntrospectionUrlDiffers | NoIntrospectionEndpoint => {}
            }
        }
        all
    }

    #[test]
    fn every_cause_and_title_is_worded_in_every_language() {
        let japanese = include_str!("../../extension/_locales/ja/messages.json");
        let own: crate::core::words::Catalogue = serde_json::from_str(japanese).unwrap();
        crate::core::words::assert_worded_everywhere(&every_cause().iter().map(Cause::finding).collect::<Vec<_>>());
        for (lang, words) in [("en", Words::english()), ("ja", Words::of_language(japanese))] {
            use_words(words);
            let mut lines = Vec::new();
            for cause in every_cause() {
                for check in CHECKS {
                    let line = CheckLine::new(check, &cause);
                    assert!(!line.text.contains('$'), "{lang}: a placeholder left: {}", line.text);
                    let left = own.keys().find(|key| line.text.contains(key.as_str()));
                    assert!(left.is_none(), "{lang}: the key {left:?} left as it is: {}", line.text);
                    lines.push(line.text);
                }
            }
            assert!(lines.iter().all(|text| !text.is_empty()));
        }
        for key in CHECKS.iter().map(|check| check.title).chain(["checkLine", "verdictPassed", "verdictWarning", "verdictFailed", "checkSummaryPassed", "checkSummaryNotProven", "checkSummaryFailed"]) {
            assert!(own.contains_key(key), "ja lacks {key}");
        }
        use_words(Words::of_language(japanese));
        let line = CheckLine::new(&CHECKS[3], &Cause::TokenRefused(Some("E0000011".into())));
        assert_eq!(line.text.split(' ').next(), Some("失敗"), "{}", line.text);
        assert!(line.text.contains("（E0000011）") && line.text.contains("セキュリティ > API > トークン"), "{}", line.text);
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
