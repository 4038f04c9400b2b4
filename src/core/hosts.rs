//! The hosts the product works on, defined once. The manifests' match patterns are checked against
//! these lists by a test (`manifest_patterns_match_core_hosts`), so the two cannot drift apart.

/// Registrable domains that Okta serves orgs from (`{org}.okta.com`, `{org}-admin.okta.com`, ...).
pub const OKTA_DOMAINS: &[&str] = &["okta.com", "oktapreview.com", "okta-emea.com", "okta-gov.com", "okta.mil"];

/// One of Anypoint's control planes: its host, where its console's Access Management and its API live.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct ControlPlane {
    /// Its host (the console and the API share it).
    pub host: &'static str,
    /// How MuleSoft names it.
    pub name: &'static str,
}

/// Anypoint's control planes (docs/facts.md). Private Cloud hosts are granted by the admin at run time
/// (`Grant::AnypointPrivateCloud`).
pub const CONTROL_PLANES: &[ControlPlane] = &[
    ControlPlane { host: "anypoint.mulesoft.com", name: "US" },
    ControlPlane { host: "eu1.anypoint.mulesoft.com", name: "EU" },
    ControlPlane { host: "gov.anypoint.mulesoft.com", name: "US Government" },
    ControlPlane { host: "ca1.platform.mulesoft.com", name: "Canada" },
    ControlPlane { host: "jp1.platform.mulesoft.com", name: "Japan" },
];

/// Where the admin works in Anypoint: one of the control planes, or a Private Cloud host they granted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plane {
    /// A control plane of MuleSoft's.
    Public(ControlPlane),
    /// An Anypoint Private Cloud installation, by its host.
    PrivateCloud(String),
}

impl Default for Plane {
    /// The US control plane: where nothing else is known.
    fn default() -> Self {
        Self::Public(CONTROL_PLANES[0])
    }
}

impl Plane {
    /// The plane of a host where the form was seen: a control plane's, or else a Private Cloud host (the form
    /// helper runs only on those two kinds of host).
    pub fn of_seen_host(host: &str) -> Self {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        match CONTROL_PLANES.iter().find(|plane| plane.host == host) {
            Some(plane) => Self::Public(*plane),
            None => Self::PrivateCloud(host),
        }
    }

    /// Its host.
    pub fn host(&self) -> &str {
        match self {
            Self::Public(plane) => plane.host,
            Self::PrivateCloud(host) => host,
        }
    }

    /// How the admin names it: "EU", or "Private Cloud (anypoint.acme.com)".
    pub fn name(&self) -> String {
        match self {
            Self::Public(plane) => plane.name.to_string(),
            Self::PrivateCloud(host) => {
                crate::core::words::say(&crate::core::words::Finding::new("planePrivateCloud").with(host.as_str()))
            }
        }
    }

    /// Access Management in its console.
    pub fn access_management_url(&self) -> String {
        format!("https://{}/accounts/", self.host())
    }

    /// The base of its Access Management API. Unknown for a Private Cloud installation (its operators decide):
    /// `None`, said as such rather than guessed.
    pub fn api_base(&self) -> Option<String> {
        match self {
            Self::Public(plane) => Some(format!("https://{}/accounts/api", plane.host)),
            Self::PrivateCloud(_) => None,
        }
    }
}

/// The Okta domain a host belongs to, if any: `dev-1.okta.com` → `okta.com`.
pub fn okta_domain_of(host: &str) -> Option<&'static str> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    OKTA_DOMAINS.iter().copied().find(|domain| {
        host.strip_suffix(domain).is_some_and(|rest| rest.len() > 1 && rest.ends_with('.'))
    })
}

/// An Okta org's own host: `{org}.{okta domain}`, or its admin console `{org}-admin.{okta domain}`. The one rule
/// of what an org is, used everywhere (the sender, the fetch policy, the same-org checks, the checklist's links):
/// exactly one label before Okta's domain. Deeper hosts (`dev-1.x.okta.com`, `{org}.mtls.okta.com`) are Okta's
/// but no org's: any org's name could sit in front of them, so they vouch for none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OktaOrgHost {
    /// The org's name (`dev-1`), without `-admin`, in lower case.
    pub org: String,
    /// Okta's domain (`okta.com`).
    pub domain: &'static str,
    /// Whether the host is the admin console (`{org}-admin.…`).
    pub admin: bool,
}

impl OktaOrgHost {
    /// The org host of `host`, if it is one.
    pub fn of(host: &str) -> Option<Self> {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        let domain = okta_domain_of(&host)?;
        let label = host.strip_suffix(domain)?.strip_suffix('.')?;
        let (org, admin) = match label.strip_suffix("-admin") {
            Some(org) => (org, true),
            None => (label, false),
        };
        let dns_label = |l: &str| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-') && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !dns_label(org) {
            return None;
        }
        Some(Self { org: org.to_string(), domain, admin })
    }

    /// The org's own host (`{org}.{domain}`), where its issuers and endpoints live.
    pub fn org_host(&self) -> String {
        format!("{}.{}", self.org, self.domain)
    }

    /// The org's admin console, `https://{org}-admin.{okta domain}`.
    pub fn admin_console(&self) -> String {
        format!("https://{}-admin.{}", self.org, self.domain)
    }
}

/// The org of an Okta org host (`dev-1-admin.okta.com` → `dev-1`); `None` for any other host (`OktaOrgHost`).
pub fn okta_org_of(host: &str) -> Option<String> {
    OktaOrgHost::of(host).map(|host| host.org)
}

/// Whether two hosts are the same Okta org: both org hosts, same org name on the same Okta domain.
pub fn same_okta_org(a: &str, b: &str) -> bool {
    match (OktaOrgHost::of(a), OktaOrgHost::of(b)) {
        (Some(a), Some(b)) => a.domain == b.domain && a.org == b.org,
        _ => false,
    }
}

/// One of Anypoint's control planes (where the form helper runs).
pub fn is_anypoint_host(host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    CONTROL_PLANES.iter().any(|plane| plane.host == host)
}

/// Content-script match patterns for Okta metadata documents: any path holding `.well-known`.
pub fn okta_metadata_match_patterns() -> Vec<String> {
    OKTA_DOMAINS.iter().map(|d| format!("https://*.{d}/*.well-known/*")).collect()
}

/// Content-script match patterns for the Okta admin consoles (`{org}-admin.okta.com/admin/...`), and the pages
/// among them that are never matched (they show API tokens).
pub fn okta_admin_match_patterns() -> (Vec<String>, Vec<String>) {
    let matches = OKTA_DOMAINS.iter().map(|d| format!("https://*.{d}/admin/*")).collect();
    let excluded = OKTA_DOMAINS.iter().map(|d| format!("https://*.{d}/admin/access/api/tokens*")).collect();
    (matches, excluded)
}

/// The host sets the manifests name (`"$name"` in extension/manifest.common.json), written in by
/// extension/tools/layout.mjs from `assist-layout`'s output: the manifests hold no host list of their own.
pub fn manifest_host_sets() -> Vec<(&'static str, Vec<String>)> {
    let (admin, tokens) = okta_admin_match_patterns();
    vec![
        // Loading metadata from the popup and the worker: every Okta domain, nothing else at install time.
        ("oktaHosts", OKTA_DOMAINS.iter().map(|d| format!("https://*.{d}/*")).collect()),
        ("oktaMetadataPages", okta_metadata_match_patterns()),
        ("oktaAdminPages", admin),
        ("oktaTokenPages", tokens),
        ("anypointPages", anypoint_match_patterns()),
    ]
}

/// What a run-time grant of one host adds: the metadata panel on an Okta org's custom URL domain, or the form
/// helper on an Anypoint Private Cloud host (the same scripts as the manifest's, on that host).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grant {
    /// An Okta org's custom URL domain.
    OktaCustomDomain,
    /// An Anypoint Private Cloud control plane.
    AnypointPrivateCloud,
}

impl Grant {
    /// The content-script match patterns for `host`.
    pub fn match_patterns(self, host: &str) -> Vec<String> {
        match self {
            Self::OktaCustomDomain => vec![format!("https://{host}/*.well-known/*")],
            Self::AnypointPrivateCloud => vec![format!("https://{host}/*")],
        }
    }

    /// The id prefix of the content scripts registered for this kind of grant (`{prefix}:{host}`).
    pub fn script_id_prefix(self) -> &'static str {
        match self {
            Self::OktaCustomDomain => "okta-custom-domain",
            Self::AnypointPrivateCloud => "anypoint-private-cloud",
        }
    }

    /// How the popup names the kind beside the host.
    pub fn describe(self) -> String {
        crate::core::words::text(match self {
            Self::OktaCustomDomain => "grantOktaCustomDomain",
            Self::AnypointPrivateCloud => "grantPrivateCloud",
        })
    }

    /// The kind and host of a registered script's id (`{prefix}:{host}`), if it is one of ours.
    pub fn of_script_id(id: &str) -> Option<(Self, &str)> {
        [Self::OktaCustomDomain, Self::AnypointPrivateCloud].into_iter().find_map(|grant| {
            let host = id.strip_prefix(grant.script_id_prefix())?.strip_prefix(':')?;
            (!host.is_empty()).then_some((grant, host))
        })
    }
}

/// Content-script match patterns for the Anypoint control planes.
pub fn anypoint_match_patterns() -> Vec<String> {
    CONTROL_PLANES.iter().map(|plane| format!("https://{}/*", plane.host)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_script_id_names_its_grant_and_host() {
        for grant in [Grant::OktaCustomDomain, Grant::AnypointPrivateCloud] {
            let id = format!("{}:login.acme.com", grant.script_id_prefix());
            assert_eq!(Grant::of_script_id(&id), Some((grant, "login.acme.com")));
        }
        assert_eq!(Grant::of_script_id("okta-custom-domain:"), None);
        assert_eq!(Grant::of_script_id("someone-else:login.acme.com"), None);
        assert_eq!(Grant::of_script_id("okta-custom-domainlogin.acme.com"), None);
    }

    #[test]
    fn recognises_okta_hosts_and_orgs() {
        assert_eq!(okta_domain_of("dev-12345678.okta.com"), Some("okta.com"));
        assert_eq!(okta_domain_of("acme.oktapreview.com"), Some("oktapreview.com"));
        assert_eq!(okta_domain_of("x.okta-emea.com"), Some("okta-emea.com"));
        assert_eq!(okta_domain_of("x.okta-gov.com"), Some("okta-gov.com"));
        assert_eq!(okta_domain_of("x.okta.mil"), Some("okta.mil"));
        assert_eq!(okta_domain_of("okta.com"), None);
        assert_eq!(okta_domain_of("evilokta.com"), None);
        assert_eq!(okta_domain_of("login.acme.com"), None);
        assert_eq!(okta_org_of("dev-1-admin.okta.com").as_deref(), Some("dev-1"));
        assert_eq!(okta_org_of("ACME.okta.com").as_deref(), Some("acme"));
        // One rule: one label before Okta's domain. Deeper hosts are Okta's but no org's, not even `{org}.mtls`.
        for deeper in ["x.mtls.okta.com", "dev-1.x.okta.com", "a.b.okta-emea.com", "-admin.okta.com"] {
            assert_eq!(okta_org_of(deeper), None, "{deeper}");
            assert!(okta_domain_of(deeper).is_some(), "{deeper} is still under Okta's domain");
        }
        assert!(!same_okta_org("x.mtls.okta.com", "x.okta.com"));
        assert!(!same_okta_org("dev-1.x.okta.com", "dev-1.okta.com"), "not org dev-1");
        let admin = OktaOrgHost::of("Dev-1-Admin.okta-emea.com.").unwrap();
        assert_eq!((admin.org.as_str(), admin.domain, admin.admin), ("dev-1", "okta-emea.com", true));
        assert_eq!(admin.org_host(), "dev-1.okta-emea.com");
        assert_eq!(admin.admin_console(), "https://dev-1-admin.okta-emea.com");
        assert!(same_okta_org("dev-1.okta.com", "dev-1-admin.okta.com"));
        assert!(!same_okta_org("dev-1.okta.com", "attacker.okta.com"));
        assert!(!same_okta_org("dev-1.okta.com", "dev-1.oktapreview.com"));
        assert!(!same_okta_org("login.acme.com", "login.acme.com"), "custom domains are no Okta org");
    }

    #[test]
    fn each_plane_has_its_own_console_and_api() {
        let expected = [
            ("anypoint.mulesoft.com", "US"),
            ("eu1.anypoint.mulesoft.com", "EU"),
            ("gov.anypoint.mulesoft.com", "US Government"),
            ("ca1.platform.mulesoft.com", "Canada"),
            ("jp1.platform.mulesoft.com", "Japan"),
        ];
        for (host, name) in expected {
            let plane = Plane::of_seen_host(host);
            assert_eq!(plane.name(), name);
            assert_eq!(plane.access_management_url(), format!("https://{host}/accounts/"));
            assert_eq!(plane.api_base(), Some(format!("https://{host}/accounts/api")));
        }
        assert_eq!(Plane::default().host(), "anypoint.mulesoft.com");
        let private = Plane::of_seen_host("Anypoint.Acme.com.");
        assert_eq!(private, Plane::PrivateCloud("anypoint.acme.com".into()));
        assert_eq!(private.access_management_url(), "https://anypoint.acme.com/accounts/");
        assert_eq!(private.api_base(), None, "not guessed");
        assert_eq!(private.name(), "Private Cloud (anypoint.acme.com)");
    }

    #[test]
    fn recognises_anypoint_hosts() {
        assert!(is_anypoint_host("anypoint.mulesoft.com"));
        assert!(is_anypoint_host("jp1.platform.mulesoft.com"));
        assert!(!is_anypoint_host("mulesoft.com"));
    }

    #[test]
    fn the_manifest_names_every_host_set_and_lists_no_host_itself() {
        let manifest = include_str!("../../extension/manifest.common.json");
        let named: Vec<&str> = manifest.split("\"$").skip(1).filter_map(|rest| rest.split('"').next()).collect();
        let sets: Vec<&str> = manifest_host_sets().iter().map(|(name, _)| *name).collect();
        let mut named_sorted = named.clone();
        named_sorted.sort_unstable();
        let mut sets_sorted = sets.clone();
        sets_sorted.sort_unstable();
        assert_eq!(named_sorted, sets_sorted, "each set named once in the manifest, and only these");
        for domain in OKTA_DOMAINS {
            assert!(!manifest.contains(domain), "{domain}: the manifest lists no host itself");
        }
        for plane in CONTROL_PLANES {
            assert!(!manifest.contains(plane.host), "{}: the manifest lists no host itself", plane.host);
        }
        let manifest: serde_json::Value = serde_json::from_str(manifest).unwrap();
        // Custom domains are asked for one host at a time at run time; nothing broad is granted up front.
        assert_eq!(manifest["optional_host_permissions"], serde_json::json!(["https://*/*"]));
        // storage: the kept values (session); scripting: the panel / helper on hosts the admin grants at run time;
        // contextMenus: "Fill with Okta value" on fields the helper does not recognise.
        assert_eq!(manifest["permissions"], serde_json::json!(["storage", "scripting", "contextMenus"]));
    }
}
