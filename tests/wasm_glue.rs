//! The wasm-bindgen glue in a real browser (headless Chromium): what crosses the JS boundary arrives in the
//! shape the content scripts read. Storage is exercised end to end in tests/e2e (it needs the extension).
#![cfg(target_arch = "wasm32")]

use okta_anypoint_assist::ext::{handle_message, protocol_version};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("test JSON")
}

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn to_json(value: &JsValue) -> String {
    js_sys::JSON::stringify(value).unwrap().as_string().unwrap()
}

const SAMPLE: &str = include_str!("../tests/fixtures/custom-default.openid-configuration.json");
const SAMPLE_URL: &str = "https://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration";

fn envelope(request: serde_json::Value) -> JsValue {
    js(&serde_json::json!({ "v": protocol_version(), "request": request }).to_string())
}

#[wasm_bindgen_test]
async fn inspect_metadata_answers_a_plain_object_report() {
    let answer = handle_message(envelope(serde_json::json!({"inspectMetadata": {"url": SAMPLE_URL, "text": SAMPLE}}))).await;
    assert_eq!(get(&answer, "kind").as_string().as_deref(), Some("metadataReport"));
    assert_eq!(get(&answer, "valid").as_bool(), Some(true));
    let rows = js_sys::Array::from(&get(&answer, "rows"));
    assert_eq!(rows.length(), 5);
    let first = rows.get(0);
    assert_eq!(get(&first, "label").as_string().as_deref(), Some("Issuer"));
    assert_eq!(get(&first, "value").as_string().as_deref(), Some("https://dev-12345678.okta.com/oauth2/default"));
}

#[wasm_bindgen_test]
async fn field_hints_keep_maps_as_plain_objects() {
    // `others` is a map on the Rust side: it must round-trip, and the answer must be JSON-compatible.
    let answer = handle_message(envelope(serde_json::json!({"fieldHints": {
        "field": "tokenUrl", "value": "http://dev-12345678.okta.com/oauth2/default/v1/token",
        "others": {"issuer": "https://dev-12345678.okta.com/oauth2/default"}
    }})))
    .await;
    let text = to_json(&answer);
    assert!(text.contains("\"code\":\"httpsRequired\""), "{text}");
    assert!(text.contains("\"severity\":\"error\""), "{text}");
}

#[wasm_bindgen_test]
async fn classify_form_answers_field_per_control() {
    let answer = handle_message(envelope(serde_json::json!({"classifyForm": {"controls": [
        {"tag": "input", "type": "text", "labels": ["Issuer"]},
        {"tag": "input", "type": "text", "labels": ["Client Registration URL"]},
        {"tag": "input", "type": "text", "labels": ["Token URL"]},
    ]}})))
    .await;
    let text = to_json(&answer);
    assert!(text.contains("\"isClientProviderForm\":true"), "{text}");
    assert!(text.contains("\"field\":\"tokenUrl\""), "{text}");
}

#[wasm_bindgen_test]
async fn bad_messages_get_a_failure_not_a_panic() {
    for message in [JsValue::NULL, js("{\"v\":2}"), js("{\"v\":2,\"request\":{\"nope\":{}}}"), js("42")] {
        let answer = handle_message(message).await;
        assert_eq!(get(&answer, "kind").as_string().as_deref(), Some("failure"));
        assert!(get(&answer, "message").as_string().unwrap().contains("Reload the page"));
    }
}

#[wasm_bindgen_test]
async fn other_protocol_version_is_told_to_reload() {
    let answer = handle_message(js("{\"v\":999,\"request\":\"getKept\"}")).await;
    assert_eq!(get(&answer, "kind").as_string().as_deref(), Some("failure"));
    assert!(get(&answer, "message").as_string().unwrap().contains("protocol 999"));
}
