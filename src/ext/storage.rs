//! Drafts in `chrome.storage.session`: in memory, gone when the browser closes, unreadable by content scripts
//! at its default access level. Never a secret: a draft holds the five URLs and where they came from; a check's
//! proof the Issuer and which checks passed.

use wasm_bindgen::prelude::*;

use super::{awaited, js_error_text, to_js};
use serde::de::DeserializeOwned;
use serde::Serialize;

// The keys are the core's (`core::gather::Slot::key`).

// Not `async` imports: a browser without the API (the glue's own tests) answers an error, not a hang or a trap.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = ["chrome", "storage", "session"], js_name = get)]
    fn session_get(key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_namespace = ["chrome", "storage", "session"], js_name = set)]
    fn session_set(items: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_namespace = ["chrome", "storage", "session"], js_name = remove)]
    fn session_remove(key: &str) -> Result<JsValue, JsValue>;
}

pub(super) async fn load<T: DeserializeOwned>(key: &str) -> Result<Option<T>, String> {
    let items = awaited(session_get(key)).await.map_err(js_error_text)?;
    let value = js_sys::Reflect::get(&items, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    // A value of an older shape is dropped rather than trusted.
    Ok(crate::core::tree::decode_js(&value).ok())
}

pub(super) async fn store<T: Serialize>(key: &str, value: &T) -> Result<(), String> {
    let items = js_sys::Object::new();
    js_sys::Reflect::set(&items, &JsValue::from_str(key), &to_js(value)).map_err(js_error_text)?;
    awaited(session_set(&items)).await.map(|_| ()).map_err(js_error_text)
}

pub(super) async fn remove(key: &str) -> Result<(), String> {
    awaited(session_remove(key)).await.map(|_| ()).map_err(js_error_text)
}
