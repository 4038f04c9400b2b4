//! The fill plan: which value goes into which control, and what the admin is told about it. A non-empty
//! control that holds another value is never overwritten here: it is reported so the page can ask.

use serde::Serialize;

use super::classify::{Classification, ControlSnapshot};
use super::draft::AnypointDraft;
use super::fields::AnypointField;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FillStep {
    pub control: usize,
    pub field: AnypointField,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FillPlan {
    pub steps: Vec<FillStep>,
    /// Controls left alone because the admin typed something else there.
    pub conflicts: Vec<FillStep>,
    /// One line for the status area: what was filled, what could not be found.
    pub summary: String,
}

pub const NOTHING_KEPT: &str = "No Okta metadata kept yet. In Okta open Security > API > Authorization Servers, \
click your server's Metadata URI, then \"Use in Anypoint\".";

fn labels(fields: &[AnypointField]) -> String {
    fields.iter().map(|f| f.label()).collect::<Vec<_>>().join(", ")
}

pub fn plan_fill(draft: &AnypointDraft, controls: &[ControlSnapshot], classification: &Classification) -> FillPlan {
    let mut steps = Vec::new();
    let mut conflicts = Vec::new();
    let mut not_found = Vec::new();
    let mut not_in_document = Vec::new();
    for (field, value) in draft.values() {
        let Some(value) = value else {
            not_in_document.push(field);
            continue;
        };
        let Some(control) = classification.control_for(field) else {
            not_found.push(field);
            continue;
        };
        let step = FillStep { control, field, value: value.to_string() };
        let current = controls.get(control).map(|c| c.value.trim()).unwrap_or("");
        if current.is_empty() || current == value {
            steps.push(step);
        } else {
            conflicts.push(step);
        }
    }
    let mut summary = if steps.is_empty() {
        "Nothing filled.".to_string()
    } else {
        format!("Filled {}: {}.", steps.len(), labels(&steps.iter().map(|s| s.field).collect::<Vec<_>>()))
    };
    if !conflicts.is_empty() {
        let fields: Vec<_> = conflicts.iter().map(|s| s.field).collect();
        summary.push_str(&format!(" Kept your values in {} (they differ from Okta's).", labels(&fields)));
    }
    if !not_found.is_empty() {
        summary.push_str(&format!(" Could not find {} on this page.", labels(&not_found)));
    }
    if !not_in_document.is_empty() {
        summary.push_str(&format!(" The Okta document has no value for {}.", labels(&not_in_document)));
    }
    FillPlan { steps, conflicts, summary }
}
