//! What an organisation set by policy (the browser's managed storage: Chrome's `3rdparty` extension policy, checked
//! against `managed_schema.json`; Firefox's `3rdparty` policy, not checked by the browser) and what the admin
//! chose on the options page, merged: a key the organisation set wins, and is shown to the admin as "Managed by
//! your organisation". Read to fail closed: a pin the browser let through with the wrong type, or with no host
//! this extension can use, allows no org; a switch that is not `true` or `false` is off; a policy that could not
//! be read at all allows nothing that leaves the browser. No policy at all (Firefox fails to read managed
//! storage with "Managed storage manifest not found" then) is today's behaviour.

use serde::Serialize;

use super::hosts::same_okta_org;
use super::words::{say, text, Arg, Finding};

/// The most hosts a list may name; the rest is ignored (a pin then allows fewer orgs, never more).
pub const MAX_LISTED: usize = 100;

/// One key's value as the browser gave it, before the core judges it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Read {
    /// Not set.
    Missing,
    /// `true` or `false`.
    Bool(bool),
    /// A string.
    Text(String),
    /// An array: its strings, `None` for each item of another type.
    List(Vec<Option<String>>),
    /// Anything else (a number, an object, `null`).
    Other,
}

/// One source of settings (managed storage, or the admin's own choices), as read: every key may be missing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// The browser could not read this source (not "there is none"): nothing may leave the browser.
    pub unreadable: bool,
    /// `oktaOrgs`: the Okta orgs this company uses, each as its host.
    pub okta_orgs: Option<Vec<String>>,
    /// `customDomains`: the orgs' custom URL domains, listed as the organisation's own.
    pub custom_domains: Option<Vec<String>>,
    /// `privateCloudHosts`: Anypoint Private Cloud hosts, listed as the organisation's own.
    pub private_cloud_hosts: Option<Vec<String>>,
    /// The switches, each on unless set off.
    pub switches: [Option<bool>; 4],
}

/// The lists a policy may set: each key, and the message key of its title (the schema's, the options page's).
pub const LISTS: [(&str, &str); 3] =
    [("oktaOrgs", "policyOktaOrgs"), ("customDomains", "policyCustomDomains"), ("privateCloudHosts", "policyPrivateCloudHosts")];

/// A feature that can be switched off (by policy, or by the admin where the policy leaves it to them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Switch {
    /// "Check with Okta" (sends the token and the secret to Okta).
    CheckWithOkta,
    /// Loads started from a value in the form (issuer first, Compare with Okta).
    IssuerFirst,
    /// The context menu "Fill with Okta value".
    ContextMenu,
    /// Anything that writes to Okta.
    CreateInOkta,
}

impl Switch {
    /// Every switch, in the order of `Settings::switches`.
    pub const ALL: [Switch; 4] = [Self::CheckWithOkta, Self::IssuerFirst, Self::ContextMenu, Self::CreateInOkta];

    /// Its key in the policy and in the admin's choices.
    pub fn key(self) -> &'static str {
        match self {
            Self::CheckWithOkta => "checkWithOkta",
            Self::IssuerFirst => "issuerFirst",
            Self::ContextMenu => "contextMenu",
            Self::CreateInOkta => "createInOkta",
        }
    }

    /// Its name on the options page (a message key).
    pub fn label_key(self) -> &'static str {
        match self {
            Self::CheckWithOkta => "optionCheckWithOkta",
            Self::IssuerFirst => "optionIssuerFirst",
            Self::ContextMenu => "optionContextMenu",
            Self::CreateInOkta => "optionCreateInOkta",
        }
    }
}

/// The settings in force.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Policy {
    /// The Okta orgs allowed (hosts, lower case); empty: any.
    pub okta_orgs: Vec<String>,
    /// Custom domains listed as the organisation's own.
    pub custom_domains: Vec<String>,
    /// Private Cloud hosts listed as the organisation's own.
    pub private_cloud_hosts: Vec<String>,
    /// Which switches are on, in `Switch::ALL` order.
    on: [bool; 4],
    /// Which keys the organisation set (shown read-only).
    managed: Vec<&'static str>,
    /// Whether `oktaOrgs` was set: then only its orgs, none when it lists no usable host.
    pinned: bool,
    /// Whether the organisation's policy could not be read: no org, every switch off.
    unread: bool,
}

impl Settings {
    /// The settings a source holds, key by key (`get`), judged to fail closed: a list set to another type, or
    /// to items that are not strings, is a list of no usable host; a single string is a list of one; a switch
    /// that is not a boolean is off.
    pub fn read(get: impl Fn(&str) -> Read) -> Self {
        let list = |key| match get(key) {
            Read::Missing => None,
            Read::Text(host) => Some(vec![host]),
            Read::List(items) => Some(items.into_iter().map(Option::unwrap_or_default).collect()),
            Read::Bool(_) | Read::Other => Some(Vec::new()),
        };
        let switch = |switch: Switch| match get(switch.key()) {
            Read::Missing => None,
            Read::Bool(on) => Some(on),
            _ => Some(false),
        };
        Settings {
            unreadable: false,
            okta_orgs: list(LISTS[0].0),
            custom_domains: list(LISTS[1].0),
            private_cloud_hosts: list(LISTS[2].0),
            switches: Switch::ALL.map(switch),
        }
    }

    /// A source the browser failed to read.
    pub fn unreadable() -> Self {
        Settings { unreadable: true, ..Default::default() }
    }
}

/// A host name as a policy may list it, lower case: `acme.okta.com`, `https://acme.okta.com/`, `acme.okta.com:443`
/// and `ACME.okta.com.` are one host. `None` when it is not an ASCII host name (an internationalised domain is
/// listed in its `xn--` form, as the browser shows it in the address bar's origin).
pub fn host_name(listed: &str) -> Option<String> {
    let listed = listed.trim();
    // A scheme only at the start (not a URL in a query further on).
    let after_scheme = super::web_url::leading_scheme(listed).and_then(|scheme| listed[scheme.len()..].strip_prefix("://"));
    let listed = after_scheme.unwrap_or(listed);
    let authority = listed.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit_once(':').filter(|(_, port)| port.bytes().all(|b| b.is_ascii_digit())).map_or(authority, |(host, _)| host);
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let label = |l: &str| !l.is_empty() && l.len() <= 63 && !l.starts_with('-') && !l.ends_with('-') && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    (host.contains('.') && host.len() <= 253 && host.split('.').all(label)).then_some(host)
}

fn hosts(listed: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for host in listed.iter().take(MAX_LISTED).filter_map(|h| host_name(h)) {
        if !out.contains(&host) {
            out.push(host);
        }
    }
    out
}

impl Policy {
    /// No policy and no choice of the admin's: every org, every feature.
    pub const NONE: Policy =
        Policy { okta_orgs: Vec::new(), custom_domains: Vec::new(), private_cloud_hosts: Vec::new(), on: [true; 4], managed: Vec::new(), pinned: false, unread: false };

    /// The organisation's settings over the admin's own.
    pub fn of(managed: &Settings, chosen: &Settings) -> Self {
        if managed.unreadable {
            return Policy { on: [false; 4], pinned: true, unread: true, ..Self::NONE };
        }
        let mut set: Vec<&'static str> = Vec::new();
        let mut list = |key: &'static str, managed: &Option<Vec<String>>, chosen: &Option<Vec<String>>| match managed {
            Some(listed) => {
                set.push(key);
                hosts(listed)
            }
            None => hosts(chosen.as_deref().unwrap_or_default()),
        };
        let okta_orgs = list(LISTS[0].0, &managed.okta_orgs, &None);
        let custom_domains = list(LISTS[1].0, &managed.custom_domains, &chosen.custom_domains);
        let private_cloud_hosts = list(LISTS[2].0, &managed.private_cloud_hosts, &chosen.private_cloud_hosts);
        let mut on = [true; 4];
        for (i, switch) in Switch::ALL.iter().enumerate() {
            match managed.switches[i] {
                Some(value) => {
                    set.push(switch.key());
                    on[i] = value;
                }
                None => on[i] = chosen.switches[i].unwrap_or(true),
            }
        }
        let pinned = managed.okta_orgs.is_some();
        Self { okta_orgs, custom_domains, private_cloud_hosts, on, managed: set, pinned, unread: false }
    }

    /// Whether `switch` is on.
    pub fn allows(&self, switch: Switch) -> bool {
        self.on[Switch::ALL.iter().position(|s| *s == switch).unwrap_or(0)]
    }

    /// Whether a document, issuer or check on `host` is of an org the policy allows (any, without `oktaOrgs`).
    /// The org rule of `hosts.rs`: an Okta org's hosts (its admin console too) are one org; a custom domain is
    /// itself.
    pub fn allows_org(&self, host: &str) -> bool {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        !self.pinned || self.okta_orgs.iter().any(|org| *org == host || same_okta_org(org, &host))
    }

    /// Whether the URL `url` (a document, an issuer) is of an org the policy allows; a URL without a host is
    /// left to the checks that refuse it anyway.
    pub fn allows_url(&self, url: &str) -> bool {
        super::web_url::WebUrl::parse(url).map_or(true, |url| self.allows_org(url.host()))
    }

    /// The refusal of the URL `url`, if the policy refuses its org.
    pub fn url_refusal(&self, url: &str) -> Option<String> {
        let host = super::web_url::WebUrl::parse(url).ok()?.host().to_string();
        (!self.allows_org(&host)).then(|| self.org_refusal(&host))
    }

    /// Why `host` is refused, naming the policy and the orgs it allows.
    pub fn org_refusal(&self, host: &str) -> String {
        if self.unread {
            return text("policyUnreadable");
        }
        if self.okta_orgs.is_empty() {
            return say(&Finding::new("policyNoUsableOrg").with(host));
        }
        let orgs = Arg::List(self.okta_orgs.iter().map(|org| org.as_str().into()).collect());
        say(&Finding::new("policyOtherOrg").with(host).with(orgs))
    }

    /// Why a switched-off feature does nothing: by the organisation, or by the admin's own choice.
    pub fn switched_off(&self, switch: Switch) -> String {
        if self.unread {
            return text("policyUnreadable");
        }
        let by = if self.managed.contains(&switch.key()) { "policySwitchedOff" } else { "optionSwitchedOff" };
        say(&Finding::new(by).with(Finding::new(switch.label_key())))
    }

    /// What the options page shows.
    pub fn shown(&self) -> PolicyShown {
        PolicyShown {
            okta_orgs: self.okta_orgs.clone(),
            custom_domains: self.custom_domains.clone(),
            private_cloud_hosts: self.private_cloud_hosts.clone(),
            switches: Switch::ALL
                .iter()
                .map(|switch| SwitchShown {
                    switch: *switch,
                    key: switch.key(),
                    label: text(switch.label_key()),
                    on: self.allows(*switch),
                    managed: self.managed.contains(&switch.key()),
                })
                .collect(),
            managed: self.managed.clone(),
            warning: if self.unread {
                Some(text("policyUnreadable"))
            } else {
                (self.pinned && self.okta_orgs.is_empty()).then(|| text("optionsPinUnusable"))
            },
        }
    }
}

/// One switch as the options page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct SwitchShown {
    /// Which.
    pub switch: Switch,
    /// Its key (the admin's choice is stored under it).
    pub key: &'static str,
    /// Its words.
    pub label: String,
    /// Whether it is on.
    pub on: bool,
    /// Whether the organisation set it (read-only).
    pub managed: bool,
}

/// The settings in force, for the options page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PolicyShown {
    /// The Okta orgs allowed (empty: any).
    pub okta_orgs: Vec<String>,
    /// Custom domains listed as the organisation's own (to allow in one click).
    pub custom_domains: Vec<String>,
    /// Private Cloud hosts listed as the organisation's own.
    pub private_cloud_hosts: Vec<String>,
    /// The switches.
    pub switches: Vec<SwitchShown>,
    /// The keys the organisation set.
    pub managed: Vec<&'static str>,
    /// Why the policy allows nothing, when it does not (unreadable, or a pin with no usable host).
    pub warning: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(hosts: &[&str]) -> Option<Vec<String>> {
        Some(hosts.iter().map(|h| h.to_string()).collect())
    }

    #[test]
    fn the_organisations_keys_win_and_bad_hosts_are_dropped() {
        let managed = Settings {
            okta_orgs: list(&["ACME.okta.com.", "https://x/", "login.acme.com", "acme-eu.okta-emea.com", ""]),
            switches: [Some(false), None, None, None],
            ..Default::default()
        };
        let chosen = Settings { switches: [Some(true), Some(false), None, None], private_cloud_hosts: list(&["anypoint.acme.com"]), ..Default::default() };
        let policy = Policy::of(&managed, &chosen);
        assert_eq!(policy.okta_orgs, ["acme.okta.com", "login.acme.com", "acme-eu.okta-emea.com"]);
        assert!(!policy.allows(Switch::CheckWithOkta), "the organisation's off wins over the admin's on");
        assert!(!policy.allows(Switch::IssuerFirst), "the admin's own choice where the policy is silent");
        assert!(policy.allows(Switch::ContextMenu) && policy.allows(Switch::CreateInOkta));
        assert_eq!(policy.private_cloud_hosts, ["anypoint.acme.com"]);
        assert_eq!(policy.shown().managed, ["oktaOrgs", "checkWithOkta"]);
        assert!(policy.switched_off(Switch::CheckWithOkta).contains("organisation"), "{}", policy.switched_off(Switch::CheckWithOkta));
    }

    #[test]
    fn the_org_pin_follows_the_org_rule() {
        let policy = Policy::of(&Settings { okta_orgs: list(&["acme.okta.com", "login.acme.com"]), ..Default::default() }, &Settings::default());
        for allowed in ["acme.okta.com", "ACME-admin.okta.com", "login.acme.com"] {
            assert!(policy.allows_org(allowed), "{allowed}");
        }
        for refused in ["acme.oktapreview.com", "evil.okta.com", "acme.okta.com.evil.com", "sso.acme.com"] {
            assert!(!policy.allows_org(refused), "{refused}");
        }
        assert!(policy.org_refusal("evil.okta.com").contains("acme.okta.com"));
        // No policy: today's behaviour.
        let none = Policy::of(&Settings::default(), &Settings::default());
        assert!(none.allows_org("anything.okta.com") && Switch::ALL.iter().all(|s| none.allows(*s)));
        crate::core::words::assert_worded_everywhere(&[
            Finding::new("policyOtherOrg").with("evil.okta.com").with(Arg::List(vec!["acme.okta.com".into()])),
            Finding::new("policySwitchedOff").with(Finding::new("optionCheckWithOkta")),
            Finding::new("optionSwitchedOff").with(Finding::new("optionIssuerFirst")),
            Finding::new("optionContextMenu"),
            Finding::new("optionCreateInOkta"),
        ]);
    }

    #[test]
    fn a_pin_that_cannot_be_used_allows_no_org() {
        let pin = |read: Read| {
            let managed = Settings::read(|key| if key == "oktaOrgs" { read.clone() } else { Read::Missing });
            Policy::of(&managed, &Settings::default())
        };
        // Set, but of the wrong type or with nothing usable in it: no org, and the refusal says why.
        for unusable in [Read::Bool(true), Read::Other, Read::List(vec![None, Some("not a host".into())]), Read::List(Vec::new()), Read::Text("*".into())] {
            let policy = pin(unusable.clone());
            assert!(!policy.allows_org("acme.okta.com"), "{unusable:?}");
            assert!(policy.org_refusal("acme.okta.com").contains("oktaOrgs"), "{unusable:?}");
        }
        // The forms a host is written in are one host; a string alone is a list of one.
        for written in ["https://ACME.okta.com/", "acme.okta.com:443", "acme.okta.com.", "https://acme.okta.com:443/oauth2/default"] {
            assert!(pin(Read::List(vec![Some(written.into())])).allows_org("acme.okta.com"), "{written}");
        }
        assert!(pin(Read::Text("acme.okta.com".into())).allows_org("acme.okta.com"));
        // A URL further on is not the listed host's scheme.
        let tricked = pin(Read::Text("acme.okta.com/login?next=https://evil.okta.com".into()));
        assert!(tricked.allows_org("acme.okta.com") && !tricked.allows_org("evil.okta.com"));
        assert!(!pin(Read::List(vec![Some("bücher.example".into())])).allows_org("xn--bcher-kva.example"), "a Unicode host is no host: listed as xn--");
        // At most MAX_LISTED hosts count: an org past them is not allowed.
        let many: Vec<Option<String>> = (0..=MAX_LISTED).map(|i| Some(format!("org{i}.okta.com"))).collect();
        let policy = pin(Read::List(many));
        assert!(policy.allows_org("org0.okta.com") && !policy.allows_org(&format!("org{MAX_LISTED}.okta.com")));
        // Not set: any org.
        assert!(pin(Read::Missing).allows_org("acme.okta.com"));
    }

    #[test]
    fn a_switch_that_is_not_a_boolean_is_off_and_an_unreadable_policy_allows_nothing() {
        let managed = Settings::read(|key| match key {
            "checkWithOkta" => Read::Text("true".into()),
            "contextMenu" => Read::Bool(true),
            _ => Read::Missing,
        });
        let policy = Policy::of(&managed, &Settings::default());
        assert!(!policy.allows(Switch::CheckWithOkta) && policy.allows(Switch::ContextMenu) && policy.allows(Switch::IssuerFirst));
        // Could not be read (not "no policy"): no org, no switch, whatever the admin chose.
        let chosen = Settings { switches: [Some(true); 4], ..Default::default() };
        let unread = Policy::of(&Settings::unreadable(), &chosen);
        assert!(!unread.allows_org("acme.okta.com") && Switch::ALL.iter().all(|s| !unread.allows(*s)));
        assert_eq!(unread.org_refusal("acme.okta.com"), unread.switched_off(Switch::CreateInOkta));
        assert_eq!(unread.shown().warning, Some(text("policyUnreadable")));
        assert_eq!(Policy::of(&Settings { okta_orgs: Some(Vec::new()), ..Default::default() }, &Settings::default()).shown().warning, Some(text("optionsPinUnusable")));
        assert_eq!(Policy::NONE.shown().warning, None);
        crate::core::words::assert_worded_everywhere(&[Finding::new("policyUnreadable"), Finding::new("policyNoUsableOrg").with("acme.okta.com")]);
    }
}
