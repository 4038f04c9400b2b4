//! The whole procedure of registering Okta in Anypoint (the walk admins follow today), as the popup lists
//! it: each step with deep links into the admin's own Okta org and Anypoint, and what the extension proved
//! (values kept from Okta, "Check with Okta" passed).

use serde::Serialize;

use super::draft::AnypointDraft;
use super::environments::{seen_line, MadeProvider};
use super::okta_create::CreatedClient;
use super::hosts::{OktaOrgHost, Plane};
use super::okta_check::{CheckKind, CheckProof, ProcedureStep};
use super::ui_text::{time_ago, Link};
use super::words::{say, text, Finding};
use super::web_url::WebUrl;

/// One step of the procedure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ChecklistStep {
    /// What the step achieves.
    pub title: String,
    /// How, in the consoles' own words.
    pub detail: String,
    /// Where to do it.
    pub links: Vec<Link>,
    /// What the extension proved of it, and when; `None` when nothing yet.
    pub proved: Option<String>,
    /// What the page showed of it (not a proof), and when.
    pub seen: Option<String>,
}

/// The org's admin console, `https://{org}-admin.{okta domain}`, for an Okta host (not a custom domain).
fn admin_console(host: &str) -> Option<String> {
    OktaOrgHost::of(host).map(|org| org.admin_console())
}

/// "Created by the extension in acme.okta.com, 2 min ago": only for the org of the kept values.
fn created_line(kept: Option<&AnypointDraft>, created: Option<&CreatedClient>, now: u64) -> Option<String> {
    let created = created?;
    let kept_host = WebUrl::parse(&kept?.issuer).ok()?.host().to_string();
    (kept_host == created.host)
        .then(|| say(&Finding::new("stepCreatedByExtension").with(created.name.as_str()).with(created.host.as_str()).with(time_ago(created.at, now))))
}

/// The checklist, with links into the org of the kept values. The page chose the Issuer a check ran against: its
/// result counts only when that Issuer is the kept one, and links only ever come from kept values.
/// `plane`: where the admin works in Anypoint (the form's control plane, or their Private Cloud host).
/// `made`: the provider made from Okta, as the page showed it (the environments step's "seen").
/// `created`: the introspection client the extension created, which counts for the kept org only.
pub fn checklist(
    kept: Option<&AnypointDraft>,
    proof: Option<&CheckProof>,
    made: Option<&MadeProvider>,
    created: Option<&CreatedClient>,
    plane: &Plane,
    now: u64,
) -> Vec<ChecklistStep> {
    let proof = proof
        .filter(|proof| proof.passed.contains(&CheckKind::OpenidConfiguration) && kept.is_some_and(|draft| proof.is_for(&draft.issuer)));
    let admin = kept.and_then(|draft| WebUrl::parse(&draft.issuer).ok()).and_then(|url| admin_console(url.host()));
    let okta_link = |label, path: &str| admin.as_ref().map(|admin| Link { label: text(label), url: format!("{admin}{path}") });
    let anypoint_link = || vec![Link { label: text("stepAnypointLink"), url: plane.access_management_url() }];
    let passed = |step: ProcedureStep| {
        let proof = proof?;
        proof.proves(step).then(|| say(&Finding::new("stepProved").with(Finding::new("barCheck")).with(time_ago(proof.at, now))))
    };
    let kept_line = kept.map(|draft| say(&Finding::new("stepKept").with(time_ago(draft.kept_at, now))));
    let words = Finding::new;
    vec![
        ChecklistStep {
            title: text("stepMetadataTitle"),
            detail: say(&words("stepMetadataDetail").with(words("oktaServersPage")).with(words("panelKeep"))),
            links: okta_link("stepMetadataLink", "/admin/oauth2/as").into_iter().collect(),
            proved: passed(ProcedureStep::Metadata).or(kept_line),
            seen: None,
        },
        ChecklistStep {
            title: text("stepTokenTitle"),
            detail: say(&words("stepTokenDetail").with(words("oktaTokensPage")).with(words("oktaRegisterRoles")).with(words("oktaTokenCreatorRoles"))),
            links: okta_link("stepTokenLink", "/admin/access/api/tokens").into_iter().collect(),
            proved: passed(ProcedureStep::ApiToken),
            seen: None,
        },
        ChecklistStep {
            title: text("stepClientTitle"),
            detail: say(&words("stepClientDetail").with(words("oktaApplicationsPage"))),
            links: okta_link("stepClientLink", "/admin/apps/active").into_iter().collect(),
            proved: passed(ProcedureStep::IntrospectionClient).or_else(|| created_line(kept, created, now)),
            seen: None,
        },
        ChecklistStep {
            title: text("stepFormTitle"),
            detail: say(&words("stepFormDetail").with(words("anypointProviderFormPath")).with(words("barFill")).with(words("barCheck"))),
            links: anypoint_link(),
            proved: passed(ProcedureStep::ProviderForm),
            seen: None,
        },
        ChecklistStep {
            title: text("stepEnvironmentsTitle"),
            detail: text("stepEnvironmentsDetail"),
            links: anypoint_link(),
            proved: None,
            seen: made.map(|made| seen_line(made, time_ago(made.at, now))),
        },
        // What goes wrong later, on Okta's side, at the first sign-in (docs/facts.md): nothing here can prove it.
        ChecklistStep {
            title: text("stepSignInTitle"),
            detail: say(&words("stepSignInDetail").with(words("oktaApplicationsPage")).with(words("oktaServersPage"))),
            links: okta_link("stepSignInLink", "/admin/apps/active").into_iter().collect(),
            proved: None,
            seen: None,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anypoint_links_go_to_the_plane_where_the_form_was_seen() {
        for host in ["anypoint.mulesoft.com", "eu1.anypoint.mulesoft.com", "gov.anypoint.mulesoft.com", "ca1.platform.mulesoft.com", "jp1.platform.mulesoft.com", "anypoint.acme.com"] {
            let steps = checklist(None, None, None, None, &Plane::of_seen_host(host), 0);
            assert_eq!(steps[3].links[0].url, format!("https://{host}/accounts/"), "{host}");
            assert_eq!(steps[4].links[0].url, format!("https://{host}/accounts/"), "{host}: environments too");
        }
    }

    #[test]
    fn links_go_to_the_admins_own_org_and_marks_follow_the_checks() {
        let proof = CheckProof {
            issuer: "https://dev-12345678.okta.com/oauth2/default".to_string(),
            at: 0,
            passed: vec![CheckKind::OpenidConfiguration, CheckKind::ApiToken, CheckKind::RegistrationRole, CheckKind::FormUrls],
        };
        let text = include_str!("../../tests/fixtures/custom-default.openid-configuration.json");
        let url = "https://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration";
        let kept = AnypointDraft::from_metadata(&crate::core::metadata::inspect_metadata(text, url).metadata.unwrap(), 0);
        let steps = checklist(Some(&kept), Some(&proof), None, None, &Plane::default(), 120_000);
        assert_eq!(steps[1].links[0].url, "https://dev-12345678-admin.okta.com/admin/access/api/tokens");
        assert_eq!(steps[1].proved.as_deref(), Some("Proved by Check with Okta, 2 min ago."));
        assert_eq!(steps[2].proved, None, "introspection not proved");
        // A check counts only for the kept issuer: with nothing kept it proves nothing and links nowhere.
        let steps = checklist(None, Some(&proof), None, None, &Plane::default(), 120_000);
        assert!(steps.iter().all(|step| step.proved.is_none() && (step.links.is_empty() || !step.links[0].url.contains("okta"))));
        // Without any org: no Okta links, still the whole procedure.
        let steps = checklist(None, None, None, None, &Plane::default(), 0);
        assert_eq!(steps.len(), 6);
        // Only some admins may create API tokens, and a token has its creator's rights (docs/facts.md).
        assert!(steps[1].detail.contains("only a Super, Organization, Group, Group Membership or Read-only Administrator may"), "{}", steps[1].detail);
        assert!(steps[5].detail.contains("User is not assigned to the client application"));
        assert!(steps[..3].iter().chain(&steps[5..]).all(|step| step.links.is_empty()));
        // A custom domain has no admin console to guess.
        let custom = CheckProof { issuer: "https://login.acme-corp.com/oauth2/default".to_string(), at: 0, passed: vec![CheckKind::OpenidConfiguration] };
        assert!(checklist(None, Some(&custom), None, None, &Plane::default(), 0)[1].links.is_empty());
        // The org of the kept values, whatever Issuer a page had checked: a check of another org (the page put its
        // issuer in the form) neither steers the links nor marks a step.
        let text = include_str!("../../tests/fixtures/org.openid-configuration.json");
        let url = "https://acme.okta.com/.well-known/openid-configuration";
        let acme = AnypointDraft::from_metadata(&crate::core::metadata::inspect_metadata(text, url).metadata.unwrap(), 0);
        assert_eq!(checklist(Some(&acme), None, None, None, &Plane::default(), 0)[1].links[0].url, "https://acme-admin.okta.com/admin/access/api/tokens");
        let steps = checklist(Some(&acme), Some(&proof), None, None, &Plane::default(), 0);
        assert_eq!(steps[1].links[0].url, "https://acme-admin.okta.com/admin/access/api/tokens");
        assert!(steps[1].proved.is_none(), "a proof of dev-12345678 proves nothing for acme");
        // ...and a check of the kept issuer written with a trailing slash still counts.
        let slash = CheckProof { issuer: "https://acme.okta.com/".to_string(), ..proof.clone() };
        assert!(checklist(Some(&acme), Some(&slash), None, None, &Plane::default(), 0)[1].proved.is_some());
        // The kept issuer's check counts only once its discovery passed.
        let unproved = CheckProof { issuer: "https://acme.okta.com".to_string(), at: 0, passed: vec![CheckKind::ApiToken, CheckKind::RegistrationRole] };
        assert!(checklist(Some(&acme), Some(&unproved), None, None, &Plane::default(), 0)[1].proved.is_none());
    }
}
