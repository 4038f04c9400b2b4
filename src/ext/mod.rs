//! wasm-bindgen glue, run in the extension's service worker (Firefox: background script): decode a message,
//! check its sender (`core::sender`), load a document under the fetch policy when asked (`fetch.rs`), let the
//! core answer, keep or forget the draft in `chrome.storage.session` (`storage.rs`). No decisions here.

mod fetch;
mod okta_check;
mod page;
mod storage;
#[cfg(feature = "trap-door")]
mod trap_door;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::core::fetch_policy::hosts_of_origins;
use crate::core::metadata::metadata_url_for;
use crate::core::protocol::{Envelope, Request, Response};
use crate::core::sender::{check, Context, Sender};
use crate::core::service::{
    answer, answer_document, answer_loaded, document_to_load, needs_grant, version_mismatch, Answer, Hold, Situation,
};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = ["chrome", "permissions"], js_name = getAll)]
    fn permissions_get_all() -> Result<JsValue, JsValue>;
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

/// The value of an extension API call that answers a promise; an error when it threw or answered no promise.
pub(crate) async fn awaited(called: Result<JsValue, JsValue>) -> Result<JsValue, JsValue> {
    let promise = called?.dyn_into::<js_sys::Promise>().map_err(|_| JsValue::from_str("the browser API is missing"))?;
    wasm_bindgen_futures::JsFuture::from(promise).await
}

/// The custom URL domains the admin granted at run time (optional host permissions).
async fn granted_hosts() -> Vec<String> {
    let Ok(all) = awaited(permissions_get_all()).await else { return Vec::new() };
    let origins = js_sys::Reflect::get(&all, &JsValue::from_str("origins")).unwrap_or(JsValue::UNDEFINED);
    let origins: Vec<String> = serde_wasm_bindgen::from_value(origins).unwrap_or_default();
    hosts_of_origins(&origins)
}

/// The one entry point: a protocol envelope and the browser's account of its sender in, a promise of a response
/// out. Never rejects: failures are responses. Requests the core answers alone resolve at once; the others go
/// through `answer_with_browser`, whose state machine holds every `await` (storage, network).
#[wasm_bindgen(js_name = handleMessage)]
pub fn handle_message(message: JsValue, sender: JsValue) -> js_sys::Promise {
    match answer_at_once(message, sender) {
        Ok(response) => js_sys::Promise::resolve(&response),
        Err((request, sender, context)) => {
            wasm_bindgen_futures::future_to_promise(async move { Ok(answer_with_browser(request, sender, context).await) })
        }
    }
}

/// The response, when it needs nothing from the browser: a refusal, or a request of `Request::answered_alone`.
/// Otherwise the admitted request, for `answer_with_browser`.
fn answer_at_once(message: JsValue, sender: JsValue) -> Result<JsValue, (Request, Sender, Context)> {
    let admitted = admitted(message, sender);
    #[cfg(feature = "trap-door")]
    if let Ok((Request::FieldHints { value, .. }, ..)) = &admitted {
        trap_door::trap_if(value, trap_door::SYNC);
    }
    match admitted {
        Err(refusal) => Ok(refusal),
        Ok((request, _, context)) if request.answered_alone() => Ok(answer_alone(request, &context)),
        Ok(admitted) => Err(admitted),
    }
}

/// The envelope decoded, its version matched and its sender checked; or the response that refuses it.
fn admitted(message: JsValue, sender: JsValue) -> Result<(Request, Sender, Context), JsValue> {
    let envelope: Envelope = match serde_wasm_bindgen::from_value(message) {
        Ok(envelope) => envelope,
        // Not echoing serde's error text keeps its formatting machinery out of the wasm.
        Err(_) => return Err(failure("The extension received a message it does not understand. Reload the page.".to_string())),
    };
    if let Some(response) = version_mismatch(&envelope) {
        return Err(to_js(&response));
    }
    let sender: Sender = serde_wasm_bindgen::from_value(sender).unwrap_or_default();
    let request = envelope.request;
    match check(&sender, &request) {
        Ok(context) => Ok((request, sender, context)),
        Err(refusal) => Err(failure(refusal.to_string())),
    }
}

/// A request of `Request::answered_alone`: from itself and its sender, nothing read or kept.
fn answer_alone(request: Request, context: &Context) -> JsValue {
    let situation = Situation {
        context,
        kept: None,
        now: js_sys::Date::now() as u64,
        granted_hosts: &[],
        proof: None,
        offered: None,
    };
    to_js(&answer(request, situation).response)
}

/// Every other request: what it needs from storage and the network first, what its answer keeps after.
async fn answer_with_browser(request: Request, sender: Sender, context: Context) -> JsValue {
    // "Check with Okta": its own walk of several requests (the core plans and judges them).
    if let Request::CheckWithOkta { values, header, secret } = &request {
        let (response, proof) =
            okta_check::check_with_okta(values, header, secret, &sender.custom_domains, js_sys::Date::now() as u64).await;
        if let Some(proof) = proof {
            // Only which checks passed: the checklist marks them. A failure to store only loses the marks.
            let _ = storage::store(storage::PROOF, &proof).await;
        }
        return to_js(&response);
    }
    let kept = if request.needs_kept() {
        let key = if matches!(request, Request::KeepChecked) { storage::CHECKED } else { storage::KEPT };
        match storage::load(key).await {
            Ok(kept) => kept,
            // A scan only shows where kept values came from: without storage it still classifies.
            Err(_) if matches!(request, Request::ClassifyForm { .. }) => None,
            Err(e) => return failure(format!("Could not read the kept values ({e}). Reload the extension.")),
        }
    } else {
        None
    };
    // A document to load first (the popup's check, an admin console link, the Issuer of a fill or comparison): the
    // core says which; the fetch policy still decides where.
    let to_load = match document_to_load(&request, &context, kept.as_ref()) {
        Ok(to_load) => to_load,
        Err(response) => return to_js(&response),
    };
    let reads_documents =
        to_load.is_some() || matches!(request, Request::InspectMetadata { .. } | Request::KeepMetadata { .. });
    // Loads a page starts (issuer first, compare, admin links) may reach the custom domains the admin granted;
    // the popup's may reach any host the admin granted.
    let granted = match (&context, reads_documents) {
        (_, false) => Vec::new(),
        (Context::ExtensionPage, true) => granted_hosts().await,
        (_, true) => sender.custom_domains.clone(),
    };
    let proof = if matches!(request, Request::GetChecklist) { storage::load(storage::PROOF).await.ok().flatten() } else { None };
    let offered = if request.needs_offered() { storage::load(storage::OFFERED).await.ok().flatten() } else { None };
    let situation = Situation {
        context: &context,
        kept: kept.as_ref(),
        now: js_sys::Date::now() as u64,
        granted_hosts: &granted,
        proof: proof.as_ref(),
        offered: offered.as_ref(),
    };
    let answer = match to_load {
        None => answer(request, situation),
        Some((input, keep)) => {
            // A new check in the popup replaces the last one, even when it fails: only what was just shown can
            // be kept.
            if matches!(request, Request::FetchMetadata { .. }) {
                if let Err(message) = storage::remove(storage::CHECKED).await {
                    return failure(message);
                }
                #[cfg(feature = "trap-door")]
                trap_door::trap_if(&input, trap_door::ASYNC);
            }
            match fetched(&input, keep, situation).await {
                Ok(loaded) => answer_loaded(request, loaded),
                Err(response) => return to_js(&response),
            }
        }
    };
    let stored = async {
        if let Some(draft) = &answer.keep {
            storage::store(storage::KEPT, draft).await?;
        }
        if let Some(draft) = &answer.checked {
            storage::store(storage::CHECKED, draft).await?;
        }
        match &answer.offer {
            Hold::Leave => {}
            Hold::Set(draft) => storage::store(storage::OFFERED, draft).await?,
            Hold::Clear => storage::remove(storage::OFFERED).await?,
        }
        if answer.forget {
            storage::remove(storage::KEPT).await?;
            storage::remove(storage::PROOF).await?;
            storage::remove(storage::OFFERED).await?;
        }
        Ok::<(), String>(())
    };
    if let Err(e) = stored.await {
        return failure(format!("Could not store the values ({e}). Reload the extension and try again."));
    }
    to_js(&answer.response)
}

/// What the admin typed or a Metadata URI → the document under the fetch policy → the core's answer for it.
async fn fetched(input: &str, keep: bool, situation: Situation<'_>) -> Result<Answer, Response> {
    let refused = |problem: crate::core::problem::ProblemKind| {
        needs_grant(&problem).unwrap_or(Response::Failure { message: problem.to_string() })
    };
    let url = metadata_url_for(input).map_err(refused)?;
    let text = fetch::fetch_document(&url, situation.granted_hosts).await.map_err(refused)?;
    Ok(answer_document(&url, &text, keep, situation))
}

/// Runs one hint request of each family of field rules (URLs, the Authorization Header, the client ID, the
/// timeout) through the keystroke's path (decode, sender check, hints, encode) and answers what the core said,
/// in order. V8 compiles a wasm function on its first call; the worker calls this when a page wakes it, so
/// that the admin's first hint after the worker slept does not pay for compiling that path. The values break
/// most rules of their field, so that each rule's text is built once.
#[wasm_bindgen(js_name = warmUp)]
pub fn warm_up(sender: JsValue) -> js_sys::Array {
    const REQUESTS: [&str; 4] = [
        r#"{"fieldHints":{"field":"tokenUrl","value":" http://warm.okta.com/oauth2/default/.well-known/openid-configuration/ ","others":{"issuer":"https://warm.okta.com/oauth2/default"}}}"#,
        r#"{"fieldHints":{"field":"authorizationHeader","value":" bearer ssws 00warm ","others":{}}}"#,
        r#"{"fieldHints":{"field":"introspectionClientId","value":" https://warm.okta.com/oauth2/v1/clients/0oawarm ","others":{}}}"#,
        r#"{"fieldHints":{"field":"clientRequestTimeout","value":"99999","others":{}}}"#,
    ];
    let answers = js_sys::Array::new();
    for request in REQUESTS {
        let message = format!(r#"{{"v":{},"request":{request}}}"#, crate::core::protocol::PROTOCOL_VERSION);
        // Hint requests are always answered at once: the keystroke's own path.
        let answer = answer_at_once(js_sys::JSON::parse(&message).unwrap_or(JsValue::NULL), sender.clone());
        answers.push(&answer.unwrap_or(JsValue::NULL));
    }
    answers
}

/// The protocol version, for the worker's own checks and the tests.
#[wasm_bindgen(js_name = protocolVersion)]
pub fn protocol_version() -> u32 {
    crate::core::protocol::PROTOCOL_VERSION
}
