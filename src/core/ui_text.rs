//! The words on the extension's own buttons and panels, so that the page-side scripts hold no text of their
//! own (they only place what the core answers). Hints, problems and plans carry their own messages.

use serde::Serialize;

use super::fields::AnypointField;

/// The product's name as the admin sees it (also the manifest's name).
pub const PRODUCT_NAME: &str = "Okta → Anypoint Assist";

/// The words of the copy-assist panel (Okta page and popup).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PanelTexts {
    /// The panel's heading and accessible name.
    pub panel: &'static str,
    /// The copy buttons' visible text (their accessible names are per row).
    pub copy: &'static str,
    /// Said after a copy.
    pub copied: &'static str,
    /// Said when the clipboard refused.
    pub copy_failed: &'static str,
    /// The button that keeps the values for the Anypoint tab.
    pub keep: &'static str,
}

/// The panel's words.
pub const PANEL_TEXTS: PanelTexts = PanelTexts {
    panel: PRODUCT_NAME,
    copy: "Copy",
    copied: "Copied.",
    copy_failed: "Could not copy: select the value and press Ctrl+C",
    keep: "Use in Anypoint",
};

/// The words of the helper bar on the Anypoint form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BarTexts {
    /// The bar's accessible name.
    pub name: &'static str,
    /// The button that fills the form.
    pub fill: &'static str,
    /// The button that compares the form with Okta's live metadata (edit pages).
    pub compare: &'static str,
    /// The button that puts back what the fill changed.
    pub undo: &'static str,
    /// The button that checks the filled form against Okta.
    pub check: &'static str,
    /// Its words while the checks run.
    pub checking: &'static str,
    /// When it is enabled: once every field of one of these sets is filled (the Issuer, and the header or the
    /// introspection client).
    pub check_needs: [&'static [AnypointField]; 2],
    /// The fields whose typed values only the check's request carries, as `checkWithOkta`'s `header` and
    /// `secret` (in that order): the script reads them on the admin's click and nowhere else.
    pub check_sends: [AnypointField; 2],
    /// Where the kept values came from and when (provenance), or `None` when nothing is kept.
    pub source: Option<String>,
}

/// The bar's words, with the provenance line of the kept values.
pub fn bar_texts(source: Option<String>) -> BarTexts {
    BarTexts {
        name: PRODUCT_NAME,
        fill: "Fill from Okta",
        compare: "Compare with Okta",
        undo: "Undo fill",
        check: "Check with Okta",
        checking: "Checking with Okta…",
        check_needs: [
            &[AnypointField::Issuer, AnypointField::AuthorizationHeader],
            &[AnypointField::Issuer, AnypointField::IntrospectionClientId, AnypointField::IntrospectionClientSecret],
        ],
        check_sends: [AnypointField::AuthorizationHeader, AnypointField::IntrospectionClientSecret],
        source,
    }
}

/// "3 min ago": how long ago `then` was, both in milliseconds since 1970.
pub fn time_ago(then: u64, now: u64) -> String {
    let minutes = now.saturating_sub(then) / 60_000;
    match minutes {
        0 => "just now".to_string(),
        1..=59 => format!("{minutes} min ago"),
        60..=1439 => format!("{} h ago", minutes / 60),
        _ => format!("{} days ago", minutes / 1440),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_product_name_is_the_manifests() {
        let messages: serde_json::Value =
            serde_json::from_str(include_str!("../../extension/_locales/en/messages.json")).unwrap();
        assert_eq!(messages["extName"]["message"], PRODUCT_NAME);
        let description = messages["extDescription"]["message"].as_str().unwrap();
        assert!(description.chars().count() <= 132, "the Chrome Web Store cuts descriptions at 132 characters");
    }

    #[test]
    fn the_check_alone_carries_the_secret_fields() {
        // The fields the check's request carries as header and secret are the ones that never cross otherwise.
        let texts = bar_texts(None);
        assert_eq!(texts.check_sends, [AnypointField::AuthorizationHeader, AnypointField::IntrospectionClientSecret]);
        assert!(texts.check_sends.iter().all(|field| !field.shares_value()));
    }

    #[test]
    fn ages_read_as_a_person_says_them() {
        assert_eq!(time_ago(0, 30_000), "just now");
        assert_eq!(time_ago(0, 3 * 60_000), "3 min ago");
        assert_eq!(time_ago(0, 125 * 60_000), "2 h ago");
        assert_eq!(time_ago(0, 3 * 1440 * 60_000), "3 days ago");
        assert_eq!(time_ago(10, 0), "just now", "a clock that went back is not negative");
    }
}
