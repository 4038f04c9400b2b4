//! The wasm-bindgen glue in a real browser (headless Chromium): what crosses the JS boundary arrives in the
//! shape the content scripts read, and the sender the browser reports decides what is answered. Storage and
//! the network are exercised end to end in tests/e2e (they need the extension).
#![cfg(target_arch = "wasm32")]

use okta_anypoint_assist::ext::{handle_message, protocol_version, use_words, warm_up};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("test JSON")
}

/// The worker's call: `handleMessage` answers a promise (resolved at once for requests the core answers alone).
/// The words are English, given as the worker gives them (`useWords`) when an instance starts.
async fn ask(message: JsValue, sender: JsValue) -> JsValue {
    use okta_anypoint_assist::core::words::{compiled, Catalogue};
    let english: Catalogue = serde_json::from_str(include_str!("../extension/_locales/en/messages.json")).unwrap();
    use_words(&compiled(&english), None);
    wasm_bindgen_futures::JsFuture::from(handle_message(message, sender, JsValue::UNDEFINED)).await.expect("handleMessage never rejects")
}

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn to_json(value: &JsValue) -> String {
    js_sys::JSON::stringify(value).unwrap().as_string().unwrap()
}

const SAMPLE: &str = include_str!("fixtures/custom-default.openid-configuration.json");
const SAMPLE_URL: &str = "https://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration";
const OWN_ID: &str = "abcdefghijklmnopabcdefghijklmnop";

fn envelope(request: serde_json::Value) -> JsValue {
    js(&serde_json::json!({ "v": protocol_version(), "request": request }).to_string())
}

/// What the worker passes for a message from `url`, sent by extension `id`.
fn sender(id: &str, url: &str) -> JsValue {
    js(&serde_json::json!({ "id": id, "url": url, "ownId": OWN_ID, "ownOrigin": format!("chrome-extension://{OWN_ID}/") }).to_string())
}

fn okta_page() -> JsValue {
    sender(OWN_ID, SAMPLE_URL)
}

fn anypoint_page() -> JsValue {
    sender(OWN_ID, "https://anypoint.mulesoft.com/accounts/client-providers")
}

#[wasm_bindgen_test]
async fn inspect_metadata_answers_a_plain_object_report() {
    let request = serde_json::json!({"inspectMetadata": {"text": SAMPLE, "length": SAMPLE.len()}});
    let answer = ask(envelope(request), okta_page()).await;
    assert_eq!(get(&answer, "kind").as_string().as_deref(), Some("metadataReport"));
    assert_eq!(get(&answer, "valid").as_bool(), Some(true));
    let rows = js_sys::Array::from(&get(&answer, "rows"));
    assert_eq!(rows.length(), 5);
    let first = rows.get(0);
    assert_eq!(get(&first, "label").as_string().as_deref(), Some("Issuer"));
    assert_eq!(get(&first, "value").as_string().as_deref(), Some("https://dev-12345678.okta.com/oauth2/default"));
}

/// A hint request with `unread` beside it: a key no type reads, which the decoder walks all the same.
fn with_unread(unread: &JsValue) -> JsValue {
    let message = js(&format!(r#"{{"v":{},"request":{{"fieldHints":{{"field":"issuer","value":"x","others":{{}}}}}}}}"#, protocol_version()));
    js_sys::Reflect::set(&message, &JsValue::from_str("unread"), unread).unwrap();
    message
}

#[wasm_bindgen_test]
async fn a_message_nested_past_the_decoders_depth_is_refused_not_walked() {
    // Walking it would overflow the wasm stack and trap the core. The message is one level; 127 in all are read,
    // as serde_json reads them natively.
    for (depth, kind) in [(20_000, "failure"), (127, "failure"), (126, "hints")] {
        let unread = js(&format!("{}1{}", "[".repeat(depth), "]".repeat(depth)));
        let answer = ask(with_unread(&unread), anypoint_page()).await;
        assert_eq!(get(&answer, "kind").as_string().as_deref(), Some(kind), "{depth}");
    }
}

#[wasm_bindgen_test]
async fn a_message_too_large_to_walk_is_refused_before_it_is_walked() {
    // A sparse array of 2^32 - 1 slots costs a page nothing to send in Firefox (structured clone); walking it
    // slot by slot would hold the worker for minutes and then exhaust the wasm's memory. Binary data is no JSON.
    let sparse = js_sys::Array::new_with_length(u32::MAX);
    let many = js_sys::Array::new_with_length(600_000);
    for (unread, kind) in [(JsValue::from(sparse), "failure"), (many.into(), "failure"), (js_sys::Uint8Array::new_with_length(8).into(), "failure"), (js("[1,2,3]"), "hints")] {
        let answer = ask(with_unread(&unread), anypoint_page()).await;
        assert_eq!(get(&answer, "kind").as_string().as_deref(), Some(kind));
    }
}

#[wasm_bindgen_test]
async fn field_hints_keep_maps_as_plain_objects() {
    // `others` is a map on the Rust side: it must round-trip, and the answer must be JSON-compatible.
    let answer = ask(envelope(serde_json::json!({"fieldHints": {
        "field": "tokenUrl", "value": "http://dev-12345678.okta.com/oauth2/default/v1/token",
        "others": {"issuer": "https://dev-12345678.okta.com/oauth2/default"}
    }})), anypoint_page())
    .await;
    let text = to_json(&answer);
    assert!(text.contains("\"code\":\"httpsRequired\""), "{text}");
    assert!(text.contains("\"severity\":\"error\""), "{text}");
}

#[wasm_bindgen_test]
async fn classify_form_answers_field_per_control() {
    let answer = ask(envelope(serde_json::json!({"classifyForm": {"controls": [
        {"tag": "input", "type": "text", "labels": ["Issuer"]},
        {"tag": "input", "type": "text", "labels": ["Client Registration URL"]},
        {"tag": "input", "type": "text", "labels": ["Token URL"]},
    ]}})), anypoint_page())
    .await;
    let text = to_json(&answer);
    assert!(text.contains("\"isClientProviderForm\":true"), "{text}");
    assert!(text.contains("\"field\":\"tokenUrl\""), "{text}");
}

#[wasm_bindgen_test]
async fn bad_messages_get_a_failure_not_a_panic() {
    for message in [JsValue::NULL, js("{\"v\":3}"), js("{\"v\":3,\"request\":{\"nope\":{}}}"), js("42")] {
        let answer = ask(message, okta_page()).await;
        assert_eq!(get(&answer, "kind").as_string().as_deref(), Some("failure"));
        assert!(get(&answer, "message").as_string().unwrap().contains("Reload the page"));
    }
}

#[wasm_bindgen_test]
async fn other_protocol_version_is_told_to_reload() {
    let answer = ask(js("{\"v\":999,\"request\":\"getKept\"}"), okta_page()).await;
    assert_eq!(get(&answer, "kind").as_string().as_deref(), Some("failure"));
    assert!(get(&answer, "message").as_string().unwrap().contains("protocol 999"));
}

#[wasm_bindgen_test]
async fn senders_are_checked_before_anything_is_answered() {
    let hints = || envelope(serde_json::json!({"fieldHints": {"field": "tokenUrl", "value": "x", "others": {}}}));
    for (who, expected) in [
        (sender("another-extension", "https://anypoint.mulesoft.com/"), "did not come from"),
        (sender(OWN_ID, "https://evil.example/"), "only answers its pages"),
        (okta_page(), "may not be asked from an Okta page"),
        (JsValue::NULL, "did not come from"),
    ] {
        let answer = ask(hints(), who).await;
        assert_eq!(get(&answer, "kind").as_string().as_deref(), Some("failure"));
        let message = get(&answer, "message").as_string().unwrap();
        assert!(message.contains(expected), "{message}");
    }
    assert_eq!(get(&ask(hints(), anypoint_page()).await, "kind").as_string().as_deref(), Some("hints"));
}

#[wasm_bindgen_test]
fn warming_up_runs_each_family_of_hint_rules() {
    // Not a no-op: from the page that woke the worker, real hint requests, answered at once (no promise: the
    // path of a keystroke), with the rules of each field family.
    let answers = warm_up(anypoint_page());
    let codes: Vec<Vec<String>> = answers
        .iter()
        .map(|answer| {
            assert_eq!(get(&answer, "kind").as_string().as_deref(), Some("hints"), "{}", to_json(&answer));
            js_sys::Array::from(&get(&answer, "hints")).iter().filter_map(|hint| get(&hint, "code").as_string()).collect()
        })
        .collect();
    let has = |family: usize, code: &str| codes[family].iter().any(|c| c == code);
    assert_eq!(codes.len(), 4);
    assert!(has(0, "surroundingSpaces") && has(0, "httpsRequired") && has(0, "metadataUrlInEndpoint"), "{codes:?}");
    assert!(has(1, "headerNormalized") && has(1, "bearerNotJwt"), "{codes:?}");
    assert!(has(2, "surroundingSpaces") && has(2, "clientIdCharacters"), "{codes:?}");
    assert!(has(3, "timeoutOutOfRange"), "{codes:?}");
    // From a sender that may not ask for hints, each is refused like any other request.
    for refused in warm_up(okta_page()).iter() {
        assert_eq!(get(&refused, "kind").as_string().as_deref(), Some("failure"));
    }
}

/// What a promise holds if it is already resolved, else "pending".
async fn settled_now(promise: js_sys::Promise) -> JsValue {
    let pending = js_sys::Promise::resolve(&JsValue::from_str("pending"));
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::race(&js_sys::Array::of2(&promise, &pending))).await.unwrap()
}

#[wasm_bindgen_test]
async fn requests_answered_alone_resolve_at_once_others_later() {
    let hints = envelope(serde_json::json!({"fieldHints": {"field": "issuer", "value": "x", "others": {}}}));
    let answer = settled_now(handle_message(hints, anypoint_page(), JsValue::UNDEFINED)).await;
    assert_eq!(get(&answer, "kind").as_string().as_deref(), Some("hints"), "{}", to_json(&answer));
    // A request that needs storage goes through the async path: not settled in the same turn.
    let classify = envelope(serde_json::json!({"classifyForm": {"controls": []}}));
    assert_eq!(settled_now(handle_message(classify, anypoint_page(), JsValue::UNDEFINED)).await.as_string().as_deref(), Some("pending"));
}
