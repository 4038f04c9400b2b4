//! The core's answer to each request: pure, so the whole protocol is tested natively. Storage, the clock,
//! the network and the sender check are the caller's (`src/ext`): it checks the sender (`sender::check`),
//! gathers what `gather::needs` and `document_to_load` say (stored values, granted hosts, a loaded document, a
//! check's outcome), and applies the changes `gather::changes` reads from the answer.

use super::after_create::explain_provider_error;
use super::checklist::checklist;
use super::classify::{classify_controls, classify_one};
use super::fields::AnypointField;
use super::form_report::form_report;
use super::environments::{chosen_for, is_create_button, made, provider_choice, MadeProvider};
use super::okta_create::CreatedClient;
use super::policy::{Policy, Switch};
use super::draft::AnypointDraft;
use super::fill::{nothing_kept, plan_fill};
use super::hints::hints_for;
use super::hosts::{okta_org_of, Plane};
use super::okta_check::CheckProof;
use super::metadata::{inspect_metadata_with, Inspection, MetadataLocation, MAX_DOCUMENT_BYTES};
use super::problem::{Problem, ProblemKind};
use super::protocol::{Envelope, PanelRow, Request, Response, PROTOCOL_VERSION};
use super::sender::Context;
use super::ui_text::{bar_texts, panel_texts, time_ago};
use super::words::{say, sentences, text, Finding};
use super::web_url::WebUrl;

/// A response, and what the caller must store.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// What to send back.
    pub response: Response,
    /// A draft to keep for the Anypoint tab.
    pub keep: Option<AnypointDraft>,
    /// The draft the admin checked in the popup, held until they keep it (`KeepChecked`).
    pub checked: Hold,
    /// What to do with the values a form's Issuer loaded (held until the admin keeps them, `KeepOffered`).
    pub offer: Hold,
    /// Forget the kept draft, the check's proof and any offer.
    pub forget: bool,
    /// The host of the Anypoint page where the form was just seen, to remember as the admin's control plane.
    pub plane: Option<String>,
    /// What a "Check with Okta" proved, for the checklist.
    pub proof: Option<CheckProof>,
    /// The provider made from Okta, as the page just showed it.
    pub made: Option<MadeProvider>,
    /// What was read for an org the policy does not allow, to drop (`gather::changes`).
    pub dropped: Dropped,
    /// The introspection client the extension just created in Okta, for the checklist.
    pub created: Option<CreatedClient>,
}

/// Values of an org the policy does not allow, found in storage by an answer: dropped, never used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Dropped {
    /// The draft the request read (`gather::needs`: kept, or checked).
    pub read: bool,
    /// The values a form offered.
    pub offered: bool,
    /// A check's proof.
    pub proof: bool,
}

/// A change to one held draft.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Hold {
    /// Leave it as it is.
    #[default]
    Leave,
    /// Hold this draft.
    Set(AnypointDraft),
    /// Drop it.
    Clear,
}

impl From<Response> for Answer {
    fn from(response: Response) -> Self {
        Self { response, keep: None, checked: Hold::Leave, offer: Hold::Leave, forget: false, plane: None, proof: None, made: None, dropped: Dropped::default(), created: None }
    }
}

/// What the caller knows beyond the request: who asked, what is kept, the time, the hosts the admin granted.
#[derive(Debug, Clone, Copy)]
pub struct Situation<'a> {
    /// The checked sender's context.
    pub context: &'a Context,
    /// The kept draft (for `KeepChecked`: the checked one), when the request needs it (`gather::needs`).
    pub kept: Option<&'a AnypointDraft>,
    /// Milliseconds since 1970.
    pub now: u64,
    /// Custom URL domains the admin granted.
    pub granted_hosts: &'a [String],
    /// What the last "Check with Okta" proved (for `GetChecklist`).
    pub proof: Option<&'a CheckProof>,
    /// Values a form's Issuer loaded, not kept (when the request needs them: `gather::needs`).
    pub offered: Option<&'a AnypointDraft>,
    /// The host of the Anypoint page where the form was last seen (for `GetChecklist`): its control plane.
    pub plane: Option<&'a str>,
    /// The provider made from Okta, as the page showed it (when the request needs it: `gather::needs`).
    pub made: Option<&'a MadeProvider>,
    /// The organisation's policy over the admin's own choices.
    pub policy: &'a Policy,
    /// The introspection client the extension created (for `GetChecklist`).
    pub created: Option<&'a CreatedClient>,
    /// What the glue's requests to Okta for the introspection client came to (`src/ext/okta_create.rs` runs the
    /// core's plan): the answer, and what was created.
    pub written_to_okta: Option<&'a (Response, Option<CreatedClient>)>,
    /// The document `document_to_load` named, as loaded under the fetch policy: its URL and text, or why not.
    pub loaded: Option<&'a Loaded>,
    /// The outcome of "Check with Okta" (`src/ext/okta_check.rs` runs the core's plan): the result and what it
    /// proved.
    pub checked_with_okta: Option<&'a (Response, Option<CheckProof>)>,
}

/// A document as loaded: its URL and text, or the problem that stopped it (policy, network, size, redirect).
pub type Loaded = Result<(String, String), ProblemKind>;

impl<'a> Situation<'a> {
    /// A situation with nothing read from storage and no host granted: the base the caller fills in.
    pub fn at(context: &'a Context, now: u64) -> Self {
        Self { context, kept: None, now, granted_hosts: &[], proof: None, offered: None, plane: None, made: None, policy: &NO_POLICY, created: None, written_to_okta: None, loaded: None, checked_with_okta: None }
    }
}

/// The answer to a message of another protocol version, if it is one.
pub fn version_mismatch(envelope: &Envelope) -> Option<Response> {
    if envelope.v == PROTOCOL_VERSION {
        None
    } else {
        Some(Response::Failure {
            message: say(&Finding::new("versionMismatch").with(envelope.v.to_string()).with(PROTOCOL_VERSION.to_string())),
        })
    }
}

static NO_POLICY: Policy = Policy::NONE;

/// The answer to `request`, asked from `situation.context` (already permitted by `sender::check`). What storage
/// holds of an org the policy does not allow (kept before the policy came) is dropped and not used.
pub fn answer(request: Request, situation: Situation<'_>) -> Answer {
    let policy = situation.policy;
    let allowed = |draft: &&AnypointDraft| policy.allows_url(&draft.issuer);
    let dropped = Dropped {
        read: situation.kept.is_some_and(|d| !allowed(&d)),
        offered: situation.offered.is_some_and(|d| !allowed(&d)),
        proof: situation.proof.is_some_and(|p| !policy.allows_url(&p.issuer)),
    };
    let situation = Situation {
        kept: situation.kept.filter(allowed),
        offered: situation.offered.filter(allowed),
        proof: situation.proof.filter(|p| policy.allows_url(&p.issuer)),
        ..situation
    };
    Answer { dropped, ..answer_allowed(request, situation) }
}

fn answer_allowed(request: Request, situation: Situation<'_>) -> Answer {
    let page_url = match situation.context {
        Context::OktaPage { url } => Some(url.as_str()),
        _ => None,
    };
    match request {
        // Another org than the policy allows: said where the panel would go, and nothing of the page is read.
        Request::RecognisePage => match page_url.map(|url| (MetadataLocation::parse(url), situation.policy.url_refusal(url))) {
            Some((Ok(_), Some(message))) => Response::Failure { message }.into(),
            Some((Ok(_), None)) => Response::MetadataPage { max_bytes: MAX_DOCUMENT_BYTES }.into(),
            _ => Response::NotMetadata.into(),
        },
        Request::InspectMetadata { length, .. } | Request::KeepMetadata { length, .. } if length > MAX_DOCUMENT_BYTES => {
            report(&Inspection { metadata: None, problems: vec![ProblemKind::TooLarge { bytes: length }.into()] }).into()
        }
        // A page's report is only shown: "checked" is the popup's (what its "Use in Anypoint" keeps).
        Request::InspectMetadata { text, .. } => match page_url {
            Some(url) => Answer { checked: Hold::Leave, ..answer_document(url, &text, false, situation) },
            None => Response::NotMetadata.into(),
        },
        Request::KeepMetadata { text, .. } => match page_url {
            Some(url) => answer_document(url, &text, true, situation),
            None => Response::NotMetadata.into(),
        },
        Request::RecogniseLinks { hrefs, page } => {
            // The console of an org the policy does not allow is not read: no link, no button.
            let readable = page_url.and_then(|sender_page| readable_admin_page(sender_page, &page)).filter(|page| situation.policy.allows_url(page));
            let links = readable.map(|page| metadata_links(page, &hrefs)).unwrap_or_default();
            Response::MetadataLinks { links, button: text("panelKeep"), page_read: readable.is_some() }.into()
        }
        // The link's document, loaded as `document_to_load` said (a link of this org on a page that may be read).
        Request::KeepLinkedMetadata { .. } => loaded_document(situation, true),
        Request::ClassifyForm { controls } => {
            let source = situation.kept.map(|draft| provenance(draft, situation.now));
            let classification = classify_controls(&controls);
            let plane = match situation.context {
                Context::AnypointPage { host } if classification.is_client_provider_form => Some(host.clone()),
                _ => None,
            };
            // A form that came with its Issuer filled is an existing provider's: saving it loads the metadata again.
            let issuer = classification.control_for(super::fields::AnypointField::Issuer).and_then(|i| controls.get(i));
            let editing = issuer.is_some_and(|control| control.filled);
            // Not the form: perhaps an environment's dialog, where the provider made from Okta is chosen.
            let choice = if classification.is_client_provider_form { None } else { provider_choice(&controls, situation.made) };
            Answer { plane, ..Response::FormClassified { classification, bar: bar_texts(source, editing, situation.policy), choice }.into() }
        }
        Request::PlanFill { values } => match (situation.kept, situation.loaded) {
            (Some(draft), _) => Response::FillPlanned {
                plan: plan_fill(draft, &values),
                source: Some(provenance(draft, situation.now)),
            }
            .into(),
            // Issuer first: nothing kept, the Issuer's metadata loaded (`issuer_to_load`).
            (None, Some(_)) => fill_after_loading(loaded_document(situation, false), &values),
            (None, None) => Response::NothingKept { message: nothing_kept(), offered: None }.into(),
        },
        Request::CompareWithOkta { values } => compare_after_loading(loaded_document(situation, false), &values),
        Request::FieldHints { field, value, others } => {
            Response::Hints { field, hints: hints_for(field, &value, &others) }.into()
        }
        // A new check in the popup replaces the last one, even when it fails: only what was just shown can be kept.
        Request::FetchMetadata { keep, .. } => {
            let answer = loaded_document(situation, keep);
            if answer.checked == Hold::Leave {
                Answer { checked: Hold::Clear, ..answer }
            } else {
                answer
            }
        }
        // The page chose the Issuer checked: what it proved is kept only when that Issuer is the kept one (a check
        // of another org must not erase the proof of the admin's own).
        Request::CheckWithOkta { .. } => match situation.checked_with_okta {
            Some((response, proof)) => {
                let proof = proof.clone().filter(|proof| situation.kept.is_some_and(|draft| proof.is_for(&draft.issuer)));
                // Only the two responses a check gives are copied: cloning any `Response` would link every
                // variant's clone into the wasm.
                let response = match response {
                    Response::OktaChecked { lines, summary } => Response::OktaChecked { lines: lines.clone(), summary: summary.clone() },
                    Response::Failure { message } => Response::Failure { message: message.clone() },
                    _ => Response::Failure { message: text("checkNoResult") },
                };
                Answer { proof, ..response.into() }
            }
            None => Response::Failure { message: text("checkNothing") }.into(),
        },
        Request::ExplainError { text } => Response::ErrorExplained { explanation: explain_provider_error(&text) }.into(),
        Request::FillOne { field: Some(_), .. } if !situation.policy.allows(Switch::ContextMenu) => {
            Response::Failure { message: situation.policy.switched_off(Switch::ContextMenu) }.into()
        }
        Request::FillOne { field, control } => {
            fill_one(field.or_else(|| control.as_ref().and_then(classify_one)), situation.kept, situation.now).into()
        }
        Request::LookUpIntrospectionClient { .. } | Request::MakeIntrospectionClient { .. } => match situation.written_to_okta {
            // Only the responses this flow gives are copied (cloning any `Response` links every variant's clone).
            Some((response, created)) => {
                let response = match response {
                    Response::IntrospectionClientOffered { message, choices } => {
                        Response::IntrospectionClientOffered { message: message.clone(), choices: choices.clone() }
                    }
                    Response::IntrospectionClientMade { made } => Response::IntrospectionClientMade { made: made.clone() },
                    Response::Failure { message } => Response::Failure { message: message.clone() },
                    _ => Response::Failure { message: text("checkNoResult") },
                };
                Answer { created: created.clone(), ..response.into() }
            }
            None => Response::Failure { message: text("checkNothing") }.into(),
        },
        Request::ProviderSaved { name, button } => {
            Answer { made: is_create_button(&button).then(|| made(&name, situation.now)).flatten(), ..Response::Noted.into() }
        }
        // Chosen by the helper on the admin's click: for the provider remembered at Create; with none remembered, the
        // one chosen (the only one named after Okta). Another name never replaces the one remembered.
        Request::ProviderChosen { name, environment } => {
            let base = match situation.made {
                Some(made) if made.name.trim().eq_ignore_ascii_case(name.trim()) => Some(made.clone()),
                Some(_) => None,
                None => made(&name, situation.now),
            };
            Answer { made: base.map(|m| chosen_for(&m, &environment)), ..Response::Noted.into() }
        }
        Request::ReportForm { controls } => {
            let (recognised, report) = form_report(&controls);
            Response::FormReported { recognised, report }.into()
        }
        Request::GetChecklist => {
            let plane = situation.plane.map(Plane::of_seen_host).unwrap_or_default();
            let steps = checklist(situation.kept, situation.proof, situation.made, situation.created, &plane, situation.now);
            Response::Checklist { steps, plane: plane.host().to_string(), plane_name: plane.name() }.into()
        }
        Request::GetKept => match situation.kept {
            Some(draft) => Response::Kept { draft: draft.clone(), message: provenance(draft, situation.now) },
            None => Response::NothingKept { message: nothing_kept(), offered: situation.offered.map(offered) },
        }
        .into(),
        // Kept only if the offer is still the one the admin was shown (a page may have loaded another since).
        Request::KeepOffered { issuer } => match situation.offered.filter(|draft| draft.issuer == issuer) {
            Some(draft) => Answer { offer: Hold::Clear, ..kept_now(draft, situation.now) },
            None => Response::Failure { message: say(&Finding::new("keepNoLongerOffered").with(Finding::new("barFill"))) }.into(),
        },
        Request::ForgetKept => Answer {
            response: Response::Forgotten { message: text("forgotKept") },
            forget: true,
            ..Response::NotMetadata.into()
        },
        Request::KeepChecked => match situation.kept {
            Some(checked) => kept_now(checked, situation.now),
            None => Response::Failure { message: text("keepNothingChecked") }.into(),
        },
    }
}

/// Where a pasted document is checked as coming from, and which host that grants: the address the admin typed
/// (its host counts as granted, as in `assist-check`), or (when none) the OpenID configuration of the issuer the
/// document names, which grants nothing: a document can name any host. `Err`: the problem to report.
pub fn pasted_document_url(text: &str, given: &str) -> Result<Pasted, ProblemKind> {
    let given = given.trim();
    if !given.is_empty() {
        let granted = WebUrl::parse(given).map(|url| vec![url.host().to_string()]).unwrap_or_default();
        return Ok(Pasted { url: given.to_string(), assumed: false, granted });
    }
    match crate::core::metadata::read_document(text)?.issuer {
        crate::core::json_document::Found::Text(issuer) => {
            let url = format!("{}/.well-known/openid-configuration", issuer.trim_end_matches('/'));
            Ok(Pasted { url, assumed: true, granted: Vec::new() })
        }
        _ => Err(ProblemKind::MissingField { field: "issuer".to_string() }),
    }
}

/// A pasted document's address (`pasted_document_url`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pasted {
    /// The address it is checked as loaded from.
    pub url: String,
    /// Whether that address was taken from the document (nothing typed).
    pub assumed: bool,
    /// The hosts that count as granted for it: the typed address's, never a guessed one's.
    pub granted: Vec<String>,
}

/// The document the glue must load before the core can answer `request`: what the admin typed in the popup, an
/// admin console link, the Issuer of a fill (nothing kept) or of a comparison. `Ok(None)`: no document needed;
/// `Err`: the request is refused as it stands.
#[allow(clippy::result_large_err)] // answered once per message, never stored
/// `policy`: no request to an org it does not allow, nor one it switched off.
pub fn document_to_load(request: &Request, context: &Context, kept: Option<&AnypointDraft>, policy: &Policy) -> Result<Option<String>, Response> {
    let to_load = document_asked(request, context, kept, policy)?;
    let url = to_load.as_deref().and_then(|input| super::metadata::metadata_url_for(input).ok());
    match url.and_then(|url| policy.url_refusal(&url)) {
        Some(message) => Err(Response::Failure { message }),
        None => Ok(to_load),
    }
}

#[allow(clippy::result_large_err)]
fn document_asked(request: &Request, context: &Context, kept: Option<&AnypointDraft>, policy: &Policy) -> Result<Option<String>, Response> {
    let refused = |key| Response::Failure { message: text(key) };
    let issuer_first = || match policy.allows(Switch::IssuerFirst) {
        true => Ok(()),
        false => Err(Response::Failure { message: policy.switched_off(Switch::IssuerFirst) }),
    };
    Ok(match request {
        Request::FetchMetadata { input, .. } => Some(input.clone()),
        Request::KeepLinkedMetadata { href, page } => {
            let sender_page = match context {
                Context::OktaPage { url } => url.as_str(),
                _ => "",
            };
            let url = readable_admin_page(sender_page, page)
                .and_then(|page| linked_metadata_url(page, href))
                .ok_or_else(|| refused("refusedLink"))?;
            Some(url)
        }
        Request::CompareWithOkta { values } => {
            issuer_first()?;
            let url = issuer_metadata_url(values)
                .ok_or_else(|| refused("compareNeedsIssuer"))?;
            Some(url)
        }
        // Loaded to fill, never kept by itself: the page may have written that Issuer (`fill_after_loading`).
        // Switched off: the fill says where to get kept values instead.
        Request::PlanFill { values } => issuer_to_load(values, kept).filter(|_| policy.allows(Switch::IssuerFirst)),
        _ => None,
    })
}

/// Why "Check with Okta" is not run for the form's `values`, if it is not: switched off, or the Issuer's org is
/// not one the policy allows (no request is made then).
pub fn check_refusal(values: &crate::core::hints::FormValues, policy: &Policy) -> Option<Response> {
    if !policy.allows(Switch::CheckWithOkta) {
        return Some(Response::Failure { message: policy.switched_off(Switch::CheckWithOkta) });
    }
    let issuer = values.get(&AnypointField::Issuer)?;
    policy.url_refusal(issuer.trim()).map(|message| Response::Failure { message })
}

/// The answer for the document the glue loaded (`Situation::loaded`), kept when `keep`; or why it could not be
/// loaded (a host the admin may grant gets the popup's offer to ask the browser for it).
fn loaded_document(situation: Situation<'_>, keep: bool) -> Answer {
    match situation.loaded {
        Some(Ok((url, text))) => answer_document(url, text, keep, situation),
        Some(Err(problem)) => needs_grant(problem).unwrap_or(Response::Failure { message: problem.to_string() }).into(),
        None => Response::Failure { message: text("nothingLoaded") }.into(),
    }
}

/// The admin console page a script stands on, when it may be read: the browser's URL of the sender and the
/// address the script sees now (`shown`) must both be pages that may be read, on the same host. Chromium does not
/// update the sender's URL when the console's app moves with `pushState` (docs/facts.md), so the browser's
/// account alone would let a token page the app navigated to pass for the page it was loaded as.
pub fn readable_admin_page<'a>(sender_url: &'a str, shown: &str) -> Option<&'a str> {
    let readable = |url: &str| WebUrl::parse(url).ok().filter(|url| crate::core::okta_paths::admin_page_may_be_read(url.path()));
    let (sender, now) = (readable(sender_url)?, readable(shown)?);
    (sender.host() == now.host()).then_some(sender_url)
}

/// On an Okta admin console page that may be read, the indices of `hrefs` that are Metadata URIs of the page's
/// own org. Nothing on other pages (the API token page, metadata documents themselves).
pub fn metadata_links(page: &str, hrefs: &[String]) -> Vec<usize> {
    hrefs.iter().enumerate().filter(|(_, href)| linked_metadata_url(page, href).is_some()).map(|(i, _)| i).collect()
}

/// The Metadata URI a link on the admin console page `page` points to, when the page may be read and the link
/// is a Metadata URI of the page's own org.
pub fn linked_metadata_url(page: &str, href: &str) -> Option<String> {
    let page = WebUrl::parse(page).ok().filter(|p| crate::core::okta_paths::admin_page_may_be_read(p.path()))?;
    let location = MetadataLocation::parse(href).ok()?;
    let host = WebUrl::parse(&location.document_url).ok()?.host().to_string();
    crate::core::hosts::same_okta_org(&host, page.host()).then_some(location.document_url)
}

/// "Issuer first": the Metadata URI to load before filling, when nothing is kept and the form's Issuer holds an
/// Okta issuer (or an org URL). With values kept, the fill uses them (an Issuer that differs is shown as a value
/// the admin typed): a page that writes the Issuer must not replace what the admin kept.
pub fn issuer_to_load(values: &crate::core::hints::FormValues, kept: Option<&AnypointDraft>) -> Option<String> {
    if kept.is_some() {
        return None;
    }
    issuer_metadata_url(values)
}

/// The OpenID configuration URL of the Issuer in the form, when it holds an issuer (https, no query, an Okta
/// issuer path: the org URL or `/oauth2/{id}`).
pub fn issuer_metadata_url(values: &crate::core::hints::FormValues) -> Option<String> {
    let typed = values.get(&crate::core::fields::AnypointField::Issuer)?.trim().trim_end_matches('/');
    if typed.is_empty() {
        return None;
    }
    let url = WebUrl::parse(typed).ok().filter(WebUrl::is_https)?;
    if url.query().is_some() || url.fragment().is_some() {
        return None;
    }
    crate::core::okta_paths::server_of_issuer(url.path())?;
    Some(format!("{typed}/.well-known/openid-configuration"))
}

/// The fill after loading the Issuer's metadata (`answer` is `answer_document(.., keep: false, ..)`): the plan,
/// saying what was loaded, and the draft held as offered, not kept: a value the page wrote never keeps anything
/// by itself (the admin keeps it in the popup, where the org's full host is shown); or why nothing can be filled.
pub fn fill_after_loading(answer: Answer, values: &crate::core::hints::FormValues) -> Answer {
    match (answer.checked, answer.response) {
        (Hold::Set(draft), _) => {
            let mut plan = plan_fill(&draft, values);
            plan.summary = sentences(&[say(&Finding::new("fillLoaded").with(provenance_title(&draft))), plan.summary]);
            let response = Response::FillPlanned { plan, source: Some(offered(&draft).message) };
            Answer { response, offer: Hold::Set(draft), ..Response::NotMetadata.into() }
        }
        (_, Response::MetadataReport { problems, .. }) => {
            Response::Failure { message: unusable("fillUnusable", &problems) }.into()
        }
        (_, other) => other.into(),
    }
}

/// "Compare with Okta" after loading the Issuer's live metadata (`answer` is `answer_document(.., keep:
/// false, ..)`): the differences as a plan; or why the metadata cannot be compared with.
pub fn compare_after_loading(answer: Answer, values: &crate::core::hints::FormValues) -> Answer {
    match answer.response {
        Response::MetadataReport { valid: true, .. } => {
            // A valid report of a check holds the draft as "checked": compared with, not kept.
            match answer.checked {
                Hold::Set(draft) => {
                    Response::FillPlanned { plan: crate::core::fill::compare_with(&draft, values), source: None }.into()
                }
                _ => Response::Failure { message: text("compareUnreadable") }.into(),
            }
        }
        Response::MetadataReport { problems, .. } => {
            Response::Failure { message: unusable("compareUnusable", &problems) }.into()
        }
        other => other.into(),
    }
}

/// Why the Issuer's metadata cannot be used (`key`: for what), and its errors.
fn unusable(key: &'static str, problems: &[Problem]) -> String {
    let errors = problems.iter().filter(|p| p.is_error()).map(|p| p.message.clone());
    sentences(&std::iter::once(text(key)).chain(errors).collect::<Vec<_>>())
}

/// A fetch refused by the policy for want of a grant: the popup offers to ask the browser for that host.
pub fn needs_grant(problem: &ProblemKind) -> Option<Response> {
    let ProblemKind::HostNotGranted { host } = problem else { return None };
    Some(Response::HostNotGranted {
        host: host.clone(),
        origin: format!("https://{host}/*"),
        message: problem.to_string(),
        grant_label: say(&Finding::new("grantLabel").with(host.as_str())),
    })
}

/// Keeps a draft the admin confirmed (checked in the popup, or offered by a form), as of `now`.
fn kept_now(draft: &AnypointDraft, now: u64) -> Answer {
    let draft = AnypointDraft { kept_at: now, ..draft.clone() };
    let message = kept_message(&provenance_title(&draft));
    Answer { response: Response::Kept { draft: draft.clone(), message }, keep: Some(draft), ..Response::NotMetadata.into() }
}

fn kept_message(title: &str) -> String {
    say(&Finding::new("keptMessage").with(title).with(Finding::new("anypointProviderFormPath")).with(Finding::new("barFill")))
}

/// Report on (and, with `keep`, keep) the document `text` read at `url`: what the Okta page and the popup's
/// fetch both end in.
pub fn answer_document(url: &str, text: &str, keep: bool, situation: Situation<'_>) -> Answer {
    if let Some(message) = situation.policy.url_refusal(url) {
        return Response::Failure { message }.into();
    }
    let inspection = inspect_metadata_with(text, url, situation.granted_hosts);
    match &inspection.metadata {
        Some(metadata) if inspection.is_valid() => {
            let draft = AnypointDraft::from_metadata(metadata, situation.now);
            if keep {
                let message = kept_message(&title_of(&inspection));
                Answer { response: Response::Kept { draft: draft.clone(), message }, keep: Some(draft), ..Response::NotMetadata.into() }
            } else {
                Answer { checked: Hold::Set(draft), ..report(&inspection).into() }
            }
        }
        _ => report(&inspection).into(),
    }
}

/// Values a form loaded, as the admin is asked to keep them: with the org's full host, so that a look-alike org
/// name cannot pass for theirs.
fn offered(draft: &AnypointDraft) -> crate::core::protocol::Offered {
    let host = WebUrl::parse(&draft.source_url).map(|u| u.host().to_string()).unwrap_or_default();
    crate::core::protocol::Offered {
        issuer: draft.issuer.clone(),
        message: say(&Finding::new("offeredMessage").with(provenance_title(draft)).with(host.as_str())),
        keep_label: say(&Finding::new("keepLabel").with(host.as_str())),
        host,
    }
}

/// The kept value of one field (`Request::FillOne`): one of the document's five, and only a kept one.
fn fill_one(field: Option<AnypointField>, kept: Option<&AnypointDraft>, now: u64) -> Response {
    let Some(draft) = kept else { return Response::NothingKept { message: nothing_kept(), offered: None } };
    let Some(field) = field.filter(|field| AnypointField::FROM_METADATA.contains(field)) else {
        return Response::Failure { message: say(&Finding::new("fillOneUnknown").with(Finding::new("menuFill"))) };
    };
    match draft.value_of(field) {
        Some(value) => Response::OneFilled {
            field,
            value: value.to_string(),
            message: say(&Finding::new("fillOneDone").with(field.label()).with(provenance(draft, now))),
        },
        None => Response::Failure { message: say(&Finding::new("fillOneNoValue").with(field.label())) },
    }
}

/// Where kept values came from and how old they are: "From authorization server "default" of Okta org
/// dev-1, kept 3 min ago."
fn provenance(draft: &AnypointDraft, now: u64) -> String {
    say(&Finding::new("provenance").with(provenance_title(draft)).with(time_ago(draft.kept_at, now)))
}

fn provenance_title(draft: &AnypointDraft) -> String {
    let host = WebUrl::parse(&draft.source_url).map(|u| u.host().to_string()).unwrap_or_default();
    match okta_org_of(&host) {
        Some(org) => server_of_org(&draft.server, &org),
        None => say(&Finding::new("titleOfHost").with(draft.server.finding()).with(host)),
    }
}

/// "authorization server "default" of Okta org dev-1": how the admin reads where values come from.
fn server_of_org(server: &crate::core::okta_paths::AuthorizationServer, org: &str) -> String {
    say(&Finding::new("titleOfOrg").with(server.finding()).with(org))
}

fn title_of(inspection: &Inspection) -> String {
    match &inspection.metadata {
        Some(m) => match &m.location.okta_org {
            Some(org) => server_of_org(&m.location.server, org),
            None => say(&m.location.server.finding()),
        },
        None => text("thisDocument"),
    }
}

/// The copy-assist report of an inspection (the panel's rows, problems and words).
pub fn report(inspection: &Inspection) -> Response {
    let not_metadata = inspection.problems.iter().any(|p| matches!(p.kind, ProblemKind::NotAMetadataUrl { .. }));
    if not_metadata {
        return Response::NotMetadata;
    }
    let rows = match &inspection.metadata {
        Some(m) => AnypointDraft::from_metadata(m, 0)
            .values()
            .into_iter()
            .map(|(field, value)| PanelRow {
                field,
                label: field.label(),
                copy_label: say(&Finding::new("panelCopyField").with(field.label())),
                value: value.map(str::to_string),
            })
            .collect(),
        None => Vec::new(),
    };
    Response::MetadataReport {
        valid: inspection.is_valid(),
        title: title_of(inspection),
        rows,
        problems: inspection.problems.iter().map(Problem::clone).collect(),
        texts: panel_texts(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::classify::ControlSnapshot;
    use crate::core::hints::FormValues;

    const SAMPLE: &str = include_str!("../../tests/fixtures/org.openid-configuration.json");
    const URL: &str = "https://acme.okta.com/.well-known/openid-configuration";
    const NOW: u64 = 1_800_000_000_000;

    fn envelope(json: &str) -> Envelope {
        serde_json::from_str(json).unwrap()
    }

    fn ask(request: Request, context: &Context, kept: Option<&AnypointDraft>) -> Answer {
        answer(request, Situation { kept, ..Situation::at(context, NOW) })
    }

    fn anypoint() -> Context {
        Context::AnypointPage { host: "anypoint.mulesoft.com".into() }
    }

    fn okta_page(url: &str) -> Context {
        Context::OktaPage { url: url.into() }
    }

    fn keep(text: &str) -> Request {
        Request::KeepMetadata { text: text.into(), length: text.len() }
    }

    /// The glue answers these without storage or network (`Request::answered_alone`): their answers must need
    /// nothing kept and keep nothing, even from a kept draft, on any page that may ask them.
    #[test]
    fn requests_answered_alone_read_and_keep_nothing() {
        let kept = match ask(keep(SAMPLE), &okta_page(URL), None).keep {
            Some(draft) => draft,
            None => panic!("a draft to keep"),
        };
        let alone = [
            r#"{"v":3,"request":{"fieldHints":{"field":"issuer","value":" http://acme.okta.com/ ","others":{}}}}"#,
            r#"{"v":3,"request":"recognisePage"}"#,
            r#"{"v":3,"request":{"recogniseLinks":{"hrefs":["https://acme.okta.com/oauth2/default/.well-known/openid-configuration"]}}}"#,
            r#"{"v":3,"request":{"explainError":{"text":"The OpenID provider returned 401 Unauthorized"}}}"#,
        ];
        let pages = [okta_page(URL), okta_page("https://acme-admin.okta.com/admin/oauth2/as"), anypoint()];
        for json in alone {
            let request = envelope(json).request;
            assert!(request.answered_alone(), "{json}");
            for page in &pages {
                let needs = crate::core::gather::needs(&request, page);
                assert!(needs.kept.is_none() && !needs.offered && !needs.proof && !needs.plane, "{json}");
                assert_eq!(needs.granted, crate::core::gather::Granted::None, "{json}");
                assert!(document_to_load(&request, page, Some(&kept), &Policy::NONE).is_ok_and(|load| load.is_none()), "{json}");
                let answer = ask(request.clone(), page, Some(&kept));
                assert_eq!(crate::core::gather::changes(&answer, None), [], "{json}");
            }
        }
    }

    #[test]
    fn keeping_a_valid_document_stores_its_draft_with_the_time() {
        let answer = ask(keep(SAMPLE), &okta_page(URL), None);
        let kept = answer.keep.expect("a draft to keep");
        assert_eq!(kept.issuer, "https://acme.okta.com");
        assert_eq!(kept.kept_at, NOW);
        assert!(matches!(answer.response, Response::Kept { ref message, .. } if message.contains("Fill from Okta")));
    }

    #[test]
    fn the_document_url_is_the_senders() {
        // The same text on a page that is not a metadata URL: nothing to report, nothing kept.
        let answer = ask(keep(SAMPLE), &okta_page("https://acme.okta.com/app/UserHome"), None);
        assert_eq!(answer.response, Response::NotMetadata);
        assert!(answer.keep.is_none());
        assert_eq!(ask(Request::RecognisePage, &okta_page(URL), None).response, Response::MetadataPage { max_bytes: MAX_DOCUMENT_BYTES });
        assert_eq!(ask(Request::RecognisePage, &okta_page("https://acme.okta.com/app/UserHome"), None).response, Response::NotMetadata);
    }

    #[test]
    fn an_invalid_or_oversized_document_is_reported_not_kept() {
        let answer = ask(keep("<html>"), &okta_page(URL), None);
        assert!(answer.keep.is_none());
        assert!(matches!(answer.response, Response::MetadataReport { valid: false, .. }));
        let huge = ask(Request::KeepMetadata { text: String::new(), length: MAX_DOCUMENT_BYTES + 1 }, &okta_page(URL), None);
        assert!(huge.keep.is_none());
        let Response::MetadataReport { problems, .. } = huge.response else { panic!("a report") };
        assert_eq!(problems[0].kind, ProblemKind::TooLarge { bytes: MAX_DOCUMENT_BYTES + 1 });
    }

    #[test]
    fn the_org_pin_refuses_other_orgs_everywhere_and_drops_what_was_kept_for_them() {
        use crate::core::policy::Settings;
        let pin = |orgs: &[&str], switches| {
            Policy::of(&Settings { okta_orgs: Some(orgs.iter().map(|o| o.to_string()).collect()), switches, ..Default::default() }, &Settings::default())
        };
        let evil = pin(&["evil.okta.com"], [None; 4]);
        let acme = pin(&["acme.okta.com"], [None; 4]);
        let page = okta_page(URL);
        // An Okta page of another org: refused, naming the policy, nothing kept. The pinned org: kept.
        let refused = answer(keep(SAMPLE), Situation { policy: &evil, ..Situation::at(&page, NOW) });
        assert!(refused.keep.is_none());
        let Response::Failure { message } = refused.response else { panic!("refused") };
        assert!(message.contains("(\"oktaOrgs\")") && message.contains("evil.okta.com"), "{message}");
        let kept = answer(keep(SAMPLE), Situation { policy: &acme, ..Situation::at(&page, NOW) }).keep.expect("kept");
        // No request at all to another org: the popup's check, the form's issuer, a check with Okta.
        let fetch = Request::FetchMetadata { input: "acme.okta.com".into(), keep: false };
        assert!(document_to_load(&fetch, &Context::ExtensionPage, None, &evil).is_err());
        assert!(document_to_load(&fetch, &Context::ExtensionPage, None, &acme).unwrap().is_some());
        let issuer = FormValues::from([(AnypointField::Issuer, "https://acme.okta.com".to_string())]);
        assert!(document_to_load(&Request::PlanFill { values: issuer.clone() }, &anypoint(), None, &evil).is_err());
        assert!(check_refusal(&issuer, &evil).is_some() && check_refusal(&issuer, &acme).is_none());
        // Kept before the policy came: dropped at the next read, and not used.
        let form = anypoint();
        let later = answer(Request::PlanFill { values: FormValues::new() }, Situation { kept: Some(&kept), policy: &evil, ..Situation::at(&form, NOW) });
        assert!(matches!(later.response, Response::NothingKept { .. }));
        assert!(later.dropped.read);
        let changes = crate::core::gather::changes(&later, Some(crate::core::gather::Slot::Kept));
        assert!(changes.contains(&crate::core::gather::Change::Remove(crate::core::gather::Slot::Kept)));
        assert!(changes.contains(&crate::core::gather::Change::Remove(crate::core::gather::Slot::Proof)));
        assert!(!answer(Request::PlanFill { values: FormValues::new() }, Situation { kept: Some(&kept), policy: &acme, ..Situation::at(&form, NOW) }).dropped.read);
        // The requests answered alone: another org's metadata page is refused before its text is read, and its
        // admin console is not read at all; the pinned org's are.
        let recognised = |policy| answer(Request::RecognisePage, Situation { policy, ..Situation::at(&page, NOW) }).response;
        assert!(matches!(recognised(&evil), Response::Failure { ref message } if message.contains("oktaOrgs")));
        assert!(matches!(recognised(&acme), Response::MetadataPage { .. }));
        let console = "https://acme-admin.okta.com/admin/oauth2/as";
        let links = |policy| {
            let request = Request::RecogniseLinks { hrefs: vec![URL.to_string()], page: console.into() };
            answer(request, Situation { policy, ..Situation::at(&okta_page(console), NOW) }).response
        };
        assert!(matches!(links(&evil), Response::MetadataLinks { page_read: false, ref links, .. } if links.is_empty()));
        assert!(matches!(links(&acme), Response::MetadataLinks { page_read: true, ref links, .. } if links == &[0]));
    }

    #[test]
    fn a_switched_off_feature_has_no_button_and_makes_no_request() {
        use crate::core::policy::Settings;
        let off = |i: usize| {
            let mut switches = [None; 4];
            switches[i] = Some(false);
            Policy::of(&Settings { switches, ..Default::default() }, &Settings::default())
        };
        let form = anypoint();
        let bar = |policy| match answer(Request::ClassifyForm { controls: Vec::new() }, Situation { policy, ..Situation::at(&form, NOW) }).response {
            Response::FormClassified { bar, .. } => bar,
            _ => panic!("a classification"),
        };
        let (check_off, issuer_first_off, menu_off) = (off(0), off(1), off(2));
        assert!(bar(&check_off).check.is_none() && bar(&check_off).compare.is_some());
        assert!(bar(&issuer_first_off).compare.is_none() && bar(&Policy::NONE).check.is_some());
        let issuer = FormValues::from([(AnypointField::Issuer, "https://acme.okta.com".to_string())]);
        assert!(check_refusal(&issuer, &check_off).is_some(), "no check request");
        assert_eq!(document_to_load(&Request::PlanFill { values: issuer.clone() }, &form, None, &issuer_first_off).unwrap(), None);
        assert!(document_to_load(&Request::CompareWithOkta { values: issuer }, &form, None, &issuer_first_off).is_err());
        let menu = answer(Request::FillOne { field: Some(AnypointField::Issuer), control: None }, Situation { policy: &menu_off, ..Situation::at(&form, NOW) });
        assert!(matches!(menu.response, Response::Failure { ref message } if message.contains("switched off")));
    }

    #[test]
    fn a_choice_of_another_name_never_replaces_the_provider_made_at_create() {
        let form = anypoint();
        let made = answer(Request::ProviderSaved { name: "Okta (prod)".into(), button: "Create".into() }, Situation::at(&form, NOW)).made.unwrap();
        assert!(answer(Request::ProviderSaved { name: "x".into(), button: "Cancel".into() }, Situation::at(&form, NOW)).made.is_none());
        let chosen = |name: &str| answer(Request::ProviderChosen { name: name.into(), environment: "Sandbox".into() }, Situation { made: Some(&made), ..Situation::at(&form, NOW) }).made;
        assert_eq!(chosen("okta (PROD)").unwrap().environments, ["Sandbox"]);
        assert_eq!(chosen("Evil IdP"), None);
    }

    #[test]
    fn one_field_is_filled_only_from_kept_values_and_only_with_the_documents_five() {
        let text = include_str!("../../tests/fixtures/custom-default.openid-configuration.json");
        let url = "https://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration";
        let kept = AnypointDraft::from_metadata(&crate::core::metadata::inspect_metadata(text, url).metadata.unwrap(), 0);
        let fill = |field, control: Option<ControlSnapshot>, kept| ask(Request::FillOne { field, control }, &anypoint(), kept).response;
        // The menu's choice.
        let Response::OneFilled { field, value, message } = fill(Some(AnypointField::TokenUrl), None, Some(&kept)) else { panic!("filled") };
        assert_eq!((field, value.as_str()), (AnypointField::TokenUrl, "https://dev-12345678.okta.com/oauth2/default/v1/token"));
        assert!(message.starts_with("Filled Token URL from Okta."), "{message}");
        // The keyboard command: the field by its own words.
        let issuer = ControlSnapshot { tag: "input".into(), labels: vec!["Issuer".into()], ..Default::default() };
        let Response::OneFilled { field, .. } = fill(None, Some(issuer.clone()), Some(&kept)) else { panic!("filled") };
        assert_eq!(field, AnypointField::Issuer);
        // Nothing kept: nothing to write, and where to get it. A page's Issuer is never a source here.
        assert!(matches!(fill(Some(AnypointField::Issuer), Some(issuer), None), Response::NothingKept { .. }));
        // A field whose words say nothing, or one the document has no value for.
        let unknown = ControlSnapshot { tag: "input".into(), labels: vec!["Endpoint A".into()], ..Default::default() };
        let Response::Failure { message } = fill(None, Some(unknown), Some(&kept)) else { panic!("refused") };
        assert!(message.contains("\"Fill with Okta value\""), "{message}");
        let Response::Failure { message } = fill(Some(AnypointField::AuthorizationHeader), None, Some(&kept)) else { panic!("never the header") };
        assert!(message.contains("does not recognise this field"), "{message}");
        let without = AnypointDraft { token_introspection_url: None, ..kept.clone() };
        let Response::Failure { message } = fill(Some(AnypointField::TokenIntrospectionUrl), None, Some(&without)) else { panic!("no value") };
        assert_eq!(message, "The kept document has no value for Token Introspection URL.");
        crate::core::words::assert_worded_everywhere(&[
            Finding::new("fillOneDone").with("Issuer").with("x"),
            Finding::new("fillOneUnknown").with(Finding::new("menuFill")),
            Finding::new("fillOneNoValue").with("Issuer"),
            Finding::new("reportHeading").with(crate::core::words::Arg::Count(1)),
            Finding::new("reportHeading").with(crate::core::words::Arg::Count(2)),
        ]);
    }

    #[test]
    fn fill_without_kept_values_says_where_to_get_them() {
        let response = ask(Request::PlanFill { values: FormValues::new() }, &anypoint(), None).response;
        assert_eq!(response, Response::NothingKept { message: crate::core::fill::nothing_kept(), offered: None });
    }

    #[test]
    fn the_bar_says_where_kept_values_came_from() {
        let draft = ask(keep(SAMPLE), &okta_page(URL), None).keep.unwrap();
        let page = anypoint();
        let later = Situation { kept: Some(&draft), ..Situation::at(&page, NOW + 3 * 60_000) };
        let Response::FormClassified { bar, .. } = answer(Request::ClassifyForm { controls: Vec::new() }, later).response else {
            panic!("a classification")
        };
        assert_eq!(bar.source.as_deref(), Some("From the org authorization server of Okta org acme, kept 3 min ago."));
        let fill = answer(Request::PlanFill { values: FormValues::from([(AnypointField::Issuer, String::new())]) }, later);
        assert!(matches!(fill.response, Response::FillPlanned { ref plan, .. } if plan.steps.len() == 1));
    }

    #[test]
    fn a_form_that_comes_with_its_issuer_is_told_to_compare_before_save() {
        use crate::core::classify::ControlSnapshot;
        let form = |issuer_filled: bool| {
            ["Issuer", "Client Registration URL", "Authorization Header", "Authorize URL", "Token URL", "Token Introspection URL"]
                .iter()
                .map(|label| ControlSnapshot {
                    tag: "input".into(),
                    input_type: "text".into(),
                    labels: vec![label.to_string()],
                    filled: issuer_filled && *label == "Issuer",
                    ..Default::default()
                })
                .collect::<Vec<_>>()
        };
        let page = anypoint();
        let note = |controls| match answer(Request::ClassifyForm { controls }, Situation::at(&page, NOW)).response {
            Response::FormClassified { bar, classification, .. } => {
                assert!(classification.is_client_provider_form);
                bar.note
            }
            other => panic!("{other:?}"),
        };
        assert!(note(form(true)).is_some_and(|n| n.starts_with("Save makes Anypoint load the Issuer's metadata again")));
        assert_eq!(note(form(false)), None, "control: an empty form is a new provider's");
    }

    #[test]
    fn issuer_first_loads_the_typed_issuer_unless_it_is_kept() {
        let values = |issuer: &str| FormValues::from([(AnypointField::Issuer, issuer.to_string())]);
        let url = |u: &str| Some(u.to_string());
        assert_eq!(issuer_to_load(&values("https://dev-1.okta.com/oauth2/default"), None), url("https://dev-1.okta.com/oauth2/default/.well-known/openid-configuration"));
        assert_eq!(issuer_to_load(&values(" https://acme.okta.com/ "), None), url("https://acme.okta.com/.well-known/openid-configuration"));
        let kept = ask(keep(SAMPLE), &okta_page(URL), None).keep.unwrap();
        assert_eq!(issuer_to_load(&values("https://acme.okta.com"), Some(&kept)), None, "already kept");
        assert_eq!(issuer_to_load(&values("https://dev-1.okta.com/oauth2/default"), Some(&kept)), None, "what the admin kept is not replaced");
        for not_an_issuer in ["", "http://acme.okta.com", "https://acme.okta.com/oauth2/default/v1/token", "https://acme.okta.com?x=1", "acme"] {
            assert_eq!(issuer_to_load(&values(not_an_issuer), None), None, "{not_an_issuer}");
        }
        // After loading: a plan that says what was loaded, and the draft offered, never kept: the page may have
        // written that Issuer.
        let loaded = answer_document(URL, SAMPLE, false, Situation::at(&anypoint(), NOW));
        let filled = fill_after_loading(loaded, &values("https://acme.okta.com"));
        assert!(filled.keep.is_none() && filled.checked == Hold::Leave, "nothing kept, nothing held as the popup's check");
        let Hold::Set(offer) = &filled.offer else { panic!("the loaded values are offered") };
        assert_eq!(offer.issuer, "https://acme.okta.com");
        let Response::FillPlanned { plan, source } = filled.response else { panic!("a plan") };
        assert!(plan.summary.starts_with("Loaded the org authorization server of Okta org acme from Okta. Filled 1"), "{}", plan.summary);
        assert!(source.unwrap().contains("(acme.okta.com), loaded from the Issuer in the form; not kept"), "the bar says what was loaded");
        // The popup shows the offer with its host; keeping needs the issuer the admin was shown.
        let popup = Context::ExtensionPage;
        let situation = Situation { offered: Some(offer), ..Situation::at(&popup, NOW + 1) };
        let Response::NothingKept { offered: Some(shown), .. } = answer(Request::GetKept, situation).response else { panic!("the offer shown") };
        assert_eq!(shown.host, "acme.okta.com");
        assert_eq!(shown.keep_label, "Keep the values of acme.okta.com");
        let other = answer(Request::KeepOffered { issuer: "https://attacker.okta.com".into() }, situation);
        assert!(other.keep.is_none() && other.offer == Hold::Leave, "another issuer than the one shown keeps nothing");
        assert!(matches!(other.response, Response::Failure { .. }));
        let kept = answer(Request::KeepOffered { issuer: shown.issuer.clone() }, situation);
        assert_eq!(kept.keep.as_ref().map(|d| (d.issuer.as_str(), d.kept_at)), Some(("https://acme.okta.com", NOW + 1)));
        assert_eq!(kept.offer, Hold::Clear);
        // The whole request, as the glue runs it: the Issuer's document loaded, nothing kept, the values offered.
        let fill = Request::PlanFill { values: values("https://acme.okta.com") };
        assert_eq!(document_to_load(&fill, &anypoint(), None, &Policy::NONE).unwrap().as_deref(), Some(URL));
        let loaded: Loaded = Ok((URL.to_string(), SAMPLE.to_string()));
        let page = anypoint();
        let issuer_first = answer(fill, Situation { loaded: Some(&loaded), ..Situation::at(&page, NOW) });
        assert!(issuer_first.keep.is_none() && matches!(issuer_first.offer, Hold::Set(_)), "an issuer-first load never keeps");
        let refused = fill_after_loading(answer_document(URL, "<html>", false, Situation::at(&anypoint(), NOW)), &values(""));
        assert!(matches!(refused.response, Response::Failure { ref message } if message.contains("HTML")));
    }

    #[test]
    fn the_admin_console_script_is_told_which_pages_are_never_read() {
        let settings = "https://dev-1-admin.okta.com/admin/oauth2/as";
        let links = |loaded: &str, now: &str| {
            ask(Request::RecogniseLinks { hrefs: Vec::new(), page: now.into() }, &okta_page(loaded), None).response
        };
        assert!(matches!(links(settings, settings), Response::MetadataLinks { page_read: true, .. }));
        for never in ["https://dev-1-admin.okta.com/admin/access/api/tokens", "https://dev-1-admin.okta.com/admin/access/api/tokens/new"] {
            assert!(matches!(links(never, never), Response::MetadataLinks { page_read: false, .. }), "{never}");
            // Loaded as a page that may be read, moved there by the app's pushState: the script's address counts.
            assert!(matches!(links(settings, never), Response::MetadataLinks { page_read: false, .. }), "{never}");
        }
        // An address on another host, or none (an older script), reads nothing.
        assert!(matches!(links(settings, "https://other-admin.okta.com/admin/oauth2/as"), Response::MetadataLinks { page_read: false, .. }));
        assert!(matches!(links(settings, ""), Response::MetadataLinks { page_read: false, .. }));
    }

    #[test]
    fn admin_console_links_of_the_same_org_only_and_never_on_the_token_page() {
        let hrefs: Vec<String> = [
            "https://dev-1.okta.com/oauth2/aus1/.well-known/oauth-authorization-server",
            "https://dev-1-admin.okta.com/admin/apps",
            "https://other.okta.com/oauth2/default/.well-known/openid-configuration",
            "https://dev-1.okta.com/.well-known/openid-configuration",
            "javascript:alert(1)",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(metadata_links("https://dev-1-admin.okta.com/admin/oauth2/as/aus1", &hrefs), [0, 3]);
        assert!(metadata_links("https://dev-1-admin.okta.com/admin/access/api/tokens", &hrefs).is_empty());
        assert!(metadata_links("https://dev-1-admin.okta.com/ADMIN/ACCESS/API/TOKENS/new", &hrefs).is_empty());
        for odd in ["/admin//access/api/tokens", "/admin/access/api/%74okens", "/admin/access;x/api/tokens"] {
            assert!(metadata_links(&format!("https://dev-1-admin.okta.com{odd}"), &hrefs).is_empty(), "{odd}");
        }
        assert!(metadata_links("https://dev-1.okta.com/.well-known/openid-configuration", &hrefs).is_empty(), "not an admin page");
        assert_eq!(linked_metadata_url("https://dev-1-admin.okta.com/admin/oauth2/as/aus1", &hrefs[2]), None, "another org");
        assert!(linked_metadata_url("https://dev-1-admin.okta.com/admin/oauth2/as/aus1", &hrefs[0]).is_some());
    }

    #[test]
    fn compare_loads_the_issuer_and_lists_differences() {
        let values = FormValues::from([
            (AnypointField::Issuer, "https://acme.okta.com".to_string()),
            (AnypointField::TokenUrl, "http://acme.okta.com/oauth2/v1/token".to_string()),
        ]);
        assert_eq!(issuer_metadata_url(&values).as_deref(), Some("https://acme.okta.com/.well-known/openid-configuration"));
        let loaded = answer_document(URL, SAMPLE, false, Situation::at(&anypoint(), NOW));
        let compared = compare_after_loading(loaded, &values);
        assert!(compared.keep.is_none(), "comparing keeps nothing");
        let Response::FillPlanned { plan, .. } = compared.response else { panic!("a plan") };
        assert!(plan.summary.contains("Token URL: uses http"), "{}", plan.summary);
    }

    #[test]
    fn the_core_says_which_document_the_glue_loads_first() {
        let admin = okta_page("https://dev-1-admin.okta.com/admin/oauth2/as/default");
        let link = |href: &str| Request::KeepLinkedMetadata { href: href.into(), page: "https://dev-1-admin.okta.com/admin/oauth2/as/default".into() };
        let own = "https://dev-1.okta.com/oauth2/default/.well-known/openid-configuration";
        assert_eq!(document_to_load(&link(own), &admin, None, &Policy::NONE).unwrap().as_deref(), Some(own));
        assert!(document_to_load(&link("https://other.okta.com/.well-known/openid-configuration"), &admin, None, &Policy::NONE).is_err());
        assert!(document_to_load(&link(own), &okta_page("https://dev-1-admin.okta.com/admin/access/api/tokens"), None, &Policy::NONE).is_err());
        let moved = Request::KeepLinkedMetadata { href: own.into(), page: "https://dev-1-admin.okta.com/admin/access/api/tokens".into() };
        assert!(document_to_load(&moved, &admin, None, &Policy::NONE).is_err(), "the app moved to the token page: refused");
        let fetch = Request::FetchMetadata { input: "dev-1.okta.com".into(), keep: false };
        assert_eq!(document_to_load(&fetch, &Context::ExtensionPage, None, &Policy::NONE).unwrap().as_deref(), Some("dev-1.okta.com"));
        let issuer = FormValues::from([(AnypointField::Issuer, "https://dev-1.okta.com".to_string())]);
        let compare = Request::CompareWithOkta { values: issuer.clone() };
        assert!(document_to_load(&compare, &anypoint(), None, &Policy::NONE).unwrap().is_some());
        assert!(document_to_load(&Request::CompareWithOkta { values: FormValues::new() }, &anypoint(), None, &Policy::NONE).is_err());
        let kept = ask(keep(SAMPLE), &okta_page(URL), None).keep.unwrap();
        assert_eq!(document_to_load(&Request::PlanFill { values: issuer.clone() }, &anypoint(), Some(&kept), &Policy::NONE).unwrap(), None);
        assert!(document_to_load(&Request::PlanFill { values: issuer }, &anypoint(), None, &Policy::NONE).unwrap().is_some());
        assert_eq!(document_to_load(&Request::GetKept, &Context::ExtensionPage, None, &Policy::NONE).unwrap(), None);
    }

    #[test]
    fn a_pasted_documents_own_address_grants_nothing() {
        let custom = SAMPLE.replace("acme.okta.com", "login.acme.com");
        let guessed = pasted_document_url(&custom, " ").unwrap();
        assert_eq!((guessed.url.as_str(), guessed.assumed), ("https://login.acme.com/.well-known/openid-configuration", true));
        assert!(guessed.granted.is_empty(), "a guessed address grants nothing");
        let inspection = crate::core::metadata::inspect_metadata_with(&custom, &guessed.url, &guessed.granted);
        assert!(!inspection.is_valid());
        assert!(inspection.problems.iter().any(|p| p.kind == ProblemKind::HostNotGranted { host: "login.acme.com".into() }));
        // Typed, the host is the admin's choice: valid, with the warning that names where the token goes.
        let typed = pasted_document_url(&custom, "https://login.acme.com/.well-known/openid-configuration").unwrap();
        assert_eq!(typed.granted, ["login.acme.com"]);
        let inspection = crate::core::metadata::inspect_metadata_with(&custom, &typed.url, &typed.granted);
        assert!(inspection.is_valid());
        assert!(inspection.problems.iter().any(|p| p.kind == ProblemKind::RegistrationOutsideOkta { host: "login.acme.com".into() }));
    }

    #[test]
    fn loads_are_answered_from_what_the_glue_loaded() {
        let popup = Context::ExtensionPage;
        let fetch = |keep| Request::FetchMetadata { input: "acme.okta.com".into(), keep };
        let loaded: Loaded = Ok((URL.to_string(), SAMPLE.to_string()));
        let checked = answer(fetch(false), Situation { loaded: Some(&loaded), ..Situation::at(&popup, NOW) });
        assert!(matches!(checked.checked, Hold::Set(_)) && checked.keep.is_none(), "a valid check is held as checked");
        // A failed load still replaces the last check, and a host the admin may grant is offered to them.
        let refused: Loaded = Err(ProblemKind::HostNotGranted { host: "login.acme.com".into() });
        let failed = answer(fetch(false), Situation { loaded: Some(&refused), ..Situation::at(&popup, NOW) });
        assert_eq!(failed.checked, Hold::Clear);
        assert!(matches!(failed.response, Response::HostNotGranted { ref host, .. } if host == "login.acme.com"));
        // Nothing loaded: said, no placeholder answer.
        let nothing = answer(fetch(false), Situation::at(&popup, NOW));
        assert!(matches!(nothing.response, Response::Failure { ref message } if message == "Nothing was loaded."));
        // A check's outcome is passed on with what it proved.
        let proof = CheckProof { issuer: "https://acme.okta.com".into(), at: NOW, passed: Vec::new() };
        let outcome = (Response::OktaChecked { lines: Vec::new(), summary: "s".into() }, Some(proof.clone()));
        let check = Request::CheckWithOkta { values: FormValues::new(), header: String::new(), secret: String::new() };
        let page = anypoint();
        let kept = ask(keep(SAMPLE), &okta_page(URL), None).keep.unwrap();
        let checked = answer(check.clone(), Situation { checked_with_okta: Some(&outcome), kept: Some(&kept), ..Situation::at(&page, NOW) });
        assert_eq!(checked.proof, Some(proof), "a check of the kept issuer is kept");
        // A check of an issuer the page chose neither counts nor erases the proof of the kept one.
        let other = (outcome.0.clone(), Some(CheckProof { issuer: "https://attacker.okta.com".into(), at: NOW, passed: Vec::new() }));
        let of_another = answer(check.clone(), Situation { checked_with_okta: Some(&other), kept: Some(&kept), ..Situation::at(&page, NOW) });
        assert_eq!(of_another.proof, None);
        assert!(matches!(of_another.response, Response::OktaChecked { .. }), "the result is still shown");
        assert_eq!(answer(check, Situation { checked_with_okta: Some(&outcome), ..Situation::at(&page, NOW) }).proof, None, "nothing kept");
    }

    #[test]
    fn forgetting_is_the_callers_to_do() {
        let answer = ask(Request::ForgetKept, &Context::ExtensionPage, None);
        assert!(answer.forget);
        assert!(matches!(answer.response, Response::Forgotten { .. }));
    }

    #[test]
    fn requests_decode_from_the_wire_shape_and_versions_are_checked() {
        let current = envelope(r#"{"v":3,"request":{"fieldHints":{"field":"tokenUrl","value":"x","others":{"issuer":"y"}}}}"#);
        assert!(version_mismatch(&current).is_none());
        assert_eq!(envelope(r#"{"v":3,"request":"recognisePage"}"#).request.name(), "recognisePage");
        let old = envelope(r#"{"v":1,"request":"getKept"}"#);
        assert!(matches!(version_mismatch(&old), Some(Response::Failure { message }) if message.contains("Reload the page")));
        assert!(serde_json::from_str::<Envelope>(r#"{"v":3,"request":{"unknown":{}}}"#).is_err());
    }
}
