//! Loading a metadata document under the fetch policy (`core::fetch_policy`): allowed URL first, no cookies or
//! other credentials, no redirect followed, a time limit, a size limit by `Content-Length` and while reading.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, ReadableStreamDefaultReader, RequestCredentials, RequestRedirect, ResponseType};

use crate::core::fetch_policy::{may_fetch, FETCH_TIMEOUT_SECONDS, MAX_RESPONSE_BYTES};
use crate::core::problem::ProblemKind;

/// Why a body could not be read to its end.
pub(super) enum ReadError {
    /// More than the limit: how many bytes had arrived when reading stopped.
    TooLarge(usize),
    /// The stream failed (a network error, or the time limit's abort).
    Failed(JsValue),
}

/// The text at `url`, or the problem to show. Nothing is sent unless the policy allows the URL.
pub(super) async fn fetch_document(url: &str, granted_hosts: &[String]) -> Result<String, ProblemKind> {
    may_fetch(url, granted_hosts)?;
    let failed = |status| ProblemKind::FetchFailed { url: url.to_string(), status };
    let on_error = |error: JsValue| {
        if timed_out(&error) {
            ProblemKind::FetchTimedOut { url: url.to_string(), seconds: FETCH_TIMEOUT_SECONDS }
        } else {
            failed(None)
        }
    };
    let signal = AbortSignal::timeout_with_u32(FETCH_TIMEOUT_SECONDS * 1000);
    let response = gloo_net::http::Request::get(url)
        .credentials(RequestCredentials::Omit)
        .redirect(RequestRedirect::Manual)
        .abort_signal(Some(&signal))
        .send()
        .await
        .map_err(|error| match error {
            gloo_net::Error::JsError(js) if js.name == "TimeoutError" => {
                ProblemKind::FetchTimedOut { url: url.to_string(), seconds: FETCH_TIMEOUT_SECONDS }
            }
            _ => failed(None),
        })?;
    if response.type_() == ResponseType::Opaqueredirect {
        return Err(ProblemKind::Redirected { url: url.to_string() });
    }
    if !response.ok() {
        return Err(failed(Some(response.status())));
    }
    let declared = response.headers().get("content-length").and_then(|len| len.trim().parse::<usize>().ok());
    if let Some(bytes) = declared.filter(|bytes| *bytes > MAX_RESPONSE_BYTES) {
        return Err(ProblemKind::TooLarge { bytes });
    }
    match body_text(response.body(), MAX_RESPONSE_BYTES).await {
        Ok(text) => Ok(text),
        Err(ReadError::TooLarge(bytes)) => Err(ProblemKind::TooLarge { bytes }),
        Err(ReadError::Failed(error)) => Err(on_error(error)),
    }
}

/// A response body as text (empty when there is none), read at most `limit` bytes: past that the stream is
/// cancelled, so a large answer is never downloaded whole.
pub(super) async fn body_text(body: Option<web_sys::ReadableStream>, limit: usize) -> Result<String, ReadError> {
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

/// Whether a fetch failed because its `AbortSignal.timeout` fired.
pub(super) fn timed_out(error: &JsValue) -> bool {
    js_sys::Reflect::get(error, &JsValue::from_str("name")).ok().and_then(|name| name.as_string()).as_deref()
        == Some("TimeoutError")
}
