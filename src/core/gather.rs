//! What answering a request needs from the browser, and what its answer changes in storage. Decided here, so
//! that the glue (`src/ext/mod.rs`) only gathers what this says, hands it to `service::answer` and applies the
//! changes: no rule of its own about which stored value, which granted hosts or which key.

use serde::Serialize;

use super::draft::AnypointDraft;
use super::environments::MadeProvider;
use super::okta_create::CreatedClient;
use super::okta_check::CheckProof;
use super::protocol::{Reads, Request};
use super::sender::Context;
use super::service::{Answer, Hold};

/// A value the extension holds in `chrome.storage.session` (in memory; never a secret).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// The values kept for the Anypoint tab.
    Kept,
    /// The values the admin last checked in the popup, until they keep them (`KeepChecked`).
    Checked,
    /// Values a form's Issuer loaded, until the admin keeps them in the popup (`KeepOffered`).
    Offered,
    /// What the last "Check with Okta" proved, for the checklist.
    Proof,
    /// The host of the Anypoint page where the client provider form was last seen: the admin's control plane.
    Plane,
    /// The provider the admin made from Okta, as the page showed it: its name, the environments it was chosen for.
    Made,
    /// The introspection client the extension created in Okta (its org and name, never its secret).
    Created,
}

impl Slot {
    /// Its storage key.
    pub fn key(self) -> &'static str {
        match self {
            Self::Kept => "keptDraft",
            Self::Checked => "checkedDraft",
            Self::Offered => "offeredDraft",
            Self::Proof => "checkProof",
            Self::Plane => "controlPlane",
            Self::Made => "madeProvider",
            Self::Created => "introspectionCreated",
        }
    }
}

/// Which hosts the admin granted count for the documents a request may load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granted {
    /// It loads nothing.
    None,
    /// The custom domains the admin granted (loads a page starts: issuer first, Compare, admin links, checks).
    CustomDomains,
    /// Every host the admin granted (the popup's loads: what the admin typed there).
    All,
}

/// What answering a request needs from the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Needs {
    /// The stored draft the answer reads as `Situation::kept`, and whether it may do without it when storage
    /// fails (a scan only shows where kept values came from).
    pub kept: Option<(Slot, bool)>,
    /// `Situation::offered`.
    pub offered: bool,
    /// `Situation::proof`.
    pub proof: bool,
    /// `Situation::plane`.
    pub plane: bool,
    /// `Situation::made`.
    pub made: bool,
    /// `Situation::created`.
    pub created: bool,
    /// Which granted hosts count.
    pub granted: Granted,
}

/// What answering `request`, asked from `context`, needs from the browser (from `Request::profile`). A document to
/// load is said by `service::document_to_load` once the kept draft is known.
pub fn needs(request: &Request, context: &Context) -> Needs {
    let profile = request.profile();
    let kept = match profile.draft {
        Reads::Nothing => None,
        Reads::Kept => Some((Slot::Kept, false)),
        Reads::KeptIfStored => Some((Slot::Kept, true)),
        Reads::Checked => Some((Slot::Checked, false)),
    };
    let granted = match (profile.loads, context) {
        (false, _) => Granted::None,
        (true, Context::ExtensionPage) => Granted::All,
        (true, _) => Granted::CustomDomains,
    };
    Needs { kept, offered: profile.offered, proof: profile.checklist, plane: profile.checklist, made: profile.made || profile.checklist, created: profile.checklist, granted }
}

/// A value as stored (its slot says what it is).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Stored<'a> {
    /// A draft (kept, checked or offered values).
    Draft(&'a AnypointDraft),
    /// What a check proved.
    Proof(&'a CheckProof),
    /// A host.
    Host(&'a str),
    /// The provider made from Okta.
    Made(&'a MadeProvider),
    /// The introspection client created.
    Created(&'a CreatedClient),
}

/// The change a `Hold` of `slot` asks for, if any.
fn hold(slot: Slot, hold: &Hold) -> Option<Change<'_>> {
    match hold {
        Hold::Leave => None,
        Hold::Set(draft) => Some(Change::Set(slot, Stored::Draft(draft))),
        Hold::Clear => Some(Change::Remove(slot)),
    }
}

/// One change to storage that an answer asks for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Change<'a> {
    /// Store this value in the slot.
    Set(Slot, Stored<'a>),
    /// Empty the slot.
    Remove(Slot),
}

impl Change<'_> {
    /// Whether failing to make it fails the answer. A check's proof only marks the checklist and the plane only
    /// steers its links: losing them loses the marks or the links, not the check or the scan.
    pub fn must_succeed(&self) -> bool {
        !matches!(self, Self::Set(Slot::Proof | Slot::Plane | Slot::Made | Slot::Created, _))
    }
}

/// The changes `answer` asks for, in order. `read`: the slot of the draft the request read (`Needs::kept`).
pub fn changes(answer: &Answer, read: Option<Slot>) -> Vec<Change<'_>> {
    let mut changes: Vec<Change<'_>> = Vec::new();
    // Of an org the policy does not allow: gone before anything new is stored.
    changes.extend(read.filter(|_| answer.dropped.read).map(Change::Remove));
    if answer.dropped.read && read == Some(Slot::Kept) || answer.dropped.proof {
        changes.push(Change::Remove(Slot::Proof));
    }
    changes.extend(answer.dropped.offered.then_some(Change::Remove(Slot::Offered)));
    changes.extend(answer.keep.as_ref().map(|draft| Change::Set(Slot::Kept, Stored::Draft(draft))));
    changes.extend(hold(Slot::Checked, &answer.checked));
    changes.extend(hold(Slot::Offered, &answer.offer));
    changes.extend(answer.proof.as_ref().map(|proof| Change::Set(Slot::Proof, Stored::Proof(proof))));
    changes.extend(answer.plane.as_deref().map(|host| Change::Set(Slot::Plane, Stored::Host(host))));
    changes.extend(answer.made.as_ref().map(|made| Change::Set(Slot::Made, Stored::Made(made))));
    changes.extend(answer.created.as_ref().map(|created| Change::Set(Slot::Created, Stored::Created(created))));
    if answer.forget {
        changes.extend([Slot::Kept, Slot::Proof, Slot::Offered, Slot::Made, Slot::Created].map(Change::Remove));
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::protocol::Response;

    #[test]
    fn each_request_reads_only_what_it_needs() {
        let popup = Context::ExtensionPage;
        let form = Context::AnypointPage { host: "anypoint.mulesoft.com".into() };
        let keep_checked = needs(&Request::KeepChecked, &popup);
        assert_eq!(keep_checked.kept, Some((Slot::Checked, false)), "the popup keeps what it checked");
        assert_eq!(needs(&Request::ClassifyForm { controls: Vec::new() }, &form).kept, Some((Slot::Kept, true)));
        assert_eq!(needs(&Request::GetChecklist, &popup), Needs { kept: Some((Slot::Kept, false)), offered: false, proof: true, plane: true, made: true, created: true, granted: Granted::None });
        // The popup's loads may reach every granted host; a page's, only the custom domains.
        assert_eq!(needs(&Request::FetchMetadata { input: String::new(), keep: false }, &popup).granted, Granted::All);
        assert_eq!(needs(&Request::PlanFill { values: Default::default() }, &form).granted, Granted::CustomDomains);
        assert_eq!(needs(&Request::GetKept, &popup).granted, Granted::None);
        assert!(needs(&Request::KeepOffered { issuer: String::new() }, &popup).offered);
    }

    #[test]
    fn answers_say_what_changes_in_storage() {
        let draft = AnypointDraft::from_metadata(
            &crate::core::metadata::inspect_metadata(
                include_str!("../../tests/fixtures/org.openid-configuration.json"),
                "https://acme.okta.com/.well-known/openid-configuration",
            )
            .metadata
            .unwrap(),
            0,
        );
        let forget = Answer { forget: true, ..Response::NotMetadata.into() };
        assert_eq!(changes(&forget, None), [Change::Remove(Slot::Kept), Change::Remove(Slot::Proof), Change::Remove(Slot::Offered), Change::Remove(Slot::Made), Change::Remove(Slot::Created)]);
        let kept_offer = Answer { keep: Some(draft.clone()), offer: Hold::Clear, ..Response::NotMetadata.into() };
        assert_eq!(changes(&kept_offer, None), [Change::Set(Slot::Kept, Stored::Draft(&draft)), Change::Remove(Slot::Offered)]);
        let seen = Answer { plane: Some("eu1.anypoint.mulesoft.com".into()), ..Response::NotMetadata.into() };
        assert_eq!(changes(&seen, None), [Change::Set(Slot::Plane, Stored::Host("eu1.anypoint.mulesoft.com"))]);
        assert!(!changes(&seen, None)[0].must_succeed(), "a scan does not fail for want of storage");
        assert!(changes(&Response::NotMetadata.into(), None).is_empty());
        let proof = CheckProof { issuer: draft.issuer.clone(), at: 0, passed: Vec::new() };
        let checked = Answer { proof: Some(proof.clone()), ..Response::NotMetadata.into() };
        assert!(!changes(&checked, None)[0].must_succeed(), "losing a proof loses marks, not the check");
        // Keys are distinct: no two slots share storage.
        let keys = [Slot::Kept, Slot::Checked, Slot::Offered, Slot::Proof, Slot::Plane, Slot::Made, Slot::Created].map(Slot::key);
        assert_eq!(keys.iter().collect::<std::collections::BTreeSet<_>>().len(), keys.len());
    }
}
