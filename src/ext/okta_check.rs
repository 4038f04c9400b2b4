//! "Check with Okta" in the worker: the core plans the requests (`core::okta_check::plan_checks`, every URL on
//! the Issuer's host), this sends them all at once (no cookies, no redirects followed, 8 s and the size limit
//! each) and hands the answers back to the core to judge. The header and the secret live only in the plan.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, RequestCredentials, RequestInit, RequestRedirect, ResponseType};

use super::fetch::{body_text, timed_out, ReadError};
use crate::core::fetch_policy::{CHECK_TOTAL_MS, FETCH_TIMEOUT_SECONDS, MAX_RESPONSE_BYTES};
use crate::core::hints::FormValues;
use crate::core::okta_check::{
    judge, plan_checks, plan_second_round, summary, CheckProof, Filled, OktaCall, Outcome,
};
use crate::core::protocol::Response;

#[wasm_bindgen]
extern "C" {
    // The global `fetch` of the worker (Firefox: the background page): it starts the request at once, so the
    // checks run side by side.
    #[wasm_bindgen(js_name = fetch)]
    fn start_fetch(request: &web_sys::Request) -> js_sys::Promise;
}

/// The result of a check run, and what it proved (for the checklist).
pub(super) async fn check_with_okta(
    values: &FormValues,
    header: &str,
    secret: &str,
    granted_hosts: &[String],
    now: u64,
) -> (Response, Option<CheckProof>) {
    let mut plan = match plan_checks(&Filled { values, header, secret }, granted_hosts) {
        Ok(plan) => plan,
        Err(message) => return (Response::Failure { message }, None),
    };
    // Round one: the discovery documents (nothing secret). Round two, only if they prove the Issuer is an
    // authorization server of that org: the token's and the client's requests.
    let started = js_sys::Date::now();
    let per_request = FETCH_TIMEOUT_SECONDS * 1000;
    let mut outcomes = send_all(&plan.calls, per_request).await;
    #[cfg(feature = "trap-door")]
    super::trap_door::trap_if(header, super::trap_door::CHECK);
    let nonce = format!("{:016x}{:016x}", random_u64(), random_u64());
    let added = plan_second_round(&mut plan, &outcomes, granted_hosts, &nonce);
    // What the first round left of the whole check's time (at least a second, for a fair chance).
    let left = (f64::from(CHECK_TOTAL_MS) - (js_sys::Date::now() - started)).max(1000.0) as u32;
    outcomes.extend(send_all(&plan.calls[plan.calls.len() - added..], left.min(per_request)).await);
    let lines = judge(&plan, &outcomes, values, granted_hosts);
    let proof = CheckProof::of(&plan, &lines, now);
    (Response::OktaChecked { summary: summary(&plan.org, &lines), lines }, Some(proof))
}

/// Every call started at once (each abandoned after `timeout_ms`), then awaited in order.
async fn send_all(calls: &[OktaCall], timeout_ms: u32) -> Vec<Outcome> {
    let started: Vec<_> = calls.iter().map(|call| start(call, timeout_ms)).collect();
    let mut outcomes = Vec::with_capacity(started.len());
    for request in started {
        outcomes.push(finish(request).await);
    }
    outcomes
}

fn random_u64() -> u64 {
    (js_sys::Math::random() * 2f64.powi(53)) as u64
}

fn start(call: &OktaCall, timeout_ms: u32) -> Result<js_sys::Promise, JsValue> {
    let init = RequestInit::new();
    init.set_method(call.method);
    init.set_credentials(RequestCredentials::Omit);
    init.set_redirect(RequestRedirect::Manual);
    init.set_signal(Some(&AbortSignal::timeout_with_u32(timeout_ms)));
    let headers = web_sys::Headers::new()?;
    headers.set("accept", "application/json")?;
    if let Some(authorization) = &call.authorization {
        headers.set("authorization", authorization)?;
    }
    if let Some(body) = &call.form_body {
        headers.set("content-type", "application/x-www-form-urlencoded")?;
        init.set_body(&JsValue::from_str(body));
    }
    init.set_headers(&headers);
    let request = web_sys::Request::new_with_str_and_init(&call.url, &init)?;
    Ok(start_fetch(&request))
}

fn failure_of(error: &JsValue) -> Outcome {
    if timed_out(error) {
        Outcome::TimedOut
    } else {
        Outcome::Unreachable
    }
}

async fn finish(started: Result<js_sys::Promise, JsValue>) -> Outcome {
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
    let status = response.status();
    match body_text(response.body(), MAX_RESPONSE_BYTES).await {
        Ok(body) => Outcome::Answered { status, body },
        Err(ReadError::TooLarge(_)) => Outcome::TooLarge,
        Err(ReadError::Failed(error)) => failure_of(&error),
    }
}
