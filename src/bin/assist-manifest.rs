//! `assist-manifest`: the host sets the extension's manifests name (`"$name"` in extension/manifest.common.json),
//! as one JSON object, from `core::hosts`. `./build.sh build` runs it and extension/tools/layout.mjs writes the
//! sets into each browser's manifest, so the hosts are declared once, in Rust.

fn main() {
    let sets: serde_json::Map<String, serde_json::Value> = okta_anypoint_assist::core::hosts::manifest_host_sets()
        .into_iter()
        .map(|(name, patterns)| (name.to_string(), serde_json::Value::from(patterns)))
        .collect();
    println!("{}", serde_json::Value::Object(sets));
}
