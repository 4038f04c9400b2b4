//! wasm-bindgen glue, run in the extension's service worker (Firefox: background script): decode a message,
//! check its sender (`core::sender`), load a document under the fetch policy when asked (`fetch.rs`), let the
//! core answer, keep or forget the draft in `chrome.storage.session` (`storage.rs`). No decisions here.

mod fetch;
mod storage;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::core::fetch_policy::hosts_of_origins;
use crate::core::metadata::metadata_url_for;
use crate::core::protocol::{Envelope, Request, Response};
use crate::core::sender::{check, Sender};
use crate::core::service::{answer, answer_document, version_mismatch, Answer, Situation};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = ["chrome", "permissions"], js_name = getAll)]
    async fn permissions_get_all() -> Result<JsValue, JsValue>;
}

pub(crate) fn to_js<T: Serialize>(value: &T) -> JsValue {
    // json_compatible: maps become plain objects (a JS Map would arrive as {} through sendMessage).
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

/// The message of a JS error, without Debug formatting (which would pull Unicode tables into the wasm).
pub(crate) fn js_error_text(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

fn failure(message: String) -> JsValue {
    to_js(&Response::Failure { message })
}

/// The custom URL domains the admin granted at run time (optional host permissions).
async fn granted_hosts() -> Vec<String> {
    let Ok(all) = permissions_get_all().await else { return Vec::new() };
    let origins = js_sys::Reflect::get(&all, &JsValue::from_str("origins")).unwrap_or(JsValue::UNDEFINED);
    let origins: Vec<String> = serde_wasm_bindgen::from_value(origins).unwrap_or_default();
    hosts_of_origins(&origins)
}

/// The one entry point: a protocol envelope and the browser's account of its sender in, a response out.
/// Never rejects: failures are responses.
#[wasm_bindgen(js_name = handleMessage)]
pub async fn handle_message(message: JsValue, sender: JsValue) -> JsValue {
    let envelope: Envelope = match serde_wasm_bindgen::from_value(message) {
        Ok(envelope) => envelope,
        // Not echoing serde's error text keeps its formatting machinery out of the wasm.
        Err(_) => return failure("The extension received a message it does not understand. Reload the page.".to_string()),
    };
    if let Some(response) = version_mismatch(&envelope) {
        return to_js(&response);
    }
    let sender: Sender = serde_wasm_bindgen::from_value(sender).unwrap_or_default();
    let request = envelope.request;
    let context = match check(&sender, &request) {
        Ok(context) => context,
        Err(refusal) => return failure(refusal.to_string()),
    };
    let kept = if request.needs_kept() {
        match storage::load_kept().await {
            Ok(kept) => kept,
            Err(e) => return failure(format!("Could not read the kept values ({e}). Reload the extension.")),
        }
    } else {
        None
    };
    let reads_documents = matches!(
        request,
        Request::InspectMetadata { .. } | Request::KeepMetadata { .. } | Request::FetchMetadata { .. }
    );
    let granted = if reads_documents { granted_hosts().await } else { Vec::new() };
    let situation = Situation { context: &context, kept: kept.as_ref(), now: js_sys::Date::now() as u64, granted_hosts: &granted };
    let answer = match request {
        Request::FetchMetadata { input, keep } => match fetched(&input, keep, situation).await {
            Ok(answer) => answer,
            Err(message) => return failure(message),
        },
        request => answer(request, situation),
    };
    if let Some(draft) = &answer.keep {
        if let Err(e) = storage::store_kept(draft).await {
            return failure(format!("Could not keep the values ({e}). Reload the extension and try again."));
        }
    }
    if answer.forget {
        if let Err(e) = storage::forget_kept().await {
            return failure(format!("Could not forget the kept values ({e}). Reload the extension and try again."));
        }
    }
    to_js(&answer.response)
}

/// `fetchMetadata`: what the admin typed → a metadata URL → the document under the fetch policy → the answer.
async fn fetched(input: &str, keep: bool, situation: Situation<'_>) -> Result<Answer, String> {
    let url = metadata_url_for(input).map_err(|problem| problem.to_string())?;
    let text = fetch::fetch_document(&url, situation.granted_hosts).await.map_err(|problem| problem.to_string())?;
    Ok(answer_document(&url, &text, keep, situation))
}

/// The protocol version, for the worker's own checks and the tests.
#[wasm_bindgen(js_name = protocolVersion)]
pub fn protocol_version() -> u32 {
    crate::core::protocol::PROTOCOL_VERSION
}
