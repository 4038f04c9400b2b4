//! The core's modules are listed in src/core/mod.rs from the ground up, and no module may use one listed after
//! it (docs/architecture.md, "Where things live"). Tests are exempt: they may build fixtures from any module.

use std::fs;

/// The module names in declaration order.
fn declared_order() -> Vec<String> {
    let mod_rs = fs::read_to_string("src/core/mod.rs").unwrap();
    mod_rs
        .lines()
        .filter_map(|line| line.trim().strip_prefix("pub mod "))
        .map(|rest| rest.trim_end_matches(';').to_string())
        .collect()
}

/// The code of a module: without its tests (a `#[cfg(test)]` item, which ends the file here, or its own file)
/// and without comments (a doc link names a module without using it).
fn source_of(module: &str) -> String {
    let text = fs::read_to_string(format!("src/core/{module}.rs")).unwrap();
    let code = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => &text,
    };
    code.lines().filter(|line| !line.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

/// The core modules a source uses: `super::x`, `crate::core::x`.
fn uses(source: &str, modules: &[String]) -> Vec<String> {
    modules
        .iter()
        .filter(|other| {
            [format!("super::{other}::"), format!("super::{other}::{{"), format!("crate::core::{other}::")]
                .iter()
                .any(|path| source.contains(path.as_str()))
                || source.contains(&format!("use super::{other};"))
        })
        .cloned()
        .collect()
}

#[test]
fn no_core_module_uses_one_declared_after_it() {
    let order = declared_order();
    assert!(order.len() > 10, "src/core/mod.rs lists the modules: {order:?}");
    let mut wrong = Vec::new();
    for (at, module) in order.iter().enumerate() {
        for used in uses(&source_of(module), &order) {
            let used_at = order.iter().position(|m| *m == used).unwrap();
            if used_at > at {
                wrong.push(format!("{module} uses {used}, declared after it"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_check_finds_a_use_written_either_way() {
    let modules = vec!["hosts".to_string(), "draft".to_string()];
    assert_eq!(uses("use super::hosts::{Plane};", &modules), ["hosts"]);
    assert_eq!(uses("let x = crate::core::draft::AnypointDraft::new();", &modules), ["draft"]);
    assert!(uses("use super::hostsx::Y;", &modules).is_empty());
}
