//! The one message protocol between the thin JS hands (content scripts, pages) and the Rust core in the
//! service worker. The envelope carries the version, so that a content script left from an older extension
//! version gets a clear answer instead of a silent failure.
//!
//! Who may send which request is decided in `sender.rs`; the worker passes the browser's account of the sender
//! with every message.
//!
//! Wire shape: `{v: 3, request: {fieldHints: {field, value, others}}}` (a request is an object with one key,
//! its name; `"getKept"` alone for a request without data). Responses are objects tagged by `kind`.
//! Requests are externally tagged because decoding an internally tagged enum buffers every message through
//! serde's generic `Content` type, which cost ~25 KB of wasm.

use serde::{Deserialize, Serialize};

use super::checklist::ChecklistStep;
use super::classify::{Classification, ControlSnapshot};
use super::draft::AnypointDraft;
use super::environments::ProviderChoice;
use super::okta_create::{CreateAction, CreateChoice, Made};
use super::fields::AnypointField;
use super::fill::FillPlan;
use super::hints::{FormValues, Hint};
use super::okta_check::CheckLine;
use super::problem::Problem;
use super::ui_text::{BarTexts, PanelTexts};

/// Bumped on any incompatible change. The scripts get it at build time (`assist-layout` → shared/core_constants.js).
pub const PROTOCOL_VERSION: u32 = 3;

/// What every message carries: the protocol version and one request.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct Envelope {
    /// [`PROTOCOL_VERSION`] of the sender.
    pub v: u32,
    /// What is asked.
    pub request: Request,
}

/// Everything the core can be asked. Who may ask each, and what answering it needs: [`Request::profile`].
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
#[allow(missing_docs)] // each variant's fields are described with the variant
pub enum Request {
    /// Okta page: is the sender's page a metadata document? (asked before the page is read).
    RecognisePage,
    /// Okta page: the page's text (empty when longer than the core accepts) and its full length.
    InspectMetadata { text: String, length: usize },
    /// Okta page: keep the document's values for the Anypoint tab (in `chrome.storage.session`).
    KeepMetadata { text: String, length: usize },
    /// Okta admin console: which of these link targets (absolute hrefs, in page order) are Metadata URIs of
    /// this org, worth a "Use in Anypoint" button. Refused on pages that hold API tokens. `page`: the address
    /// the script sees now (the browser's account of the sender is not updated by the app's `pushState`).
    RecogniseLinks {
        hrefs: Vec<String>,
        #[serde(default)]
        page: String,
    },
    /// Okta admin console: load the Metadata URI a link points to (under the fetch policy), keep its values.
    KeepLinkedMetadata {
        href: String,
        #[serde(default)]
        page: String,
    },
    /// Anypoint page: which control of this snapshot is which field, and is it the client provider form.
    ClassifyForm { controls: Vec<ControlSnapshot> },
    /// Anypoint page: what to fill, given the current values of the (shareable) fields found on the page.
    PlanFill { values: FormValues },
    /// Anypoint page (the edit page of an existing provider): load the typed Issuer's live metadata and say
    /// which fields differ from it.
    CompareWithOkta { values: FormValues },
    /// Anypoint page: hints for one field while the admin types; `others` holds only shareable fields.
    FieldHints { field: AnypointField, value: String, others: FormValues },
    /// Anypoint page, on the admin's click of "Check with Okta": check the filled form against the Issuer's Okta
    /// org. `values` holds the shareable fields; the header and the secret cross only in this request.
    CheckWithOkta { values: FormValues, header: String, secret: String },
    /// Anypoint page: a message the page showed that may be Anypoint's error about the OpenID provider.
    ExplainError { text: String },
    /// Anypoint page, on the admin's own move only (the context menu "Fill with Okta value ▸ Issuer" on a field,
    /// or the keyboard command in a field of a form that was not recognised): the kept value of `field`, or of the
    /// field that `control` is by its own words. Only kept values: nothing the page wrote is ever a source.
    FillOne {
        #[serde(default)]
        field: Option<AnypointField>,
        #[serde(default)]
        control: Option<ControlSnapshot>,
    },
    /// Anypoint page, on the admin's first click of "Create the introspection client in Okta": look for a client of
    /// that name in the kept org and say what the confirming click will do. The header crosses only in this
    /// request and the next.
    LookUpIntrospectionClient { values: FormValues, header: String },
    /// Anypoint page, on the admin's confirming click: do what the lookup offered (`action`).
    MakeIntrospectionClient { values: FormValues, header: String, action: CreateAction },
    /// Anypoint page, on the admin's click of the form's Create (the core decides by the button's words): the
    /// provider's name as typed, remembered as seen for the environments step.
    ProviderSaved { name: String, button: String },
    /// Anypoint page, once the helper chose the provider `name` in an environment's dialog on the admin's click:
    /// the environment, as the dialog names it.
    ProviderChosen { name: String, environment: String },
    /// Anypoint page, for the popup's "Copy a report of this form": the snapshot as a report the admin reads
    /// before copying it (no values; text that is not a label masked).
    ReportForm { controls: Vec<ControlSnapshot> },
    /// Popup: the values kept so far, if any.
    GetKept,
    /// Popup: the setup checklist, with what the extension proved.
    GetChecklist,
    /// Popup: forget the kept values.
    ForgetKept,
    /// Popup: load a metadata document by what the admin typed (org, issuer or Metadata URI) under the fetch
    /// policy and report on it. A valid document is held as "checked" (`keep: false`) or kept (`keep: true`).
    FetchMetadata { input: String, keep: bool },
    /// Popup: keep the document the admin just checked, as checked: no second fetch in between.
    KeepChecked,
    /// Popup, on the admin's click: keep the values the Anypoint form loaded from its Issuer (held as offered),
    /// if they are still those of `issuer`, the one the admin was shown.
    KeepOffered { issuer: String },
}

/// The three kinds of the extension's pages a request can come from (`sender::Context` adds which page).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    /// The content script on an Okta page: a metadata document, or the admin console.
    OktaPage,
    /// The content script on an Anypoint page: the client provider form.
    AnypointPage,
    /// The extension's own pages: the popup.
    ExtensionPage,
}

/// The stored draft an answer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reads {
    /// None.
    Nothing,
    /// The kept values.
    Kept,
    /// The kept values when storage gives them (a scan only shows where kept values came from; a check keeps
    /// its proof only for the kept issuer).
    KeptIfStored,
    /// The values the admin last checked in the popup.
    Checked,
}

/// Everything about a request besides its data, declared once per request in [`Request::profile`]: who may ask
/// it (`sender::permit`), what answering it needs from the browser (`gather::needs`), and whether the glue may
/// answer it at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Profile {
    /// Its name on the wire, for messages.
    pub name: &'static str,
    /// The one kind of page that may ask it.
    pub from: Surface,
    /// The stored draft it reads.
    pub draft: Reads,
    /// Whether it reads the values a form offered.
    pub offered: bool,
    /// Whether it reads what the checklist shows: the last check's proof and the control plane.
    pub checklist: bool,
    /// Whether it reads the provider the admin made from Okta, as the page showed it (`environments.rs`).
    pub made: bool,
    /// Whether it may load documents from the network.
    pub loads: bool,
    /// Answered from the request and its sender alone: no storage, no network, no hosts the browser must be
    /// asked for, nothing kept by the answer. The glue answers these without an `await`, so the hint of a
    /// keystroke never runs (nor, after a cold start, compiles) the code of the requests that do.
    pub alone: bool,
}

impl Request {
    /// The request's profile: one arm per request, no default.
    pub fn profile(&self) -> Profile {
        use Reads::*;
        use Surface::*;
        let asked = |name, from, draft, loads| Profile { name, from, draft, loads, offered: false, checklist: false, made: false, alone: false };
        match self {
            Self::RecognisePage => Profile { alone: true, ..asked("recognisePage", OktaPage, Nothing, false) },
            Self::InspectMetadata { .. } => asked("inspectMetadata", OktaPage, Nothing, true),
            Self::KeepMetadata { .. } => asked("keepMetadata", OktaPage, Nothing, true),
            Self::RecogniseLinks { .. } => Profile { alone: true, ..asked("recogniseLinks", OktaPage, Nothing, false) },
            Self::KeepLinkedMetadata { .. } => asked("keepLinkedMetadata", OktaPage, Nothing, true),
            Self::ClassifyForm { .. } => Profile { made: true, ..asked("classifyForm", AnypointPage, KeptIfStored, false) },
            Self::PlanFill { .. } => asked("planFill", AnypointPage, Kept, true),
            Self::CompareWithOkta { .. } => asked("compareWithOkta", AnypointPage, Nothing, true),
            Self::FieldHints { .. } => Profile { alone: true, ..asked("fieldHints", AnypointPage, Nothing, false) },
            Self::CheckWithOkta { .. } => asked("checkWithOkta", AnypointPage, KeptIfStored, true),
            Self::ExplainError { .. } => Profile { alone: true, ..asked("explainError", AnypointPage, Nothing, false) },
            Self::FillOne { .. } => asked("fillOne", AnypointPage, Kept, false),
            Self::LookUpIntrospectionClient { .. } => asked("lookUpIntrospectionClient", AnypointPage, Kept, true),
            Self::MakeIntrospectionClient { .. } => asked("makeIntrospectionClient", AnypointPage, Kept, true),
            Self::ProviderSaved { .. } => asked("providerSaved", AnypointPage, Nothing, false),
            Self::ProviderChosen { .. } => Profile { made: true, ..asked("providerChosen", AnypointPage, Nothing, false) },
            Self::ReportForm { .. } => Profile { alone: true, ..asked("reportForm", AnypointPage, Nothing, false) },
            Self::GetKept => Profile { offered: true, ..asked("getKept", ExtensionPage, Kept, false) },
            Self::GetChecklist => Profile { checklist: true, ..asked("getChecklist", ExtensionPage, Kept, false) },
            Self::ForgetKept => asked("forgetKept", ExtensionPage, Nothing, false),
            Self::FetchMetadata { .. } => asked("fetchMetadata", ExtensionPage, Nothing, true),
            Self::KeepChecked => asked("keepChecked", ExtensionPage, Checked, false),
            Self::KeepOffered { .. } => Profile { offered: true, ..asked("keepOffered", ExtensionPage, Nothing, false) },
        }
    }

    /// The request's name on the wire, for messages.
    pub fn name(&self) -> &'static str {
        self.profile().name
    }

    /// Whether the core answers from the request and its sender alone ([`Profile::alone`]).
    pub fn answered_alone(&self) -> bool {
        self.profile().alone
    }
}

/// One value of the copy-assist panel, labelled with the Anypoint field it goes into.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PanelRow {
    /// The Anypoint field the value goes into.
    pub field: AnypointField,
    /// Its label in Anypoint.
    pub label: &'static str,
    /// The accessible name of its copy button ("Copy Issuer").
    pub copy_label: String,
    /// The value, when the document has one.
    pub value: Option<String>,
}

/// Values the Anypoint form loaded from the Issuer it holds, not kept: a page can write any Issuer, so only the
/// admin's confirmation, with the org's full host in view, keeps them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Offered {
    /// The issuer the values belong to (what `KeepOffered` names).
    pub issuer: String,
    /// Where they were loaded from, in full (`acme-eu.okta-emea.com`).
    pub host: String,
    /// What they are, with the host: "Loaded by the Anypoint form from its Issuer: …".
    pub message: String,
    /// The confirming button's words, with the host.
    pub keep_label: String,
}

/// Every answer, tagged by `kind`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")]
#[allow(missing_docs)] // each field is named for what it carries
pub enum Response {
    /// The URL is not a metadata URL: the page should show nothing.
    NotMetadata,
    /// The page is a metadata URL: send its text if it is at most `max_bytes` long.
    MetadataPage { max_bytes: usize },
    /// Which links (indices into the hrefs asked about) get a "Use in Anypoint" button, and its words.
    /// `page_read`: false on a page that is never read (it may show API tokens): send no links from it.
    MetadataLinks { links: Vec<usize>, button: String, page_read: bool },
    /// What the document holds and what is wrong with it, for the copy-assist panel.
    MetadataReport {
        valid: bool,
        /// e.g. "authorization server \"default\" of dev-12345678".
        title: String,
        rows: Vec<PanelRow>,
        problems: Vec<Problem>,
        texts: PanelTexts,
    },
    /// Values kept for the Anypoint tab.
    Kept { draft: AnypointDraft, message: String },
    /// Nothing kept: where to get it; and values a form loaded, if any, for the admin to keep.
    NothingKept { message: String, offered: Option<Offered> },
    /// The address is on a host the extension may not load from until the admin allows it (their click in the
    /// popup asks the browser for `origin`).
    HostNotGranted { host: String, origin: String, message: String, grant_label: String },
    /// The kept values were forgotten.
    Forgotten { message: String },
    /// Which control is which field; the bar's words, with where kept values came from. On a page without the
    /// form, an environment's client provider choice, if it shows one.
    FormClassified { classification: Classification, bar: BarTexts, choice: Option<ProviderChoice> },
    /// Noted (what the page showed, for the checklist).
    Noted,
    /// What the confirming click will do in Okta, with the org's full host: one choice per button.
    IntrospectionClientOffered { message: String, choices: Vec<CreateChoice> },
    /// The introspection client made (or given a new secret): its id and secret go into the form, the secret
    /// into the Client Secret control only.
    IntrospectionClientMade { made: Made },
    /// What to fill.
    /// `source`: where the values came from now, for the bar's source line (none for a comparison); for values
    /// loaded from the form's Issuer, that they are not kept and where to keep them.
    FillPlanned { plan: FillPlan, source: Option<String> },
    /// Hints for one field.
    Hints { field: AnypointField, hints: Vec<Hint> },
    /// The result of "Check with Okta": one line per check, and a summary.
    OktaChecked { lines: Vec<CheckLine>, summary: String },
    /// The kept value for one field (`FillOne`), and what to tell the admin once it is written.
    OneFilled { field: AnypointField, value: String, message: String },
    /// The report of a form (`ReportForm`): whether the classifier recognised it, and the report's text.
    FormReported { recognised: bool, report: String },
    /// The likely cause of an Anypoint error about the OpenID provider; `None` when the text is no such error.
    ErrorExplained { explanation: Option<String> },
    /// The setup checklist, for the control plane where the form was last seen (`plane`, its host; US when none
    /// was), named as the admin knows it (`plane_name`).
    Checklist { steps: Vec<ChecklistStep>, plane: String, plane_name: String },
    /// The request could not be answered (bad shape, old version, refused sender, failed fetch): what to do.
    Failure { message: String },
}
