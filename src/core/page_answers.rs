//! What the pure exports answer to the pages that run the core themselves (the stand-alone web page, the
//! popup): decided here, natively tested, and typed for the scripts (`assist-types`). The glue
//! (`src/ext/page.rs`) only converts arguments and answers.

use serde::Serialize;

use super::draft::{api_body_for, provider_id_of, AnypointDraft, ApiBody, ApiBodyOptions};
use super::fetch_policy::grantable_host;
use super::fields::{AnypointField, FormValues};
use super::hosts::{anypoint_match_patterns, Grant, Plane};
use super::metadata::{inspect_metadata_with, Inspection};
use super::policy::{Policy, Switch};
use super::protocol::Response;
use super::service::{pasted_document_url, report};
use super::words::text;

/// A pasted document, checked as loaded from the address given (or, when none, from its own issuer's OpenID
/// configuration, which the report then says).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Pasted {
    /// The copy-assist report.
    pub report: Response,
    /// The document's values by field, when it is valid.
    pub values: FormValues,
    /// The address it was checked as loaded from.
    pub checked_as: String,
    /// Whether that address was assumed (none was given).
    pub assumed: bool,
}

/// `inspectPasted`.
pub fn pasted(text: &str, url: &str) -> Pasted {
    let (inspection, checked_as, assumed) = match pasted_document_url(text, url) {
        Ok(pasted) => (inspect_metadata_with(text, &pasted.url, &pasted.granted), pasted.url, pasted.assumed),
        Err(problem) => (Inspection { metadata: None, problems: vec![problem.into()] }, String::new(), true),
    };
    // Inserted one by one: collecting into the map would sort first, and the sort's code costs ~4 KB of wasm.
    let mut values = FormValues::new();
    if let Some(metadata) = inspection.metadata.as_ref().filter(|_| inspection.is_valid()) {
        for (field, value) in AnypointDraft::from_metadata(metadata, 0).values() {
            if let Some(value) = value {
                values.insert(field, value.to_string());
            }
        }
    }
    Pasted { report: report(&inspection), values, checked_as, assumed }
}

/// A host the admin wants to allow (popup), or why the text is no host the extension could be granted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(untagged)]
pub enum GrantOffer {
    /// What to ask the browser for, and the content script to register for it.
    Grantable {
        /// The host.
        host: String,
        /// The origin pattern the browser grants (`https://{host}/*`).
        origin: String,
        /// The id of the content script registered for it.
        id: String,
        /// That script's match patterns.
        matches: Vec<String>,
    },
    /// Why not.
    Refused {
        /// What to show.
        message: String,
    },
}

/// `grantFor`: `kind` is "oktaCustomDomain" or "anypointPrivateCloud".
pub fn grant_offer(input: &str, kind: &str) -> GrantOffer {
    let kind = match kind {
        "oktaCustomDomain" => Grant::OktaCustomDomain,
        _ => Grant::AnypointPrivateCloud,
    };
    let typed = input.trim();
    let with_scheme = if typed.contains("://") { typed.to_string() } else { format!("https://{typed}") };
    match grantable_host(&with_scheme) {
        Ok(host) => GrantOffer::Grantable {
            origin: format!("https://{host}/*"),
            id: format!("{}:{host}", kind.script_id_prefix()),
            matches: kind.match_patterns(&host),
            host,
        },
        Err(problem) => GrantOffer::Refused { message: problem.to_string() },
    }
}

/// One host the admin granted, as the popup lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct GrantedHost {
    /// Its content script's id.
    pub id: String,
    /// The host.
    pub host: String,
    /// What kind of host, in words.
    pub kind: String,
}

/// The granted hosts, from the ids of the content scripts registered for them, so that no script splits an id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Grants {
    /// Custom URL domains of Okta orgs (the worker passes them with every sender).
    pub custom_domains: Vec<String>,
    /// Anypoint Private Cloud hosts (likewise).
    pub private_cloud: Vec<String>,
    /// Each, for the popup's list and the worker's clean-up of a removed host.
    pub grants: Vec<GrantedHost>,
}

/// `grantsOf`.
pub fn grants_of(ids: &[String]) -> Grants {
    let mut grants = Grants { custom_domains: Vec::new(), private_cloud: Vec::new(), grants: Vec::new() };
    for id in ids {
        let Some((grant, host)) = Grant::of_script_id(id) else { continue };
        match grant {
            Grant::OktaCustomDomain => grants.custom_domains.push(host.to_string()),
            Grant::AnypointPrivateCloud => grants.private_cloud.push(host.to_string()),
        }
        grants.grants.push(GrantedHost { id: id.clone(), host: host.to_string(), kind: grant.describe() });
    }
    grants
}

/// The context menu "Fill with Okta value ▸ Issuer / …" on editable fields: its title, the pages it shows on
/// (the Anypoint content script's, and the Private Cloud hosts the admin granted), and one item per value of
/// the document, by the field's wire name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct FillMenu {
    /// The menu's title.
    pub title: String,
    /// Its `documentUrlPatterns`.
    pub pages: Vec<String>,
    /// Its items: the field each fills, and its title (Anypoint's label).
    pub items: Vec<(AnypointField, &'static str)>,
}

/// The fill menu for the Private Cloud hosts granted; without items when `policy` switched it off.
pub fn fill_menu(private_cloud: &[String], policy: &Policy) -> FillMenu {
    let mut pages = anypoint_match_patterns();
    for host in private_cloud {
        pages.extend(Grant::AnypointPrivateCloud.match_patterns(host));
    }
    let items = match policy.allows(Switch::ContextMenu) {
        true => AnypointField::FROM_METADATA.iter().map(|field| (*field, field.label())).collect(),
        false => Vec::new(),
    };
    FillMenu { title: text("menuFill"), pages, items }
}

/// The Access Management API body for the values on the page, with placeholders where secrets go, and the
/// `curl` command that sends it to the chosen control plane.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct ApiRequest {
    /// The JSON body.
    pub body: ApiBody,
    /// The command.
    pub curl: String,
    /// The existing provider the command updates, when the admin named one (else it creates one).
    pub updates: Option<String>,
}

/// `apiBody`: to the control plane of `plane_host` (US when empty); an update of the provider `provider` names
/// (its id or its page's address) when it names one.
pub fn api_request(values: &FormValues, plane_host: &str, provider: &str) -> ApiRequest {
    let plane = if plane_host.is_empty() { Plane::default() } else { Plane::of_seen_host(plane_host) };
    let updates = provider_id_of(provider);
    let (body, curl) = api_body_for(values, &ApiBodyOptions::default(), &plane, updates.as_deref());
    ApiRequest { body, curl, updates }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grant_names_its_host_and_script_or_says_why_not() {
        assert_eq!(
            grant_offer(" login.acme.com ", "oktaCustomDomain"),
            GrantOffer::Grantable {
                host: "login.acme.com".into(),
                origin: "https://login.acme.com/*".into(),
                id: "okta-custom-domain:login.acme.com".into(),
                matches: vec!["https://login.acme.com/*.well-known/*".into()],
            }
        );
        assert!(matches!(grant_offer("https://anypoint.mulesoft.com", "anypointPrivateCloud"), GrantOffer::Refused { .. }));
        let ids = ["okta-custom-domain:login.acme.com", "anypoint-private-cloud:anypoint.acme.com", "someone-else:x"].map(String::from);
        let grants = grants_of(&ids);
        assert_eq!((grants.custom_domains, grants.private_cloud), (vec!["login.acme.com".to_string()], vec!["anypoint.acme.com".to_string()]));
        assert_eq!(grants.grants.len(), 2, "an id of no grant of ours is left out");
    }

    #[test]
    fn an_update_names_an_existing_provider_by_its_id_or_its_page() {
        let id = "8f2c3a1e-6b4d-4c1a-9e7f-1a2b3c4d5e6f";
        let create = api_request(&FormValues::new(), "", "");
        assert!(create.curl.starts_with("curl -X POST 'https://anypoint.mulesoft.com/accounts/api/organizations/<root organization id>/clientProviders' "));
        assert_eq!(create.updates, None);
        for given in [id.to_string(), format!("https://eu1.anypoint.mulesoft.com/accounts/client-providers/{id}/edit"), format!(" https://anypoint.mulesoft.com/accounts/#/client-providers/{id} ")] {
            let update = api_request(&FormValues::new(), "eu1.anypoint.mulesoft.com", &given);
            assert_eq!(update.updates.as_deref(), Some(id), "{given}");
            assert!(update.curl.starts_with(&format!("curl -X PATCH 'https://eu1.anypoint.mulesoft.com/accounts/api/organizations/<root organization id>/clientProviders/{id}' ")), "{}", update.curl);
        }
        for refused in ["https://evil.example/client-providers/8f2c3a1e", "not an id!", "https://anypoint.mulesoft.com/accounts/", "abc"] {
            assert_eq!(api_request(&FormValues::new(), "", refused).updates, None, "{refused}");
        }
        assert!(create.body.oidc_dynamic_client_provider.allow_client_import, "sent as the public CLI sends it");
    }

    #[test]
    fn a_pasted_document_gives_its_values_only_when_valid() {
        let text = include_str!("../../tests/fixtures/custom-default.openid-configuration.json");
        let answer = pasted(text, "");
        assert!(answer.assumed && answer.checked_as.ends_with("/.well-known/openid-configuration"));
        assert!(!answer.values.is_empty());
        let broken = pasted("{", "");
        assert!(broken.values.is_empty());
    }
}
