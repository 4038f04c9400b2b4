//! The extension's one HTTP sender, under the fetch policy (`core::fetch_policy`): the core decides what may be
//! sent and reads what came back ([`Outcome`]); this sends it with no cookies or other credentials, no redirect
//! followed, a time limit, and a size limit by `Content-Length` before reading and while reading.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, ReadableStreamDefaultReader, RequestCredentials, RequestRedirect, ResponseType};

use crate::core::fetch_policy::{document_from, may_fetch, Method, Outcome, Outgoing, FETCH_TIMEOUT_SECONDS, MAX_RESPONSE_BYTES};
use crate::core::problem::ProblemKind;

#[wasm_bindgen]
extern "C" {
    // The global `fetch` of the worker (Firefox: the background page). It starts the request at once, so that
    // a check's requests go out side by side; gloo-net's `send` would only start when awaited.
    #[wasm_bindgen(js_name = fetch)]
    fn start_fetch(request: &web_sys::Request) -> js_sys::Promise;
}

/// The text at `url`, or the problem to show. Nothing is sent unless the policy allows the URL.
pub(super) async fn fetch_document(url: &str, granted_hosts: &[String]) -> Result<String, ProblemKind> {
    may_fetch(url, granted_hosts)?;
    document_from(url, finish(start(&Outgoing::get(url), FETCH_TIMEOUT_SECONDS * 1000)).await)
}

/// A request on its way: started now, answered by [`finish`].
pub(super) type Started = Result<js_sys::Promise, JsValue>;

/// Sends `request` now, abandoned after `timeout_ms`. The caller has asked the policy first.
pub(super) fn start(request: &Outgoing, timeout_ms: u32) -> Started {
    let method = match request.method {
        Method::Get => gloo_net::http::Method::GET,
        Method::Post => gloo_net::http::Method::POST,
    };
    let mut builder = gloo_net::http::RequestBuilder::new(&request.url)
        .method(method)
        .credentials(RequestCredentials::Omit)
        .redirect(RequestRedirect::Manual)
        .abort_signal(Some(&AbortSignal::timeout_with_u32(timeout_ms)))
        .header("accept", "application/json");
    if let Some(authorization) = &request.authorization {
        builder = builder.header("authorization", authorization);
    }
    let built = match &request.body {
        Some(body) => builder.header("content-type", body.content_type).body(body.text.as_str()),
        None => builder.build(),
    };
    let request: web_sys::Request = built.map_err(|error| JsValue::from_str(&error.to_string()))?.into();
    Ok(start_fetch(&request))
}

/// What came back for a started request.
pub(super) async fn finish(started: Started) -> Outcome {
    let answered = match started {
        Ok(promise) => JsFuture::from(promise).await,
        Err(error) => Err(error),
    };
    let response: web_sys::Response = match answered.and_then(|value| value.dyn_into()) {
        Ok(response) => response,
        Err(error) => return failure_of(&error),
    };
    if response.type_() == ResponseType::Opaqueredirect {
        return Outcome::Redirected;
    }
    let declared = response.headers().get("content-length").ok().flatten().and_then(|len| len.trim().parse::<usize>().ok());
    if let Some(bytes) = declared.filter(|bytes| *bytes > MAX_RESPONSE_BYTES) {
        if let Some(body) = response.body() {
            let _ = body.cancel();
        }
        return Outcome::TooLarge { bytes };
    }
    let status = response.status();
    match body_text(response.body(), MAX_RESPONSE_BYTES).await {
        Ok(body) => Outcome::Answered { status, body },
        Err(ReadError::TooLarge(bytes)) => Outcome::TooLarge { bytes },
        Err(ReadError::Failed(error)) => failure_of(&error),
    }
}

fn failure_of(error: &JsValue) -> Outcome {
    let name = js_sys::Reflect::get(error, &JsValue::from_str("name")).ok().and_then(|name| name.as_string());
    if name.as_deref() == Some("TimeoutError") {
        Outcome::TimedOut
    } else {
        Outcome::Unreachable
    }
}

/// Why a body could not be read to its end.
enum ReadError {
    /// More than the limit: how many bytes had arrived when reading stopped.
    TooLarge(usize),
    /// The stream failed (a network error, or the time limit's abort).
    Failed(JsValue),
}

/// A response body as text (empty when there is none), read at most `limit` bytes: past that the stream is
/// cancelled, so a large answer is never downloaded whole.
async fn body_text(body: Option<web_sys::ReadableStream>, limit: usize) -> Result<String, ReadError> {
    let Some(body) = body else { return Ok(String::new()) };
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    match read_at_most(&reader, limit).await {
        Ok(bytes) => Ok(String::from_utf8_lossy(&bytes).into_owned()),
        Err(too_large @ ReadError::TooLarge(_)) => {
            let _ = reader.cancel();
            Err(too_large)
        }
        Err(failed) => Err(failed),
    }
}

/// The stream's bytes, stopping as soon as there are more than `limit`.
async fn read_at_most(reader: &ReadableStreamDefaultReader, limit: usize) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(ReadError::Failed)?;
        let done = js_sys::Reflect::get(&chunk, &JsValue::from_str("done")).map_err(ReadError::Failed)?;
        if done.is_truthy() {
            return Ok(bytes);
        }
        let value = js_sys::Reflect::get(&chunk, &JsValue::from_str("value")).map_err(ReadError::Failed)?;
        let array = js_sys::Uint8Array::new(&value);
        if bytes.len() + array.length() as usize > limit {
            return Err(ReadError::TooLarge(bytes.len() + array.length() as usize));
        }
        bytes.extend(array.to_vec());
    }
}
