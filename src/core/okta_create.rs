//! "Create the introspection client in Okta": the one thing the extension writes into Okta, on the admin's
//! confirmed click, into the org of the kept values only. The admin's procedure otherwise makes them leave
//! Anypoint for Okta's Applications page, create an app, copy its Client ID, reveal and copy its secret, and come
//! back (`../shared/seed/`). The form already holds what Okta needs to do it: the kept Issuer and the API token
//! of the Authorization Header, which Okta accepts for registering clients (Anypoint registers its own the same
//! way, at the same endpoint).
//!
//! Two clicks. The first looks for a client of the name (Okta's `q` search is a prefix match: the name is
//! filtered exactly here) and says exactly what the second will do, with the org's full host; where one exists,
//! the choice and its cost (a new secret breaks whatever uses the old one, or a new client under a name that does
//! not collide). The second registers the client (`POST` to the kept document's registration endpoint, RFC 7591)
//! or asks Okta for a new secret. Every request goes to the Issuer's own host and nowhere else, under the trust
//! rules of Check with Okta. Nothing is retried by itself: after a timeout the admin clicks again, and the first
//! click looks the name up again before anything is created once more.
//!
//! The secret Okta answers with goes back to the content script that writes it into the Client Secret control,
//! and nowhere else: not stored, not in a message, not in a log.

use serde::{Deserialize, Serialize};

use super::ui_text::Link;
use super::draft::AnypointDraft;
use super::fetch_policy::{may_fetch, Body, Method, Outgoing};
use super::fields::{is_ticked, AnypointField, FormValues};
use super::hosts::{okta_org_of, OktaOrgHost};
use super::json_document::{parse_json, DocumentFields, TopLevel};
use super::metadata::{nesting_depth, MAX_NESTING};
use super::okta_check::{answered, Cause};
use super::policy::{Policy, Switch};
use super::web_url::WebUrl;
use super::words::{say, text, Finding};

/// The application's name in Okta (its admin sees it under Applications).
pub const CLIENT_NAME: &str = "Anypoint token introspection";

/// The path of an org's registration endpoint: always org-level (docs/facts.md, "Registration endpoint").
const REGISTRATION_PATH: &str = "/oauth2/v1/clients";

/// What the admin chose to do after the lookup (the core offered it; the page hands it back on the second click).
/// Each names the org host the admin was shown: the confirming click acts there or nowhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
#[allow(missing_docs)] // each variant's field is said with the variant
pub enum CreateAction {
    /// Register a new client of this name in the org at `host`.
    Create { name: String, host: String },
    /// Give the existing client `client_id` of the org at `host` a new secret (the old one stops working).
    NewSecret { client_id: String, host: String },
}

impl CreateAction {
    /// The org host the admin was shown when it was offered.
    fn host(&self) -> &str {
        match self {
            Self::Create { host, .. } | Self::NewSecret { host, .. } => host,
        }
    }

    /// The application's name, as the checklist and the bar say it.
    pub fn name(&self) -> &str {
        match self {
            Self::Create { name, .. } => name,
            Self::NewSecret { .. } => CLIENT_NAME,
        }
    }
}

/// The requests of the confirming click: for a new secret, first the client itself, read back to make sure it is
/// still the application of that name (the id came back from the page); then the one write.
pub struct Writes {
    /// The client read before a new secret is asked for it.
    pub verify: Option<Outgoing>,
    /// The one write.
    pub write: Outgoing,
}

/// One choice offered after the lookup: what it does, its button, and what it costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CreateChoice {
    /// Handed back on the confirming click.
    pub action: CreateAction,
    /// The confirming button's words.
    pub label: String,
}

/// Everything the plan needs, checked. Not `Debug`: it holds the API token.
pub struct CreatePlan {
    /// The org's name (`acme-eu`), or the custom domain.
    pub org: String,
    /// The org's full host (`acme-eu.okta-emea.com`), said with every offer.
    pub host: String,
    registration_url: String,
    header: String,
}

/// The plan for the form's values, kept draft and typed header, or why the button does nothing: switched off,
/// nothing kept, private key JWT, no `SSWS` header, an org the policy or the trust rules do not allow.
pub fn plan_create(kept: Option<&AnypointDraft>, values: &FormValues, header: &str, granted_hosts: &[String], policy: &Policy) -> Result<CreatePlan, String> {
    if !policy.allows(Switch::CreateInOkta) {
        return Err(policy.switched_off(Switch::CreateInOkta));
    }
    if is_ticked(values, AnypointField::AuthenticationByPrivateKeyJwt) {
        return Err(say(&Finding::new("createJwtByHand").with(Finding::new("oktaApplicationsPage"))));
    }
    let Some(draft) = kept else { return Err(say(&Finding::new("createNeedsKept").with(Finding::new("panelKeep")))) };
    let header = header.trim();
    let token = header.strip_prefix("SSWS ").map(str::trim).unwrap_or("");
    if token.is_empty() || token.contains(char::is_whitespace) {
        return Err(text("createNeedsSsws"));
    }
    if let Some(refusal) = policy.url_refusal(&draft.issuer) {
        return Err(refusal);
    }
    let issuer = may_fetch(&draft.issuer, granted_hosts).map_err(|_| text("createIssuerShape"))?;
    let host = issuer.host().to_string();
    let org_host = OktaOrgHost::of(&host).is_some_and(|org| !org.admin);
    if !(org_host || granted_hosts.contains(&host)) {
        return Err(text("createIssuerShape"));
    }
    // The kept document's registration endpoint, on the Issuer's own host, the org-level one and nothing else.
    let registration = draft.client_registration_url.as_deref().and_then(|url| WebUrl::parse(url).ok());
    let registration_url = match registration {
        Some(url) if url.origin() == issuer.origin() && url.path() == REGISTRATION_PATH && url.query().is_none() && url.fragment().is_none() => {
            format!("{}{REGISTRATION_PATH}", issuer.origin())
        }
        _ => return Err(text("createNoRegistrationEndpoint")),
    };
    Ok(CreatePlan { org: okta_org_of(&host).unwrap_or_else(|| host.clone()), host, registration_url, header: format!("SSWS {token}") })
}

impl CreatePlan {
    /// The API token alone.
    fn token(&self) -> &str {
        self.header.strip_prefix("SSWS ").unwrap_or(&self.header)
    }

    /// The first click's request: the clients whose name starts with [`CLIENT_NAME`] (Okta's `q`).
    pub fn lookup(&self) -> Outgoing {
        let name: String = CLIENT_NAME.split(' ').collect::<Vec<_>>().join("%20");
        Outgoing { authorization: Some(self.header.clone()), ..Outgoing::get(format!("{}?q={name}&limit={}", self.registration_url, super::json_document::MAX_LISTED)) }
    }

    /// The second click's requests for `action`: none when the action is not one the core could have offered,
    /// or was offered for another org than the one the kept values are of now.
    pub fn requests(&self, action: &CreateAction) -> Result<Writes, String> {
        if action.host() != self.host {
            return Err(say(&Finding::new("createOrgChanged").with(action.host()).with(self.host.as_str())));
        }
        let authorization = Some(self.header.clone());
        let post = |url: String, body: Option<Body>| Outgoing { method: Method::Post, url, authorization: authorization.clone(), body };
        match action {
            CreateAction::Create { name, .. } if offered_name(name) => {
                // A confidential client that authenticates with its secret (HTTP Basic) and can only get tokens
                // for itself: introspection needs an authenticated client and nothing more (docs/facts.md).
                let body = format!(
                    r#"{{"client_name":"{name}","application_type":"service","grant_types":["client_credentials"],"response_types":["token"],"token_endpoint_auth_method":"client_secret_basic"}}"#
                );
                Ok(Writes { verify: None, write: post(self.registration_url.clone(), Some(Body::json(body))) })
            }
            CreateAction::NewSecret { client_id, .. } if client_id_shape(client_id) => Ok(Writes {
                verify: Some(Outgoing { authorization: authorization.clone(), ..Outgoing::get(format!("{}/{client_id}", self.registration_url)) }),
                write: post(format!("{}/{client_id}/lifecycle/newSecret", self.registration_url), None),
            }),
            _ => Err(text("createNotOffered")),
        }
    }
}

/// [`CLIENT_NAME`], or it followed by a number (a name that does not collide).
fn offered_name(name: &str) -> bool {
    name == CLIENT_NAME || name.strip_prefix(CLIENT_NAME).and_then(|rest| rest.strip_prefix(' ')).is_some_and(|n| (1..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
}

/// An Okta client id as it can be put into a path: letters, digits, `-` and `_`.
fn client_id_shape(id: &str) -> bool {
    (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// An answer's JSON, unless it nests deeper than any answer of Okta's.
fn read(body: &str) -> Option<TopLevel> {
    if nesting_depth(body) > MAX_NESTING {
        return None;
    }
    parse_json(body.trim()).ok()
}

/// What to say when Okta refused a request of this flow, by status. `token`: never repeated, even where Okta's
/// own description would echo it.
fn refusal(status: u16, fields: Option<&DocumentFields>, token: &str) -> String {
    let code = fields.and_then(|f| f.error_code.text()).filter(|c| c.len() == 8 && c.starts_with('E') && c[1..].bytes().all(|b| b.is_ascii_digit()));
    let code: super::words::Arg = code.map(|c| Finding::new("codeNote").with(c)).map_or_else(|| "".into(), Into::into);
    match status {
        401 => say(&Finding::new("createTokenRefused").with(code).with(Finding::new("oktaTokensPage"))),
        403 => say(&Finding::new("createRoleMissing").with(code).with(Finding::new("oktaRegisterRoles")).with(Finding::new("oktaAdministratorsPage"))),
        400 => {
            // Okta's own explanation of what it refused (RFC 7591 §3.2.2), as plain text and bounded.
            let described = fields.and_then(|f| f.error_description.text().or(f.error_summary.text())).unwrap_or("");
            // Control and invisible formatting characters out first: one inside the token must not hide it from
            // the mask.
            let shown = |c: &char| !c.is_control() && !matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}');
            let described: String = described.chars().filter(shown).collect::<String>().replace(token, "…").chars().take(300).collect();
            say(&Finding::new("createRefused").with(described.as_str()))
        }
        _ => say(&Finding::new("createOtherStatus").with(status.to_string())),
    }
}

/// Why no usable answer came (no answer in time, rate limit, Okta's error...), in Check with Okta's words.
fn no_answer(cause: Cause) -> String {
    say(&cause.finding())
}

/// The first click's answer: what the confirming click will do, or why nothing can be done.
pub fn judge_lookup(plan: &CreatePlan, outcome: &super::fetch_policy::Outcome) -> Result<(String, Vec<CreateChoice>), String> {
    let (status, body) = answered(outcome).map_err(no_answer)?;
    let parsed = read(body);
    if status != 200 {
        let fields = match &parsed {
            Some(TopLevel::Object(fields)) => Some(fields),
            _ => None,
        };
        return Err(refusal(status, fields, plan.token()));
    }
    let Some(TopLevel::List(clients)) = parsed else { return Err(say(&Finding::new("createOtherStatus").with(status.to_string()))) };
    let named = |name: &str| clients.iter().filter(|c| c.client_name.text() == Some(name)).collect::<Vec<_>>();
    let existing = named(CLIENT_NAME);
    let create = |name: String| CreateChoice {
        label: say(&Finding::new("createConfirm").with(name.as_str())),
        action: CreateAction::Create { name, host: plan.host.clone() },
    };
    if existing.is_empty() {
        let message = say(&Finding::new("createWillCreate").with(CLIENT_NAME).with(plan.org.as_str()).with(plan.host.as_str()));
        return Ok((message, vec![create(CLIENT_NAME.to_string())]));
    }
    // The first free "Anypoint token introspection N".
    let free = (2..1000).map(|n| format!("{CLIENT_NAME} {n}")).find(|name| named(name).is_empty()).unwrap_or_else(|| format!("{CLIENT_NAME} 999"));
    let mut choices = Vec::new();
    // One of that exact name: a new secret is possible; more than one: which is meant cannot be told.
    if let [one] = existing.as_slice() {
        if let Some(id) = one.client_id.text().filter(|id| client_id_shape(id)) {
            choices.push(CreateChoice { label: text("createNewSecret"), action: CreateAction::NewSecret { client_id: id.to_string(), host: plan.host.clone() } });
        }
    }
    choices.push(create(free.clone()));
    let message = say(&Finding::new("createExists").with(plan.org.as_str()).with(plan.host.as_str()).with(CLIENT_NAME).with(free.as_str()));
    Ok((message, choices))
}

/// Before a new secret: the client read back by its id is the application of [`CLIENT_NAME`] (a page that swapped
/// the id for another application's gets nothing rotated).
pub fn judge_verified(plan: &CreatePlan, action: &CreateAction, outcome: &super::fetch_policy::Outcome) -> Result<(), String> {
    let (status, body) = answered(outcome).map_err(no_answer)?;
    let fields = match read(body) {
        Some(TopLevel::Object(fields)) => Some(fields),
        _ => None,
    };
    if status == 404 {
        return Err(text("createClientGone"));
    }
    if status != 200 {
        return Err(refusal(status, fields.as_ref(), plan.token()));
    }
    let CreateAction::NewSecret { client_id, .. } = action else { return Ok(()) };
    let fields = fields.unwrap_or_default();
    match fields.client_id.text() == Some(client_id.as_str()) && fields.client_name.text() == Some(CLIENT_NAME) {
        true => Ok(()),
        false => Err(say(&Finding::new("createNotThatClient").with(CLIENT_NAME))),
    }
}

/// What the extension made in Okta, remembered for the checklist (never the secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreatedClient {
    /// The org's host.
    pub host: String,
    /// The application's name.
    pub name: String,
    /// When (milliseconds since 1970).
    pub at: u64,
}

/// What the confirming click made: the client's id and secret (the secret for the Client Secret control only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Made {
    /// The client's id.
    pub client_id: String,
    /// Its secret: written into the Client Secret control, and nowhere else.
    pub client_secret: String,
    /// What was done, where to find it in Okta, and how to remove it.
    pub message: String,
    /// The application's page in the org's admin console (Okta hosts only).
    pub link: Option<Link>,
}

/// The second click's answer.
pub fn judge_action(plan: &CreatePlan, action: &CreateAction, outcome: &super::fetch_policy::Outcome) -> Result<Made, String> {
    let (status, body) = answered(outcome).map_err(no_answer)?;
    let fields = match read(body) {
        Some(TopLevel::Object(fields)) => Some(fields),
        _ => None,
    };
    if !(200..=201).contains(&status) {
        return Err(refusal(status, fields.as_ref(), plan.token()));
    }
    let fields = fields.unwrap_or_default();
    let (Some(client_id), Some(client_secret)) = (fields.client_id.text(), fields.client_secret.text()) else {
        return Err(say(&Finding::new("createOtherStatus").with(status.to_string())));
    };
    // A new secret is the asked client's; a new client bears the asked name (when Okta repeats it, as it does).
    let asked_for = match action {
        CreateAction::NewSecret { client_id: asked, .. } => client_id == asked,
        CreateAction::Create { name, .. } => fields.client_name.text().is_none_or(|answered| answered == name),
    };
    if !asked_for || !client_id_shape(client_id) || client_secret.is_empty() || client_secret.len() > 200 {
        return Err(say(&Finding::new("createOtherStatus").with(status.to_string())));
    }
    let name = action.name();
    let done = match action {
        CreateAction::Create { .. } => "createMade",
        CreateAction::NewSecret { .. } => "createNewSecretMade",
    };
    let link = OktaOrgHost::of(&plan.host).map(|org| Link {
        label: text("createOpenInOkta"),
        url: format!("{}/admin/app/oidc_client/instance/{client_id}/#tab-general", org.admin_console()),
    });
    Ok(Made {
        client_id: client_id.to_string(),
        client_secret: client_secret.to_string(),
        message: say(&Finding::new(done).with(name).with(plan.host.as_str()).with(Finding::new("oktaApplicationsPage"))),
        link,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fetch_policy::Outcome;
    use crate::core::policy::Settings;

    const TOKEN: &str = "SSWS 00abcdefghijklmnopqrstuvwxyz0123456789ABCD";

    fn kept(issuer: &str, registration: Option<&str>) -> AnypointDraft {
        let text = include_str!("../../tests/fixtures/custom-default.openid-configuration.json");
        let url = "https://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration";
        let mut draft = AnypointDraft::from_metadata(&crate::core::metadata::inspect_metadata(text, url).metadata.unwrap(), 0);
        draft.issuer = issuer.to_string();
        draft.client_registration_url = registration.map(str::to_string);
        draft
    }

    fn plan_for(draft: &AnypointDraft) -> Result<CreatePlan, String> {
        plan_create(Some(draft), &FormValues::new(), TOKEN, &[], &Policy::NONE)
    }

    fn refused(planned: Result<CreatePlan, String>) -> String {
        match planned {
            Ok(_) => panic!("planned"),
            Err(message) => message,
        }
    }

    fn answer(status: u16, body: &str) -> Outcome {
        Outcome::Answered { status, body: body.to_string() }
    }

    #[test]
    fn the_plan_never_targets_another_host_than_the_kept_issuers() {
        let good = kept("https://dev-12345678.okta.com/oauth2/default", Some("https://dev-12345678.okta.com/oauth2/v1/clients"));
        let plan = plan_for(&good).unwrap();
        assert_eq!((plan.org.as_str(), plan.host.as_str()), ("dev-12345678", "dev-12345678.okta.com"));
        assert_eq!(plan.lookup().url, "https://dev-12345678.okta.com/oauth2/v1/clients?q=Anypoint%20token%20introspection&limit=200");
        assert_eq!(plan.lookup().authorization.as_deref(), Some(TOKEN));
        let create = plan.requests(&CreateAction::Create { name: CLIENT_NAME.into(), host: "dev-12345678.okta.com".into() }).unwrap();
        assert!(create.verify.is_none());
        let create = create.write;
        assert_eq!((create.method, create.url.as_str()), (Method::Post, "https://dev-12345678.okta.com/oauth2/v1/clients"));
        assert!(create.body.unwrap().text.contains(r#""token_endpoint_auth_method":"client_secret_basic""#));
        // A registration endpoint elsewhere, deeper, or with a query: nothing is planned.
        for registration in [
            Some("https://evil.okta.com/oauth2/v1/clients"),
            Some("https://collector.example.com/oauth2/v1/clients"),
            Some("https://dev-12345678.okta.com/oauth2/v1/clients/0oaX"),
            Some("https://dev-12345678.okta.com/oauth2/v1/clients?x=1"),
            Some("http://dev-12345678.okta.com/oauth2/v1/clients"),
            None,
        ] {
            assert!(plan_create(Some(&kept("https://dev-12345678.okta.com/oauth2/default", registration)), &FormValues::new(), TOKEN, &[], &Policy::NONE).is_err(), "{registration:?}");
        }
        // An Issuer that is no org's own host (an admin console, a deeper subdomain, a custom domain not granted).
        for issuer in ["https://dev-12345678-admin.okta.com", "https://x.dev-12345678.okta.com", "https://login.acme.com"] {
            let host = WebUrl::parse(issuer).unwrap().host().to_string();
            assert!(plan_for(&kept(issuer, Some(&format!("https://{host}/oauth2/v1/clients")))).is_err(), "{issuer}");
        }
        let custom = kept("https://login.acme.com/oauth2/default", Some("https://login.acme.com/oauth2/v1/clients"));
        assert!(plan_create(Some(&custom), &FormValues::new(), TOKEN, &["login.acme.com".into()], &Policy::NONE).is_ok(), "a granted custom domain");
        // Actions the core could not have offered: another name, a client id that leaves the path.
        assert!(plan.requests(&CreateAction::Create { name: "Evil".into(), host: "dev-12345678.okta.com".into() }).is_err());
        assert!(plan.requests(&CreateAction::Create { name: format!("{CLIENT_NAME} 2"), host: "dev-12345678.okta.com".into() }).is_ok());
        assert!(plan.requests(&CreateAction::NewSecret { client_id: "../../api/v1/users".into(), host: "dev-12345678.okta.com".into() }).is_err());
        let rotate = plan.requests(&CreateAction::NewSecret { client_id: "0oa1b2c3".into(), host: "dev-12345678.okta.com".into() }).unwrap();
        assert_eq!(rotate.verify.unwrap().url, "https://dev-12345678.okta.com/oauth2/v1/clients/0oa1b2c3");
        assert_eq!(rotate.write.url, "https://dev-12345678.okta.com/oauth2/v1/clients/0oa1b2c3/lifecycle/newSecret");
        // Confirmed for another org than the kept values are of now (they changed between the clicks): nothing.
        let elsewhere = plan.requests(&CreateAction::Create { name: CLIENT_NAME.into(), host: "acme.okta.com".into() }).err().unwrap();
        assert!(elsewhere.contains("acme.okta.com") && elsewhere.contains("dev-12345678.okta.com"), "{elsewhere}");
    }

    #[test]
    fn nothing_is_planned_without_kept_values_an_ssws_header_or_the_policys_leave() {
        let good = kept("https://dev-12345678.okta.com/oauth2/default", Some("https://dev-12345678.okta.com/oauth2/v1/clients"));
        assert!(refused(plan_create(None, &FormValues::new(), TOKEN, &[], &Policy::NONE)).contains("Keep the values from Okta first"));
        for header in ["", "Bearer x", "SSWS ", "00abc", "SSWS a b"] {
            assert!(plan_create(Some(&good), &FormValues::new(), header, &[], &Policy::NONE).is_err(), "{header}");
        }
        let jwt = FormValues::from([(AnypointField::AuthenticationByPrivateKeyJwt, "true".to_string())]);
        assert!(refused(plan_create(Some(&good), &jwt, TOKEN, &[], &Policy::NONE)).contains("API Services"));
        let off = Policy::of(&Settings { switches: [None, None, None, Some(false)], ..Default::default() }, &Settings::default());
        assert!(refused(plan_create(Some(&good), &FormValues::new(), TOKEN, &[], &off)).contains("switched off"));
        let pinned = Policy::of(&Settings { okta_orgs: Some(vec!["acme.okta.com".into()]), ..Default::default() }, &Settings::default());
        assert!(refused(plan_create(Some(&good), &FormValues::new(), TOKEN, &[], &pinned)).contains("oktaOrgs"));
    }

    #[test]
    fn the_name_is_looked_up_exactly_and_each_answer_is_explained() {
        let plan = plan_for(&kept("https://dev-12345678.okta.com/oauth2/default", Some("https://dev-12345678.okta.com/oauth2/v1/clients"))).unwrap();
        // Okta's q is a prefix match: "… old" is not the name.
        let (message, choices) = judge_lookup(&plan, &answer(200, r#"[{"client_id":"0oaOld","client_name":"Anypoint token introspection old"}]"#)).unwrap();
        assert!(message.contains("Creates the application \"Anypoint token introspection\" in Okta org dev-12345678 (dev-12345678.okta.com)"), "{message}");
        assert_eq!(choices.iter().map(|c| &c.action).collect::<Vec<_>>(), [&CreateAction::Create { name: CLIENT_NAME.into(), host: "dev-12345678.okta.com".into() }]);
        let (message, choices) = judge_lookup(
            &plan,
            &answer(200, r#"[{"client_id":"0oaOne","client_name":"Anypoint token introspection"},{"client_id":"0oaTwo","client_name":"Anypoint token introspection 2"}]"#),
        )
        .unwrap();
        assert!(message.starts_with("Okta org dev-12345678 (dev-12345678.okta.com) already has an application named \"Anypoint token introspection\"."), "{message}");
        assert!(message.contains("\"Anypoint token introspection 3\""), "{message}");
        assert_eq!(choices[0].action, CreateAction::NewSecret { client_id: "0oaOne".into(), host: "dev-12345678.okta.com".into() });
        assert!(choices[0].label.contains("old secret stops working"));
        assert_eq!(choices[1].action, CreateAction::Create { name: format!("{CLIENT_NAME} 3"), host: "dev-12345678.okta.com".into() });
        // Errors, as Check with Okta words them; 400 with Okta's own description.
        assert!(judge_lookup(&plan, &answer(401, r#"{"errorCode":"E0000011"}"#)).unwrap_err().contains("did not accept the API token (E0000011)"));
        assert!(judge_lookup(&plan, &answer(403, r#"{"errorCode":"E0000006"}"#)).unwrap_err().contains("may not register applications"));
        assert!(judge_lookup(&plan, &answer(429, "{}")).is_err());
        assert!(judge_lookup(&plan, &Outcome::TimedOut).is_err());
        let create = CreateAction::Create { name: CLIENT_NAME.into(), host: "dev-12345678.okta.com".into() };
        let refused = judge_action(&plan, &create, &answer(400, r#"{"error":"invalid_client_metadata","error_description":"'grant_types' must contain\u0007 x"}"#)).unwrap_err();
        assert_eq!(refused, "Okta refused the request: 'grant_types' must contain x");
        // Made: the id and the secret, a link to the app, how to remove it; the message never holds the secret.
        let made = judge_action(&plan, &create, &answer(201, r#"{"client_id":"0oaNew","client_secret":"s3cr3t-value-from-okta","client_name":"Anypoint token introspection"}"#)).unwrap();
        assert_eq!((made.client_id.as_str(), made.client_secret.as_str()), ("0oaNew", "s3cr3t-value-from-okta"));
        assert!(!made.message.contains("s3cr3t") && made.message.contains("deactivate it, then delete it"), "{}", made.message);
        assert_eq!(made.link.unwrap().url, "https://dev-12345678-admin.okta.com/admin/app/oidc_client/instance/0oaNew/#tab-general");
        assert!(judge_action(&plan, &create, &answer(201, r#"{"client_id":"0oaNew"}"#)).is_err(), "no secret: nothing to fill");
        crate::core::words::assert_worded_everywhere(&[
            Finding::new("createNeedsKept").with(Finding::new("panelKeep")),
            Finding::new("createJwtByHand").with(Finding::new("oktaApplicationsPage")),
            Finding::new("createOtherStatus").with("500"),
            Finding::new("createMade").with("n").with("h").with(Finding::new("oktaApplicationsPage")),
            Finding::new("createNewSecretMade").with("n").with("h").with(Finding::new("oktaApplicationsPage")),
            Finding::new("createExists").with("n").with("o").with("h").with("f"),
            Finding::new("createWillCreate").with("n").with("o").with("h"),
            Finding::new("createConfirm").with("n"),
            Finding::new("createRefused").with("d"),
            Finding::new("stepCreatedByExtension").with("n").with("h").with("x"),
        ]);
    }

    #[test]
    fn a_new_secret_goes_only_to_the_offered_client_and_the_token_is_masked() {
        let plan = plan_for(&kept("https://dev-12345678.okta.com/oauth2/default", Some("https://dev-12345678.okta.com/oauth2/v1/clients"))).unwrap();
        let rotate = CreateAction::NewSecret { client_id: "0oaOne".into(), host: "dev-12345678.okta.com".into() };
        // Read back: the client of that name, or nothing is rotated.
        assert!(judge_verified(&plan, &rotate, &answer(200, r#"{"client_id":"0oaOne","client_name":"Anypoint token introspection"}"#)).is_ok());
        for other in [r#"{"client_id":"0oaOne","client_name":"Payroll"}"#, r#"{"client_id":"0oaTwo","client_name":"Anypoint token introspection"}"#, "[]"] {
            assert!(judge_verified(&plan, &rotate, &answer(200, other)).unwrap_err().contains("not the application"), "{other}");
        }
        assert!(judge_verified(&plan, &rotate, &answer(404, "{}")).unwrap_err().contains("no longer"));
        // The answer's id must be the asked client's.
        let secret = r#","client_secret":"s3cr3t-value-from-okta","client_name":"Anypoint token introspection"}"#;
        assert!(judge_action(&plan, &rotate, &answer(200, &format!(r#"{{"client_id":"0oaOne"{secret}"#))).is_ok());
        assert!(judge_action(&plan, &rotate, &answer(200, &format!(r#"{{"client_id":"0oaTwo"{secret}"#))).is_err());
        // A control character inside the token does not hide it from the mask.
        let token = plan.token().to_string();
        let (head, tail) = token.split_at(10);
        for hidden in ["\\u0000", "\\u200b", "\\u00ad", "\\ufeff", "\\u202e"] {
            let echoed = format!(r#"{{"error_description":"bad token {head}{hidden}{tail} here"}}"#);
            let refused = judge_action(&plan, &rotate, &answer(400, &echoed)).unwrap_err();
            assert!(!refused.contains(tail) && refused.contains("bad token … here"), "{hidden}: {refused}");
        }
        crate::core::words::assert_worded_everywhere(&[
            Finding::new("createOrgChanged").with("a").with("b"),
            Finding::new("createNotThatClient").with(CLIENT_NAME),
            Finding::new("createClientGone"),
        ]);
    }
}
