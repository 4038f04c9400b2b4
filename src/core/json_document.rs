//! A metadata document's JSON, or one of Okta's API answers, read into just the fields the checks look at. Natively the text is parsed by
//! serde_json; in the extension by the browser's own `JSON.parse` and the decoder every message already uses
//! (`tree`), which keeps serde_json's ~30 KB out of the wasm. Both feed the same serde types.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::problem::ProblemKind;

/// One field as the document has it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Found {
    /// Not in the document.
    #[default]
    Absent,
    /// `null`.
    Null,
    /// A string.
    Text(String),
    /// `true` or `false`.
    Flag(bool),
    /// Another JSON type, by the catalogue's message that names it ("jsonNumber").
    Other(&'static str),
}

impl Found {
    /// The text, when the field is a string.
    pub fn text(&self) -> Option<&str> {
        match self {
            Self::Text(text) => Some(text),
            _ => None,
        }
    }
}

/// The fields of a metadata document, and of Okta's answers to the checks (`okta_check.rs`), that the core
/// reads; every other field is skipped unread. A field written twice keeps its last value, as the browser's
/// `JSON.parse` does (both parsers must agree).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[allow(missing_docs)] // the document's own field names (RFC 8414 §2; Okta's error object; RFC 7662 `active`)
pub struct DocumentFields {
    pub issuer: Found,
    pub authorization_endpoint: Found,
    pub token_endpoint: Found,
    pub registration_endpoint: Found,
    pub introspection_endpoint: Found,
    pub jwks_uri: Found,
    pub userinfo_endpoint: Found,
    pub revocation_endpoint: Found,
    pub end_session_endpoint: Found,
    /// Okta API errors: `errorCode` ("E0000011") and `errorSummary`.
    pub error_code: Found,
    pub error_summary: Found,
    /// OAuth errors (RFC 6749 §5.2): `error` ("invalid_client").
    pub error: Found,
    /// Introspection answers (RFC 7662 §2.2).
    pub active: Found,
    /// Dynamic client registration answers (RFC 7591 §3.2.1, §3.2.2; Okta's client objects).
    pub client_id: Found,
    pub client_secret: Found,
    pub client_name: Found,
    pub error_description: Found,
}

impl DocumentFields {
    /// The field named `name` (one of the struct's fields).
    pub fn get(&self, name: &str) -> &Found {
        match name {
            "issuer" => &self.issuer,
            "authorization_endpoint" => &self.authorization_endpoint,
            "token_endpoint" => &self.token_endpoint,
            "registration_endpoint" => &self.registration_endpoint,
            "introspection_endpoint" => &self.introspection_endpoint,
            "jwks_uri" => &self.jwks_uri,
            "userinfo_endpoint" => &self.userinfo_endpoint,
            "revocation_endpoint" => &self.revocation_endpoint,
            "end_session_endpoint" => &self.end_session_endpoint,
            "errorCode" => &self.error_code,
            "errorSummary" => &self.error_summary,
            "error" => &self.error,
            "active" => &self.active,
            "client_id" => &self.client_id,
            "client_secret" => &self.client_secret,
            "client_name" => &self.client_name,
            "error_description" => &self.error_description,
            _ => &Found::Absent,
        }
    }

    fn slot(&mut self, name: &str) -> Option<&mut Found> {
        Some(match name {
            "issuer" => &mut self.issuer,
            "authorization_endpoint" => &mut self.authorization_endpoint,
            "token_endpoint" => &mut self.token_endpoint,
            "registration_endpoint" => &mut self.registration_endpoint,
            "introspection_endpoint" => &mut self.introspection_endpoint,
            "jwks_uri" => &mut self.jwks_uri,
            "userinfo_endpoint" => &mut self.userinfo_endpoint,
            "revocation_endpoint" => &mut self.revocation_endpoint,
            "end_session_endpoint" => &mut self.end_session_endpoint,
            "errorCode" => &mut self.error_code,
            "errorSummary" => &mut self.error_summary,
            "error" => &mut self.error,
            "active" => &mut self.active,
            "client_id" => &mut self.client_id,
            "client_secret" => &mut self.client_secret,
            "client_name" => &mut self.client_name,
            "error_description" => &mut self.error_description,
            _ => return None,
        })
    }
}

/// The most objects of a list that are read: Okta's largest page of clients (the name lookup asks for it).
pub const MAX_LISTED: usize = 200;

/// The top level of a JSON text: an object's fields, or what else it was.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(clippy::large_enum_variant)] // one per document read, never stored in bulk
pub enum TopLevel {
    /// A JSON object.
    Object(DocumentFields),
    /// A JSON array: the fields of each object in it (Okta's lists of clients); other elements skipped.
    List(Vec<DocumentFields>),
    /// Anything else, by the catalogue's message that names it ("jsonArray").
    Other(&'static str),
}

/// The fields of one JSON object, every other key skipped.
fn read_fields<'de, A: MapAccess<'de>>(mut map: A) -> Result<DocumentFields, A::Error> {
    let mut fields = DocumentFields::default();
    while let Some(key) = map.next_key::<String>()? {
        match fields.slot(&key) {
            Some(slot) => *slot = map.next_value()?,
            None => {
                map.next_value::<IgnoredAny>()?;
            }
        }
    }
    Ok(fields)
}

/// An element of a top-level array: an object's fields, or nothing.
struct Element(Option<DocumentFields>);

impl<'de> Deserialize<'de> for Element {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ElementVisitor;
        impl<'de> Visitor<'de> for ElementVisitor {
            type Value = Element;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Element, A::Error> {
                read_fields(map).map(|fields| Element(Some(fields)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Element, A::Error> {
                FoundVisitor.visit_seq(seq).map(|_| Element(None))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Element, E> {
                Ok(Element(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Element, E> {
                Ok(Element(None))
            }
            fn visit_none<E: de::Error>(self) -> Result<Element, E> {
                Ok(Element(None))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Element, E> {
                Ok(Element(None))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Element, E> {
                Ok(Element(None))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Element, E> {
                Ok(Element(None))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Element, E> {
                Ok(Element(None))
            }
        }
        deserializer.deserialize_any(ElementVisitor)
    }
}

struct FoundVisitor;

impl<'de> Visitor<'de> for FoundVisitor {
    type Value = Found;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Found, E> {
        Ok(Found::Text(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Found, E> {
        Ok(Found::Text(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Found, E> {
        Ok(Found::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Found, E> {
        Ok(Found::Null)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Found, E> {
        Ok(Found::Flag(v))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Found, E> {
        Ok(Found::Other("jsonNumber"))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Found, E> {
        Ok(Found::Other("jsonNumber"))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Found, E> {
        Ok(Found::Other("jsonNumber"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Found, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Found::Other("jsonArray"))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Found, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Found::Other("jsonObject"))
    }
}

impl<'de> Deserialize<'de> for Found {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FoundVisitor)
    }
}

impl<'de> Deserialize<'de> for TopLevel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TopVisitor;
        impl<'de> Visitor<'de> for TopVisitor {
            type Value = TopLevel;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON document")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<TopLevel, A::Error> {
                read_fields(map).map(TopLevel::Object)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<TopLevel, A::Error> {
                let mut list = Vec::new();
                while let Some(Element(fields)) = seq.next_element::<Element>()? {
                    // An answer may be of any length (the size limit bounds it); what is read of it is not.
                    if list.len() < MAX_LISTED {
                        list.extend(fields);
                    }
                }
                Ok(TopLevel::List(list))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<TopLevel, E> {
                Ok(TopLevel::Other("jsonString"))
            }
            fn visit_unit<E: de::Error>(self) -> Result<TopLevel, E> {
                Ok(TopLevel::Other("jsonNull"))
            }
            fn visit_none<E: de::Error>(self) -> Result<TopLevel, E> {
                Ok(TopLevel::Other("jsonNull"))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<TopLevel, E> {
                Ok(TopLevel::Other("jsonBoolean"))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<TopLevel, E> {
                Ok(TopLevel::Other("jsonNumber"))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<TopLevel, E> {
                Ok(TopLevel::Other("jsonNumber"))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<TopLevel, E> {
                Ok(TopLevel::Other("jsonNumber"))
            }
        }
        deserializer.deserialize_any(TopVisitor)
    }
}

/// Parse a JSON text (already trimmed, not empty) into its top level.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_json(text: &str) -> Result<TopLevel, ProblemKind> {
    serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => ProblemKind::InvalidJson { position: None },
        _ => ProblemKind::InvalidJson { position: Some((e.line(), e.column())) },
    })
}

/// Parse a JSON text (already trimmed, not empty) into its top level, with the browser's `JSON.parse`.
#[cfg(target_arch = "wasm32")]
pub fn parse_json(text: &str) -> Result<TopLevel, ProblemKind> {
    let value = js_sys::JSON::parse(text).map_err(|error| {
        let message = js_sys::Reflect::get(&error, &"message".into()).ok().and_then(|m| m.as_string());
        ProblemKind::InvalidJson { position: message.as_deref().and_then(line_and_column) }
    })?;
    super::tree::decode_js(&value).map_err(|_| ProblemKind::InvalidJson { position: None })
}

/// "… (line 3 column 14)" (Chromium) or "… at line 3 column 14 of the JSON data" (Firefox) → (3, 14).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn line_and_column(message: &str) -> Option<(usize, usize)> {
    let rest = &message[message.find("line ")? + 5..];
    let (line, rest) = rest.split_once(" column ")?;
    let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((line.trim().parse().ok()?, column.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_only_the_fields_it_needs_and_names_other_types() {
        let TopLevel::Object(fields) =
            parse_json(r#"{"issuer":"https://a.okta.com","token_endpoint":3,"jwks_uri":null,"extra":{"deep":[1,2]}}"#).unwrap()
        else {
            panic!("jsonObject")
        };
        assert_eq!(fields.issuer, Found::Text("https://a.okta.com".into()));
        assert_eq!(fields.token_endpoint, Found::Other("jsonNumber"));
        assert_eq!(fields.jwks_uri, Found::Null);
        assert_eq!(fields.registration_endpoint, Found::Absent);
        assert_eq!(parse_json("[1]").unwrap(), TopLevel::List(Vec::new()));
        let TopLevel::List(clients) = parse_json(r#"[{"client_id":"0oa1","client_name":"A"},2,[{"client_id":"nested"}],{"client_id":"0oa2"}]"#).unwrap() else {
            panic!("jsonArray")
        };
        assert_eq!(clients.iter().map(|c| c.client_id.text()).collect::<Vec<_>>(), [Some("0oa1"), Some("0oa2")], "objects at the top only");
        assert_eq!(parse_json("\"x\"").unwrap(), TopLevel::Other("jsonString"));
        assert_eq!(parse_json("{\n\"issuer\": }"), Err(ProblemKind::InvalidJson { position: Some((2, 11)) }));
        // Written twice: the last value, as JSON.parse gives it.
        let TopLevel::Object(twice) = parse_json(r#"{"issuer":"https://a.okta.com","issuer":"https://b.okta.com"}"#).unwrap() else {
            panic!("jsonObject")
        };
        assert_eq!(twice.issuer, Found::Text("https://b.okta.com".into()));
    }

    #[test]
    fn browser_messages_give_line_and_column() {
        assert_eq!(line_and_column("Unexpected token '}', ... is not valid JSON (line 3 column 14)"), Some((3, 14)));
        assert_eq!(line_and_column("JSON.parse: expected ',' at line 1 column 12 of the JSON data"), Some((1, 12)));
        assert_eq!(line_and_column("Unexpected end of JSON input"), None);
    }
}
