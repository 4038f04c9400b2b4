//! `assist-types DIR`: the TypeScript types of what the scripts send to the core and get back (the protocol's
//! envelope, requests and responses, what the worker says of a sender, and what the pure exports answer), written from the Rust types by
//! ts-rs as `DIR/<Type>.ts`. `./build.sh build` writes them to target/ts-root/protocol/, where `tsc` (run by
//! `./build.sh test`, see tsconfig.json) checks the scripts' JSDoc against them.

// Native only (the wasm test build compiles every binary, and the doors and ts-rs are not in the wasm).
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use okta_anypoint_assist::core::hosts::ControlPlane;
    use okta_anypoint_assist::core::policy::PolicyShown;
    use okta_anypoint_assist::core::page_answers::{ApiRequest, FillMenu, GrantOffer, Grants, Pasted};
    use okta_anypoint_assist::core::protocol::{Envelope, Request, Response};
    use okta_anypoint_assist::core::sender::Sender;
    use ts_rs::{Config, TS};

    pub fn main() {
        let Some(dir) = std::env::args().nth(1) else {
            eprintln!("usage: assist-types DIR");
            std::process::exit(2);
        };
        // Numbers stay numbers: serde-wasm-bindgen hands a u64 (a time in milliseconds) to JS as a Number.
        let config = Config::new().with_out_dir(dir).with_large_int("number");
        let exported = Envelope::export_all(&config)
            .and_then(|()| Request::export_all(&config))
            .and_then(|()| Response::export_all(&config))
            .and_then(|()| Sender::export_all(&config))
            // The answers of the pure exports (src/ext/page.rs names them in the glue's types).
            .and_then(|()| Pasted::export_all(&config))
            .and_then(|()| GrantOffer::export_all(&config))
            .and_then(|()| Grants::export_all(&config))
            .and_then(|()| ControlPlane::export_all(&config))
            .and_then(|()| FillMenu::export_all(&config))
            .and_then(|()| PolicyShown::export_all(&config))
            .and_then(|()| ApiRequest::export_all(&config));
        if let Err(error) = exported {
            eprintln!("assist-types: {error}");
            std::process::exit(1);
        }
    }
}
