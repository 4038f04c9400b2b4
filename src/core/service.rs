//! The core's answer to each request: pure, so the whole protocol is tested natively. Storage is the
//! caller's: it passes the kept draft in and stores `Answer::keep` when present.

use super::classify::classify_controls;
use super::draft::AnypointDraft;
use super::fill::{plan_fill, NOTHING_KEPT};
use super::hints::hints_for;
use super::metadata::{inspect_metadata, Inspection};
use super::problem::ProblemKind;
use super::protocol::{Envelope, PanelRow, Request, Response, PROTOCOL_VERSION};

#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub response: Response,
    /// A draft to keep for the Anypoint tab.
    pub keep: Option<AnypointDraft>,
}

impl From<Response> for Answer {
    fn from(response: Response) -> Self {
        Self { response, keep: None }
    }
}

/// The answer to a message of another protocol version, if it is one.
pub fn version_mismatch(envelope: &Envelope) -> Option<Response> {
    if envelope.v == PROTOCOL_VERSION {
        None
    } else {
        Some(Response::Failure {
            message: format!(
                "This page talks to an older or newer version of Okta → Anypoint Assist (protocol {} vs {}). \
                 Reload the page.",
                envelope.v, PROTOCOL_VERSION
            ),
        })
    }
}

pub fn answer(request: Request, kept: Option<&AnypointDraft>) -> Answer {
    match request {
        Request::InspectMetadata { url, text } => report(&inspect_metadata(&text, &url)).into(),
        Request::KeepMetadata { url, text } => {
            let inspection = inspect_metadata(&text, &url);
            match &inspection.metadata {
                Some(metadata) if inspection.is_valid() => {
                    let draft = AnypointDraft::from_metadata(metadata);
                    let message = format!(
                        "Kept the values of {}. In Anypoint open Access Management > Client Providers > Add Client \
                         Provider > OpenID Connect Dynamic Client Registration and click \"Fill from Okta\".",
                        title_of(&inspection)
                    );
                    Answer { response: Response::Kept { draft: draft.clone(), message }, keep: Some(draft) }
                }
                _ => report(&inspection).into(),
            }
        }
        Request::ClassifyForm { controls } => {
            Response::FormClassified { classification: classify_controls(&controls) }.into()
        }
        Request::PlanFill { controls } => match kept {
            None => Response::NothingKept { message: NOTHING_KEPT.to_string() }.into(),
            Some(draft) => {
                let classification = classify_controls(&controls);
                Response::FillPlanned { plan: plan_fill(draft, &controls, &classification) }.into()
            }
        },
        Request::FieldHints { field, value, others } => {
            Response::Hints { field, hints: hints_for(field, &value, &others) }.into()
        }
        // Fetching is the glue's job (src/ext): it turns this request into inspect/keep with the text.
        Request::FetchMetadata { .. } => {
            Response::Failure { message: "Loading a document needs the browser extension.".to_string() }.into()
        }
        Request::GetKept => match kept {
            Some(draft) => Response::Kept { draft: draft.clone(), message: format!("Values kept from {}.", draft.source_url) },
            None => Response::NothingKept { message: NOTHING_KEPT.to_string() },
        }
        .into(),
    }
}

fn title_of(inspection: &Inspection) -> String {
    match &inspection.metadata {
        Some(m) => match &m.location.okta_org {
            Some(org) => format!("{} of Okta org {org}", m.location.server.describe()),
            None => m.location.server.describe(),
        },
        None => "this document".to_string(),
    }
}

fn report(inspection: &Inspection) -> Response {
    let not_metadata = inspection.problems.iter().any(|p| matches!(p.kind, ProblemKind::NotAMetadataUrl { .. }));
    if not_metadata {
        return Response::NotMetadata;
    }
    let rows = match &inspection.metadata {
        Some(m) => AnypointDraft::from_metadata(m)
            .values()
            .into_iter()
            .map(|(field, value)| PanelRow { field, label: field.label(), value: value.map(str::to_string) })
            .collect(),
        None => Vec::new(),
    };
    Response::MetadataReport {
        valid: inspection.is_valid(),
        title: title_of(inspection),
        rows,
        problems: inspection.problems.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = include_str!("../../www/okta/documents/org.openid-configuration.json");
    const URL: &str = "https://acme.okta.com/.well-known/openid-configuration";

    fn envelope(json: &str) -> Envelope {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn keeping_a_valid_document_stores_its_draft() {
        let answer = answer(Request::KeepMetadata { url: URL.into(), text: SAMPLE.into() }, None);
        let kept = answer.keep.expect("a draft to keep");
        assert_eq!(kept.issuer, "https://acme.okta.com");
        assert!(matches!(answer.response, Response::Kept { ref message, .. } if message.contains("Fill from Okta")));
    }

    #[test]
    fn an_invalid_document_is_reported_not_kept() {
        let answer = answer(Request::KeepMetadata { url: URL.into(), text: "<html>".into() }, None);
        assert!(answer.keep.is_none());
        assert!(matches!(answer.response, Response::MetadataReport { valid: false, .. }));
        let other = answer_for_url("https://acme.okta.com/app/UserHome");
        assert_eq!(other, Response::NotMetadata);
    }

    fn answer_for_url(url: &str) -> Response {
        answer(Request::InspectMetadata { url: url.into(), text: SAMPLE.into() }, None).response
    }

    #[test]
    fn fill_without_kept_values_says_where_to_get_them() {
        let response = answer(Request::PlanFill { controls: Vec::new() }, None).response;
        assert_eq!(response, Response::NothingKept { message: NOTHING_KEPT.into() });
    }

    #[test]
    fn requests_decode_from_the_wire_shape_and_versions_are_checked() {
        let current = envelope(r#"{"v":2,"request":{"fieldHints":{"field":"tokenUrl","value":"x","others":{"issuer":"y"}}}}"#);
        assert!(version_mismatch(&current).is_none());
        let old = envelope(r#"{"v":1,"request":"getKept"}"#);
        assert!(matches!(version_mismatch(&old), Some(Response::Failure { message }) if message.contains("Reload the page")));
        assert!(serde_json::from_str::<Envelope>(r#"{"v":2,"request":{"unknown":{}}}"#).is_err());
    }
}
