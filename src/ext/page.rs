//! Pure exports of the core for pages that run it themselves: the stand-alone web page (`www/tool/`, for admins
//! who cannot install extensions: no worker, no storage, no network), the popup (API body, "this tab"), and the
//! worker's action badge. Every decision is the core's, as in the extension.

use wasm_bindgen::prelude::*;

use super::to_js;
use crate::core::fields::{AnypointField, FormValues};
use crate::core::hints::hints_for;
use crate::core::page_answers;
use crate::core::tree::decode_js;

// The answers' types, generated from the core's (`assist-types`), for the scripts' type check.
#[wasm_bindgen(typescript_custom_section)]
const ANSWER_TYPES: &str = r#"
import type { Pasted } from "../protocol/Pasted";
import type { GrantOffer } from "../protocol/GrantOffer";
import type { Grants } from "../protocol/Grants";
import type { ControlPlane } from "../protocol/ControlPlane";
import type { FillMenu } from "../protocol/FillMenu";
import type { PolicyShown } from "../protocol/PolicyShown";
import type { ApiRequest } from "../protocol/ApiRequest";
import type { Hint } from "../protocol/Hint";
import type { AnypointField } from "../protocol/AnypointField";
/** The form's values by field. */
type FormValues = Partial<Record<AnypointField, string>>;
"#;

/// A pasted document, checked as loaded from `url` (or, when empty, from its own issuer's OpenID
/// configuration, which the report then says).
#[wasm_bindgen(js_name = inspectPasted, unchecked_return_type = "Pasted")]
pub fn inspect_pasted(text: &str, url: &str) -> JsValue {
    to_js(&page_answers::pasted(text, url))
}

/// The catalogue's message `key` with `args` (text), in this instance's words: the popup's and the web page's own
/// words, rendered as the core renders its answers.
#[wasm_bindgen]
pub fn words(key: &str, args: Vec<String>) -> String {
    let args: Vec<crate::core::words::Arg> = args.into_iter().map(Into::into).collect();
    crate::core::words::current().render_message(key, &args)
}

/// Whether `url` is an Okta metadata document URL (the worker's action badge; the popup's "this tab" offer).
#[wasm_bindgen(js_name = isMetadataUrl)]
pub fn is_metadata_url(url: &str) -> bool {
    crate::core::metadata::MetadataLocation::parse(url).is_ok_and(|location| location.okta_org.is_some())
}

/// A host the admin wants to allow (popup), for a custom URL domain of an Okta org (`kind` "oktaCustomDomain")
/// or an Anypoint Private Cloud host ("anypointPrivateCloud").
#[wasm_bindgen(js_name = grantFor, unchecked_return_type = "GrantOffer")]
pub fn grant_for(input: &str, kind: &str) -> JsValue {
    to_js(&page_answers::grant_offer(input, kind))
}

/// The granted hosts, from the ids of the content scripts registered for them.
#[wasm_bindgen(js_name = grantsOf, unchecked_return_type = "Grants")]
pub fn grants_of(ids: Vec<String>) -> JsValue {
    to_js(&page_answers::grants_of(&ids))
}

/// The hosts of origins the browser reports (`https://host/*`), e.g. those the admin removed.
#[wasm_bindgen(js_name = hostsOfOrigins)]
pub fn hosts_of_origins(origins: Vec<String>) -> Vec<String> {
    crate::core::fetch_policy::hosts_of_origins(&origins)
}

/// The context menu "Fill with Okta value ▸ …", for the Private Cloud hosts granted (the worker makes it).
/// `settings`: `{managed, chosen}` as the worker read them (`policy_of`).
#[wasm_bindgen(js_name = fillMenu, unchecked_return_type = "FillMenu")]
pub fn fill_menu(private_cloud: Vec<String>, settings: JsValue) -> JsValue {
    to_js(&page_answers::fill_menu(&private_cloud, &super::policy_of(&settings)))
}

/// The settings in force, for the options page: `settings` is `{managed, chosen}` as read from storage.
#[wasm_bindgen(js_name = policyShown, unchecked_return_type = "PolicyShown")]
pub fn policy_shown(settings: JsValue) -> JsValue {
    to_js(&super::policy_of(&settings).shown())
}

/// Anypoint's control planes, for the web page's choice of where the `curl` command goes.
#[wasm_bindgen(js_name = controlPlanes, unchecked_return_type = "ControlPlane[]")]
pub fn control_planes() -> JsValue {
    to_js(&crate::core::hosts::CONTROL_PLANES)
}

/// Hints for one field while the admin edits it on the page.
#[wasm_bindgen(js_name = fieldHints, unchecked_return_type = "Hint[] | null")]
pub fn field_hints(
    #[wasm_bindgen(unchecked_param_type = "AnypointField")] field: JsValue,
    value: &str,
    #[wasm_bindgen(unchecked_param_type = "FormValues")] others: JsValue,
) -> JsValue {
    let Ok(field) = decode_js::<AnypointField>(&field) else { return JsValue::NULL };
    let others: FormValues = decode_js(&others).unwrap_or_default();
    to_js(&hints_for(field, value, &others))
}

/// The Access Management API body for the values on the page, with placeholders where secrets go, and the
/// `curl` command that sends it to the control plane of `plane_host` (US when empty): an update of the existing
/// provider that `provider` names (its id or its page's address), else a creation.
#[wasm_bindgen(js_name = apiBody, unchecked_return_type = "ApiRequest")]
pub fn api_body(#[wasm_bindgen(unchecked_param_type = "FormValues")] values: JsValue, plane_host: &str, provider: &str) -> JsValue {
    let values: FormValues = decode_js(&values).unwrap_or_default();
    to_js(&page_answers::api_request(&values, plane_host, provider))
}
