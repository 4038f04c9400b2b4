//! The kept draft in `chrome.storage.session`: in memory, gone when the browser closes, unreadable by content
//! scripts at its default access level. Never a secret: the draft holds the five URLs and where they came from.

use wasm_bindgen::prelude::*;

use super::{js_error_text, to_js};
use crate::core::draft::AnypointDraft;

const KEPT_DRAFT_KEY: &str = "keptDraft";

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = ["chrome", "storage", "session"], js_name = get)]
    async fn session_get(key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_namespace = ["chrome", "storage", "session"], js_name = set)]
    async fn session_set(items: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_namespace = ["chrome", "storage", "session"], js_name = remove)]
    async fn session_remove(key: &str) -> Result<JsValue, JsValue>;
}

pub(super) async fn load_kept() -> Result<Option<AnypointDraft>, String> {
    let items = session_get(KEPT_DRAFT_KEY).await.map_err(js_error_text)?;
    let value = js_sys::Reflect::get(&items, &JsValue::from_str(KEPT_DRAFT_KEY)).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    // A draft of an older shape is dropped rather than trusted.
    Ok(serde_wasm_bindgen::from_value(value).ok())
}

pub(super) async fn store_kept(draft: &AnypointDraft) -> Result<(), String> {
    let items = js_sys::Object::new();
    js_sys::Reflect::set(&items, &JsValue::from_str(KEPT_DRAFT_KEY), &to_js(draft)).map_err(js_error_text)?;
    session_set(&items).await.map(|_| ()).map_err(js_error_text)
}

pub(super) async fn forget_kept() -> Result<(), String> {
    session_remove(KEPT_DRAFT_KEY).await.map(|_| ()).map_err(js_error_text)
}
