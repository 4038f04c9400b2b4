//! wasm-bindgen glue, run in the extension's service worker (Firefox: background script): decode a message,
//! check its sender (`core::sender`), load a document under the fetch policy when asked (`fetch.rs`), let the
//! core answer, keep or forget the draft in `chrome.storage.session` (`storage.rs`). No decisions here.

mod fetch;
mod okta_check;
mod okta_create;
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
use crate::core::gather::{self, Change, Granted, Slot};
use crate::core::policy::{Policy, Read, Settings};
use crate::core::service::{answer, check_refusal, document_to_load, version_mismatch, Loaded, Situation};
use crate::core::tree::decode_js;
use crate::core::words::{self, Words};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = ["chrome", "permissions"], js_name = getAll)]
    fn permissions_get_all() -> Result<JsValue, JsValue>;
}

/// The words of English (`words/en.txt`: the catalogue as `assist-layout` compiles it, `words::compiled`) and,
/// when the browser's language is another the extension has, that one's (else `null`). Bad input leaves the
/// words as they were.
#[wasm_bindgen(js_name = useWords)]
pub fn use_words(english: &str, language: Option<String>) {
    if let Some(words) = Words::from_templates(english, language.as_deref()) {
        words::use_words(words);
    }
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
    let origins: Vec<String> = decode_js(&origins).unwrap_or_default();
    hosts_of_origins(&origins)
}

/// The one entry point: a protocol envelope, the browser's account of its sender and the settings in force
/// (`{managed, chosen}` as the worker read them: apart from the sender, so that whatever a policy holds cannot
/// spoil reading who sent the message) in, a promise of a response out. Never rejects: failures are responses.
/// Requests the core answers alone resolve at once; the others go through `answer_with_browser`, whose state
/// machine holds every `await` (storage, network).
#[wasm_bindgen(js_name = handleMessage)]
pub fn handle_message(message: JsValue, sender: JsValue, settings: JsValue) -> js_sys::Promise {
    let policy = policy_of(&settings);
    match answer_at_once(message, sender, &policy) {
        Ok(response) => js_sys::Promise::resolve(&response),
        Err((request, sender, context)) => {
            wasm_bindgen_futures::future_to_promise(async move { Ok(answer_with_browser(request, sender, context, policy).await) })
        }
    }
}

/// The policy in force: `managed` (the browser's managed storage) over `chosen` (the admin's options), both as
/// the worker read them, read leniently (`core::policy`).
pub(crate) fn policy_of(settings: &JsValue) -> Policy {
    let source = |key: &str| settings_of(&js_sys::Reflect::get(settings, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED));
    Policy::of(&source("managed"), &source("chosen"))
}

/// One source of settings, each key as the browser gave it (Firefox does not check a policy against the schema);
/// the core judges them (`Settings::read`). `{ unreadable: true }` is the worker's word for a policy it could not read.
pub(crate) fn settings_of(value: &JsValue) -> Settings {
    if !value.is_object() {
        return Settings::default();
    }
    let get = |key: &str| js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    if get("unreadable").as_bool() == Some(true) {
        return Settings::unreadable();
    }
    Settings::read(|key| {
        let value = get(key);
        if value.is_undefined() {
            Read::Missing
        } else if let Some(on) = value.as_bool() {
            Read::Bool(on)
        } else if let Some(text) = value.as_string() {
            Read::Text(text)
        } else if let Some(array) = value.dyn_ref::<js_sys::Array>() {
            Read::List(array.iter().map(|item| item.as_string()).collect())
        } else {
            Read::Other
        }
    })
}

/// The response, when it needs nothing from the browser: a refusal, or a request of `Request::answered_alone`.
/// Otherwise the admitted request, for `answer_with_browser`.
fn answer_at_once(message: JsValue, sender: JsValue, policy: &Policy) -> Result<JsValue, (Request, Sender, Context)> {
    let admitted = admitted(message, sender);
    #[cfg(feature = "trap-door")]
    if let Ok((Request::FieldHints { value, .. }, ..)) = &admitted {
        trap_door::trap_if(value, trap_door::SYNC);
    }
    match admitted {
        Err(refusal) => Ok(refusal),
        Ok((request, _, context)) if request.answered_alone() => Ok(answer_alone(request, &context, policy)),
        Ok(admitted) => Err(admitted),
    }
}

/// The envelope decoded, its version matched and its sender checked; or the response that refuses it.
fn admitted(message: JsValue, sender: JsValue) -> Result<(Request, Sender, Context), JsValue> {
    let envelope: Envelope = match decode_js(&message) {
        Ok(envelope) => envelope,
        Err(_) => return Err(failure(words::text("messageNotUnderstood"))),
    };
    if let Some(response) = version_mismatch(&envelope) {
        return Err(to_js(&response));
    }
    let sender: Sender = decode_js(&sender).unwrap_or_default();
    let request = envelope.request;
    match check(&sender, &request) {
        Ok(context) => Ok((request, sender, context)),
        Err(refusal) => Err(failure(refusal.to_string())),
    }
}

/// A request of `Request::answered_alone`: from itself and its sender, nothing read or kept.
fn answer_alone(request: Request, context: &Context, policy: &Policy) -> JsValue {
    to_js(&answer(request, Situation { policy, ..Situation::at(context, js_sys::Date::now() as u64) }).response)
}

/// Every other request: the glue gathers what the core says it needs (stored values, granted hosts, a
/// document, a check's requests), the core answers, the glue applies the changes the answer asks for.
async fn answer_with_browser(request: Request, sender: Sender, context: Context, policy: Policy) -> JsValue {
    let needs = gather::needs(&request, &context);
    let kept = match needs.kept {
        None => None,
        Some((slot, may_fail)) => match storage::load(slot.key()).await {
            Ok(kept) => kept,
            Err(_) if may_fail => None,
            Err(e) => return failure(words::say(&words::Finding::new("storageReadFailed").with(e))),
        },
    };
    // A document to load first (the popup's check, an admin console link, the Issuer of a fill or comparison).
    let to_load = match document_to_load(&request, &context, kept.as_ref(), &policy) {
        Ok(to_load) => to_load,
        Err(response) => return to_js(&response),
    };
    let granted = match needs.granted {
        Granted::None => Vec::new(),
        Granted::CustomDomains => sender.custom_domains.clone(),
        Granted::All => granted_hosts().await,
    };
    #[cfg(feature = "trap-door")]
    if let Request::FetchMetadata { input, .. } = &request {
        trap_door::trap_if(input, trap_door::ASYNC);
    }
    let loaded = match &to_load {
        Some(input) => Some(load(input, &granted).await),
        None => None,
    };
    let checked_with_okta = match &request {
        Request::CheckWithOkta { values, header, secret } => {
            if let Some(refusal) = check_refusal(values, &policy) {
                return to_js(&refusal);
            }
            Some(okta_check::check_with_okta(values, header, secret, &granted, js_sys::Date::now() as u64).await)
        }
        _ => None,
    };
    let written_to_okta = match &request {
        Request::LookUpIntrospectionClient { values, header } | Request::MakeIntrospectionClient { values, header, .. } => {
            let action = match &request {
                Request::MakeIntrospectionClient { action, .. } => Some(action),
                _ => None,
            };
            let now = js_sys::Date::now() as u64;
            let asked = okta_create::Asked { kept: kept.as_ref(), values, header, action, granted_hosts: &granted, policy: &policy, now };
            Some(okta_create::write_to_okta(asked).await)
        }
        _ => None,
    };
    let proof = load_if(needs.proof, Slot::Proof).await;
    let offered = load_if(needs.offered, Slot::Offered).await;
    let plane: Option<String> = load_if(needs.plane, Slot::Plane).await;
    let made = load_if(needs.made, Slot::Made).await;
    let created = load_if(needs.created, Slot::Created).await;
    let situation = Situation {
        kept: kept.as_ref(),
        granted_hosts: &granted,
        proof: proof.as_ref(),
        offered: offered.as_ref(),
        plane: plane.as_deref(),
        made: made.as_ref(),
        policy: &policy,
        created: created.as_ref(),
        written_to_okta: written_to_okta.as_ref(),
        loaded: loaded.as_ref(),
        checked_with_okta: checked_with_okta.as_ref(),
        ..Situation::at(&context, js_sys::Date::now() as u64)
    };
    let answer = answer(request, situation);
    for change in gather::changes(&answer, needs.kept.map(|(slot, _)| slot)) {
        let made = match change {
            Change::Set(slot, value) => storage::store(slot.key(), &value).await,
            Change::Remove(slot) => storage::remove(slot.key()).await,
        };
        if let (Err(e), true) = (made, change.must_succeed()) {
            return failure(words::say(&words::Finding::new("storageWriteFailed").with(e)));
        }
    }
    to_js(&answer.response)
}

/// A stored value the answer may do without (a failure to read it reads as nothing stored).
async fn load_if<T: serde::de::DeserializeOwned>(wanted: bool, slot: Slot) -> Option<T> {
    if wanted {
        storage::load(slot.key()).await.ok().flatten()
    } else {
        None
    }
}

/// What the admin typed or a Metadata URI → the document under the fetch policy: its URL and text, or why not.
async fn load(input: &str, granted_hosts: &[String]) -> Loaded {
    let url = metadata_url_for(input)?;
    let text = fetch::fetch_document(&url, granted_hosts).await?;
    Ok((url, text))
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
        let answer = answer_at_once(js_sys::JSON::parse(&message).unwrap_or(JsValue::NULL), sender.clone(), &Policy::NONE);
        answers.push(&answer.unwrap_or(JsValue::NULL));
    }
    answers
}

/// How long the worker waits for a call into the core (`fetch_policy::WORKER_DEADLINE_MS`).
#[wasm_bindgen(js_name = workerDeadlineMs)]
pub fn worker_deadline_ms() -> u32 {
    crate::core::fetch_policy::WORKER_DEADLINE_MS
}

/// The protocol version, for the worker's own checks and the tests.
#[wasm_bindgen(js_name = protocolVersion)]
pub fn protocol_version() -> u32 {
    crate::core::protocol::PROTOCOL_VERSION
}
