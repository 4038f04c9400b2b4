//! wasm-bindgen glue, run in the extension's service worker (Firefox: background script): decode a
//! message, fetch a metadata document when asked (gloo-net), let the core answer, keep the draft in
//! `chrome.storage.session`. No decisions here.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::core::draft::AnypointDraft;
use crate::core::metadata::metadata_url_for;
use crate::core::problem::ProblemKind;
use crate::core::protocol::{Envelope, Request, Response};
use crate::core::service::{answer, version_mismatch};

/// Key of the kept draft in `chrome.storage.session` (never readable by content scripts; never secrets).
const KEPT_DRAFT_KEY: &str = "keptDraft";

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = ["chrome", "storage", "session"], js_name = get)]
    async fn session_get(key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_namespace = ["chrome", "storage", "session"], js_name = set)]
    async fn session_set(items: &JsValue) -> Result<JsValue, JsValue>;
}

fn to_js<T: Serialize>(value: &T) -> JsValue {
    // json_compatible: maps become plain objects (a JS Map would arrive as {} through sendMessage).
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

/// The message of a JS error, without Debug formatting (which would pull Unicode tables into the wasm).
fn js_error_text(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

fn failure(message: String) -> JsValue {
    to_js(&Response::Failure { message })
}

async fn load_kept() -> Result<Option<AnypointDraft>, String> {
    let items = session_get(KEPT_DRAFT_KEY).await.map_err(js_error_text)?;
    let value = js_sys::Reflect::get(&items, &JsValue::from_str(KEPT_DRAFT_KEY)).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    // A draft of an older shape is dropped rather than trusted.
    Ok(serde_wasm_bindgen::from_value(value).ok())
}

async fn store_kept(draft: &AnypointDraft) -> Result<(), String> {
    let items = js_sys::Object::new();
    js_sys::Reflect::set(&items, &JsValue::from_str(KEPT_DRAFT_KEY), &to_js(draft)).map_err(js_error_text)?;
    session_set(&items).await.map(|_| ()).map_err(js_error_text)
}

/// The document at `url`, as text. Metadata is public: no cookies are sent.
async fn fetch_text(url: &str) -> Result<String, ProblemKind> {
    let failed = |status| ProblemKind::FetchFailed { url: url.to_string(), status };
    let response = gloo_net::http::Request::get(url).send().await.map_err(|_| failed(None))?;
    if !response.ok() {
        return Err(failed(Some(response.status())));
    }
    response.text().await.map_err(|_| failed(None))
}

/// `fetchMetadata` → the document's text → the core's `inspectMetadata` / `keepMetadata`.
async fn fetched(input: &str, keep: bool) -> Result<Request, ProblemKind> {
    let url = metadata_url_for(input)?;
    let text = fetch_text(&url).await?;
    Ok(if keep { Request::KeepMetadata { url, text } } else { Request::InspectMetadata { url, text } })
}

/// The one entry point: a protocol envelope in, a response out. Never rejects: failures are responses.
#[wasm_bindgen(js_name = handleMessage)]
pub async fn handle_message(message: JsValue) -> JsValue {
    let envelope: Envelope = match serde_wasm_bindgen::from_value(message) {
        Ok(envelope) => envelope,
        // Not echoing serde's error text keeps its formatting machinery out of the wasm.
        Err(_) => return failure("The extension received a message it does not understand. Reload the page.".to_string()),
    };
    if let Some(response) = version_mismatch(&envelope) {
        return to_js(&response);
    }
    let kept = if envelope.request.needs_kept() {
        match load_kept().await {
            Ok(kept) => kept,
            Err(e) => return failure(format!("Could not read the kept values ({e}). Reload the extension.")),
        }
    } else {
        None
    };
    let request = match envelope.request {
        Request::FetchMetadata { input, keep } => match fetched(&input, keep).await {
            Ok(request) => request,
            Err(problem) => return failure(problem.to_string()),
        },
        request => request,
    };
    let answer = answer(request, kept.as_ref());
    if let Some(draft) = &answer.keep {
        if let Err(e) = store_kept(draft).await {
            return failure(format!("Could not keep the values ({e}). Reload the extension and try again."));
        }
    }
    to_js(&answer.response)
}

/// The protocol version, for the worker's own checks and the tests.
#[wasm_bindgen(js_name = protocolVersion)]
pub fn protocol_version() -> u32 {
    crate::core::protocol::PROTOCOL_VERSION
}

