//! The one message protocol between the thin JS hands (content scripts, pages) and the Rust core in the
//! service worker. The envelope carries the version, so that a content script left from an older extension
//! version gets a clear answer instead of a silent failure.
//!
//! Wire shape: `{v: 2, request: {fieldHints: {field, value, others}}}` (a request is an object with one key,
//! its name; `"getKept"` alone for a request without data). Responses are objects tagged by `kind`.
//! Requests are externally tagged because decoding an internally tagged enum buffers every message through
//! serde's generic `Content` type, which cost ~25 KB of wasm.

use serde::{Deserialize, Serialize};

use super::classify::{Classification, ControlSnapshot};
use super::draft::AnypointDraft;
use super::fields::AnypointField;
use super::fill::FillPlan;
use super::hints::{FormValues, Hint};
use super::problem::Problem;

/// Bumped on any incompatible change. `extension/content/messaging.js` states the same number (a test checks).
pub const PROTOCOL_VERSION: u32 = 2;

#[derive(Debug, Clone, Deserialize)]
pub struct Envelope {
    pub v: u32,
    pub request: Request,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Request {
    /// A page that may be a metadata document: its URL and text.
    InspectMetadata { url: String, text: String },
    /// Keep the document's values for the Anypoint tab (in `chrome.storage.session`).
    KeepMetadata { url: String, text: String },
    /// Which control of this snapshot is which field, and is it the client provider form.
    ClassifyForm { controls: Vec<ControlSnapshot> },
    /// What to fill into this snapshot from the kept values.
    PlanFill { controls: Vec<ControlSnapshot> },
    /// Hints for one field while the admin types.
    FieldHints { field: AnypointField, value: String, others: FormValues },
    /// The values kept so far, if any.
    GetKept,
    /// Load a metadata document by what the admin typed (org, issuer or Metadata URI) and report on it,
    /// keeping its values when `keep`. The worker fetches it (gloo-net), then answers as for `inspectMetadata`.
    FetchMetadata { input: String, keep: bool },
}

impl Request {
    /// Whether answering needs the kept draft from storage.
    pub fn needs_kept(&self) -> bool {
        matches!(self, Self::PlanFill { .. } | Self::GetKept)
    }
}

/// One value of the copy-assist panel, labelled with the Anypoint field it goes into.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PanelRow {
    pub field: AnypointField,
    pub label: &'static str,
    pub value: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Response {
    /// The URL is not a metadata URL: the page should show nothing.
    NotMetadata,
    MetadataReport {
        valid: bool,
        /// e.g. "authorization server \"default\" of dev-12345678".
        title: String,
        rows: Vec<PanelRow>,
        problems: Vec<Problem>,
    },
    Kept { draft: AnypointDraft, message: String },
    NothingKept { message: String },
    FormClassified { classification: Classification },
    FillPlanned { plan: FillPlan },
    Hints { field: AnypointField, hints: Vec<Hint> },
    /// The request could not be understood (bad shape, old version): what to do about it.
    Failure { message: String },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_scripts_speak_this_protocol_version() {
        let messaging = include_str!("../../extension/content/messaging.js");
        assert!(
            messaging.contains(&format!("const PROTOCOL_VERSION = {PROTOCOL_VERSION};")),
            "extension/content/messaging.js must state PROTOCOL_VERSION = {PROTOCOL_VERSION}"
        );
    }
}
