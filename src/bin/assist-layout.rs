//! `assist-layout`: what extension/tools/layout.mjs takes from the core, as one JSON object: the host sets the
//! manifests name (`"$name"` in extension/manifest.common.json, from `core::hosts`) and the constants the content
//! scripts and the popup share with the core (the protocol version, the time they wait for the worker, what an
//! Anypoint error about the provider mentions), and each catalogue of `extension/_locales` compiled as the core
//! renders it (`words::compiled`: keys sorted, placeholders replaced), for `words/{lang}.txt`.
//! `./build.sh build` runs it, so hosts and numbers are declared once, in Rust.

use okta_anypoint_assist::core::{after_create, fetch_policy, hosts, policy, protocol, words};
use serde_json::{json, Map, Value};

fn main() {
    let host_sets: Map<String, Value> =
        hosts::manifest_host_sets().into_iter().map(|(name, patterns)| (name.to_string(), Value::from(patterns))).collect();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/extension/_locales");
    let mut compiled = Map::new();
    for entry in std::fs::read_dir(dir).expect("extension/_locales") {
        let lang = entry.expect("a language folder").file_name().into_string().expect("a language's name");
        let text = std::fs::read_to_string(format!("{dir}/{lang}/messages.json")).expect("its messages.json");
        let catalogue: words::Catalogue = serde_json::from_str(&text).expect("the catalogue is JSON");
        compiled.insert(lang, Value::from(words::compiled(&catalogue)));
    }
    let layout = json!({
        "hostSets": host_sets,
        "managedSchema": managed_schema(&std::fs::read_to_string(format!("{dir}/en/messages.json")).expect("English")),
        "words": compiled,
        "constants": {
            "PROTOCOL_VERSION": protocol::PROTOCOL_VERSION,
            "CALLER_DEADLINE_MS": fetch_policy::CALLER_DEADLINE_MS,
            "ERROR_MENTIONS": after_create::ERROR_MENTIONS,
            "MAX_ERROR_TEXT": after_create::MAX_ERROR_TEXT,
        },
    });
    println!("{layout}");
}

/// Chrome's `storage.managed_schema` for the policy keys of `core::policy`, titled from the English catalogue.
fn managed_schema(english: &str) -> Value {
    let catalogue: Value = serde_json::from_str(english).expect("the catalogue is JSON");
    let title = |key: &str| catalogue[key]["message"].as_str().expect("a title in the catalogue").to_string();
    let mut properties = Map::new();
    for (key, title_key) in policy::LISTS {
        properties.insert(key.into(), json!({ "type": "array", "title": title(title_key), "items": { "type": "string" } }));
    }
    for switch in policy::Switch::ALL {
        properties.insert(switch.key().into(), json!({ "type": "boolean", "title": title(switch.label_key()) }));
    }
    json!({ "type": "object", "properties": properties })
}
