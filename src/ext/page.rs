//! Pure exports of the core for pages that run it themselves: the stand-alone web page (`www/tool/`, for admins
//! who cannot install extensions: no worker, no storage, no network), the popup (API body, "this tab"), and the
//! worker's action badge. Every decision is the core's, as in the extension.

use wasm_bindgen::prelude::*;

use super::to_js;
use crate::core::draft::{AnypointDraft, ApiBodyOptions};
use crate::core::fields::AnypointField;
use crate::core::hints::{hints_for, FormValues};
use crate::core::metadata::{inspect_metadata_with, Inspection};
use crate::core::service::{report, pasted_document_url};

/// A pasted document, checked as loaded from `url` (or, when empty, from its own issuer's OpenID
/// configuration, which the report then says): `{report, values}` where `values` maps fields to the
/// document's values when it is valid.
#[wasm_bindgen(js_name = inspectPasted)]
pub fn inspect_pasted(text: &str, url: &str) -> JsValue {
    let pasted = match pasted_document_url(text, url) {
        Ok(pasted) => pasted,
        Err(problem) => {
            let inspection = Inspection { metadata: None, problems: vec![problem.into()] };
            return answer(&inspection, FormValues::new(), "", true);
        }
    };
    let inspection = inspect_metadata_with(text, &pasted.url, &pasted.granted);
    // Inserted one by one: collecting into the map would sort first, and the sort's code costs ~4 KB of wasm.
    let mut values = FormValues::new();
    if let Some(metadata) = inspection.metadata.as_ref().filter(|_| inspection.is_valid()) {
        for (field, value) in AnypointDraft::from_metadata(metadata, 0).values() {
            if let Some(value) = value {
                values.insert(field, value.to_string());
            }
        }
    }
    answer(&inspection, values, &pasted.url, pasted.assumed)
}

fn answer(inspection: &Inspection, values: FormValues, url: &str, assumed: bool) -> JsValue {
    let answer = js_sys::Object::new();
    set(&answer, "report", &to_js(&report(inspection)));
    set(&answer, "values", &to_js(&values));
    set(&answer, "checkedAs", &JsValue::from_str(url));
    set(&answer, "assumed", &JsValue::from_bool(assumed));
    answer.into()
}

/// `object[key] = value` on a plain object this module just made (which cannot refuse it).
fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), value);
}

/// Whether `url` is an Okta metadata document URL (the worker's action badge; the popup's "this tab" offer).
#[wasm_bindgen(js_name = isMetadataUrl)]
pub fn is_metadata_url(url: &str) -> bool {
    crate::core::metadata::MetadataLocation::parse(url).is_ok_and(|location| location.okta_org.is_some())
}

/// A host the admin wants to allow (popup): `{host, origin, id, matches}` for a custom URL domain of an Okta org
/// (`kind` "oktaCustomDomain") or an Anypoint Private Cloud host ("anypointPrivateCloud"), or `{message}` when
/// the text is no host the extension could be granted.
#[wasm_bindgen(js_name = grantFor)]
pub fn grant_for(input: &str, kind: &str) -> JsValue {
    use crate::core::hosts::Grant;
    let kind = match kind {
        "oktaCustomDomain" => Grant::OktaCustomDomain,
        _ => Grant::AnypointPrivateCloud,
    };
    let typed = input.trim();
    let with_scheme = if typed.contains("://") { typed.to_string() } else { format!("https://{typed}") };
    let answer = js_sys::Object::new();
    match crate::core::fetch_policy::grantable_host(&with_scheme) {
        Ok(host) => {
            set(&answer, "host", &JsValue::from_str(&host));
            set(&answer, "origin", &JsValue::from_str(&format!("https://{host}/*")));
            let id = format!("{}:{host}", kind.script_id_prefix());
            set(&answer, "id", &JsValue::from_str(&id));
            set(&answer, "matches", &to_js(&kind.match_patterns(&host)));
        }
        Err(problem) => {
            set(&answer, "message", &JsValue::from_str(&problem.to_string()));
        }
    }
    answer.into()
}

/// The granted hosts, from the ids of the content scripts registered for them: `{customDomains, privateCloud}`
/// (the worker passes them with every sender) and `grants: [{id, host, kind}]` (the popup lists them, the worker
/// unregisters a removed host's), so that no script splits an id itself.
#[wasm_bindgen(js_name = grantsOf)]
pub fn grants_of(ids: Vec<String>) -> JsValue {
    use crate::core::hosts::Grant;
    let (custom_domains, private_cloud, grants) = (js_sys::Array::new(), js_sys::Array::new(), js_sys::Array::new());
    for id in &ids {
        let Some((grant, host)) = Grant::of_script_id(id) else { continue };
        match grant {
            Grant::OktaCustomDomain => custom_domains.push(&JsValue::from_str(host)),
            Grant::AnypointPrivateCloud => private_cloud.push(&JsValue::from_str(host)),
        };
        let entry = js_sys::Object::new();
        set(&entry, "id", &JsValue::from_str(id));
        set(&entry, "host", &JsValue::from_str(host));
        set(&entry, "kind", &JsValue::from_str(grant.describe()));
        grants.push(&entry);
    }
    let answer = js_sys::Object::new();
    set(&answer, "customDomains", &custom_domains);
    set(&answer, "privateCloud", &private_cloud);
    set(&answer, "grants", &grants);
    answer.into()
}

/// The hosts of origins the browser reports (`https://host/*`), e.g. those the admin removed.
#[wasm_bindgen(js_name = hostsOfOrigins)]
pub fn hosts_of_origins(origins: Vec<String>) -> Vec<String> {
    crate::core::fetch_policy::hosts_of_origins(&origins)
}

/// Anypoint's control planes, `[{host, name}]`, for the web page's choice of where the `curl` command goes.
#[wasm_bindgen(js_name = controlPlanes)]
pub fn control_planes() -> js_sys::Array {
    crate::core::hosts::CONTROL_PLANES
        .iter()
        .map(|plane| {
            let entry = js_sys::Object::new();
            set(&entry, "host", &JsValue::from_str(plane.host));
            set(&entry, "name", &JsValue::from_str(plane.name));
            JsValue::from(entry)
        })
        .collect()
}

/// Hints for one field while the admin edits it on the page.
#[wasm_bindgen(js_name = fieldHints)]
pub fn field_hints(field: JsValue, value: &str, others: JsValue) -> JsValue {
    let Ok(field) = serde_wasm_bindgen::from_value::<AnypointField>(field) else { return JsValue::NULL };
    let others: FormValues = serde_wasm_bindgen::from_value(others).unwrap_or_default();
    to_js(&hints_for(field, value, &others))
}

/// The Access Management API body for the values on the page, with placeholders where secrets go, and the
/// `curl` command that sends it to the control plane of `plane_host` (US when empty): `{body, curl}`.
#[wasm_bindgen(js_name = apiBody)]
pub fn api_body(values: JsValue, plane_host: &str) -> JsValue {
    use crate::core::hosts::Plane;
    let values: FormValues = serde_wasm_bindgen::from_value(values).unwrap_or_default();
    let plane = if plane_host.is_empty() { Plane::default() } else { Plane::of_seen_host(plane_host) };
    let (body, curl) = crate::core::draft::api_body_for(&values, &ApiBodyOptions::default(), &plane);
    let answer = js_sys::Object::new();
    set(&answer, "body", &to_js(&body));
    set(&answer, "curl", &JsValue::from_str(&curl));
    answer.into()
}
