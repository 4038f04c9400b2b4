//! What the browser hands the core (a message, a stored value, a parsed JSON document), as a tree of JSON
//! values, and the one serde `Deserializer` every such input is decoded with.
//!
//! Why not serde-wasm-bindgen's own decoder: it is instantiated once per type it decodes (about 45 KB of the
//! wasm), and its errors format serde's `Unexpected`, which links float formatting (about 17 KB). The walk from a
//! `JsValue` to a `Tree` is one function, and `Tree`'s decoder is plain Rust whose error keeps no text: serde's
//! error messages are never shown (the core says "message not understood" in its own words), so none are built.
//! Serialising stays serde-wasm-bindgen's (`ext::to_js`).

use std::fmt;

use serde::de::value::{MapDeserializer, SeqDeserializer, StringDeserializer};
use serde::de::{self, DeserializeOwned, Deserializer, EnumAccess, IntoDeserializer, VariantAccess, Visitor};

/// How deep a value may nest (serde_json's limit: 127 arrays or objects inside each other, so the native parser
/// and the browser's agree); deeper input is refused rather than walked (a wasm stack overflow would trap the core).
pub const MAX_DEPTH: usize = 128;

/// How many values a tree may hold, every key's included (the walk cannot know which keys are read): as many as a
/// JSON text of 1 MiB (the documents' limit, `metadata::MAX_DOCUMENT_BYTES`) can hold, a digit and a comma each, so
/// that every document the native parser reads is read here too; far below what would exhaust the wasm's memory.
/// A longer array is refused before it is walked (a sparse array of 2^32 - 1 slots costs a page nothing to send
/// in Firefox).
pub const MAX_VALUES: usize = 1 << 19;

/// A JSON value. `undefined` reads as `Null`, and an object's key whose value is `undefined` is not there, as
/// serde-wasm-bindgen has it (so `#[serde(default)]` applies).
#[derive(Debug, Clone, PartialEq)]
pub enum Tree {
    /// `null` or `undefined`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number (JavaScript has one kind).
    Number(f64),
    /// A string.
    Text(String),
    /// An array.
    List(Vec<Tree>),
    /// An object's own keys and values, in the object's order.
    Object(Vec<(String, Tree)>),
}

/// Why a tree is not the type asked for. No text: see the module's comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotThatShape;

impl fmt::Display for NotThatShape {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("not of the expected shape")
    }
}

impl std::error::Error for NotThatShape {}

impl de::Error for NotThatShape {
    fn custom<T: fmt::Display>(_: T) -> Self {
        NotThatShape
    }
}

/// The tree as a `T`.
pub fn decode<T: DeserializeOwned>(tree: Tree) -> Result<T, NotThatShape> {
    T::deserialize(tree)
}

/// The largest integer an f64 holds exactly (2^53): beyond it a number is not read as an integer.
const EXACT_INTEGER: f64 = 9_007_199_254_740_992.0;

impl Tree {
    /// An integer, when this is a number without a fraction that an f64 holds exactly.
    fn integer(&self) -> Option<Result<u64, i64>> {
        match *self {
            Tree::Number(n) if n.fract() == 0.0 && (0.0..=EXACT_INTEGER).contains(&n) => Some(Ok(n as u64)),
            Tree::Number(n) if n.fract() == 0.0 && (-EXACT_INTEGER..0.0).contains(&n) => Some(Err(n as i64)),
            _ => None,
        }
    }

    /// An integer of [`Tree::integer`] to the visitor, by its sign.
    fn visit_integer<'de, V: Visitor<'de>>(integer: Result<u64, i64>, visitor: V) -> Result<V::Value, NotThatShape> {
        match integer {
            Ok(n) => visitor.visit_u64(n),
            Err(n) => visitor.visit_i64(n),
        }
    }

    fn visit_list<'de, V: Visitor<'de>>(items: Vec<Tree>, visitor: V) -> Result<V::Value, NotThatShape> {
        let mut seq = SeqDeserializer::new(items.into_iter());
        let value = visitor.visit_seq(&mut seq)?;
        seq.end()?;
        Ok(value)
    }

    fn visit_object<'de, V: Visitor<'de>>(entries: Vec<(String, Tree)>, visitor: V) -> Result<V::Value, NotThatShape> {
        let mut map = MapDeserializer::new(entries.into_iter());
        let value = visitor.visit_map(&mut map)?;
        map.end()?;
        Ok(value)
    }
}

/// The typed entry points take only their own JSON type and call only the visitor's method for it: a derived
/// visitor's other methods (a struct read from an array, a field name given as a number) are then never
/// instantiated, which is most of the decoder's size. Only `any` (a document's free-form fields) dispatches.
macro_rules! only {
    ($($method:ident: $pattern:pat => $visit:expr;)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotThatShape> {
            #[allow(clippy::redundant_closure_call)]
            match self {
                $pattern => ($visit)(visitor),
                _ => Err(NotThatShape),
            }
        }
    )*};
}

/// The integer entry points: a number without a fraction, whichever its sign (the visitor checks its range).
macro_rules! integers {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotThatShape> {
            Tree::visit_integer(self.integer().ok_or(NotThatShape)?, visitor)
        }
    )*};
}

impl<'de> Deserializer<'de> for Tree {
    type Error = NotThatShape;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotThatShape> {
        // Integers as integers, so that integer fields take them (serde_json's numbers are typed likewise).
        match (self.integer(), self) {
            (Some(integer), _) => Tree::visit_integer(integer, visitor),
            (None, Tree::Null) => visitor.visit_unit(),
            (None, Tree::Bool(on)) => visitor.visit_bool(on),
            (None, Tree::Number(n)) => visitor.visit_f64(n),
            (None, Tree::Text(text)) => visitor.visit_string(text),
            (None, Tree::List(items)) => Tree::visit_list(items, visitor),
            (None, Tree::Object(entries)) => Tree::visit_object(entries, visitor),
        }
    }

    only! {
        deserialize_bool: Tree::Bool(on) => |v: V| v.visit_bool(on);
        deserialize_f32: Tree::Number(n) => |v: V| v.visit_f64(n);
        deserialize_f64: Tree::Number(n) => |v: V| v.visit_f64(n);
        deserialize_char: Tree::Text(text) => |v: V| v.visit_string(text);
        deserialize_str: Tree::Text(text) => |v: V| v.visit_string(text);
        deserialize_string: Tree::Text(text) => |v: V| v.visit_string(text);
        deserialize_identifier: Tree::Text(text) => |v: V| v.visit_string(text);
        deserialize_bytes: Tree::List(items) => |v: V| Tree::visit_list(items, v);
        deserialize_byte_buf: Tree::List(items) => |v: V| Tree::visit_list(items, v);
        deserialize_unit: Tree::Null => |v: V| v.visit_unit();
        deserialize_seq: Tree::List(items) => |v: V| Tree::visit_list(items, v);
        deserialize_map: Tree::Object(entries) => |v: V| Tree::visit_object(entries, v);
    }

    integers! { deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, NotThatShape> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, NotThatShape> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(self, _name: &'static str, _len: usize, visitor: V) -> Result<V::Value, NotThatShape> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, NotThatShape> {
        self.deserialize_map(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotThatShape> {
        match self {
            Tree::Null => visitor.visit_none(),
            tree => visitor.visit_some(tree),
        }
    }

    /// Externally tagged, as serde writes enums: a unit variant is its name; any other is an object of one key.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, NotThatShape> {
        match self {
            Tree::Text(name) => visitor.visit_enum(IntoDeserializer::<NotThatShape>::into_deserializer(name)),
            Tree::Object(mut entries) if entries.len() == 1 => {
                let (name, content) = entries.pop().ok_or(NotThatShape)?;
                visitor.visit_enum(Variant { name, content })
            }
            _ => Err(NotThatShape),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, NotThatShape> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotThatShape> {
        visitor.visit_unit()
    }

    fn deserialize_i128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotThatShape> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_u128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotThatShape> {
        self.deserialize_u64(visitor)
    }
}

impl IntoDeserializer<'_, NotThatShape> for Tree {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

/// A variant with content: `{ "name": content }`.
struct Variant {
    name: String,
    content: Tree,
}

impl<'de> EnumAccess<'de> for Variant {
    type Error = NotThatShape;
    type Variant = Tree;

    fn variant_seed<S: de::DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Tree), NotThatShape> {
        let name: StringDeserializer<NotThatShape> = self.name.into_deserializer();
        Ok((seed.deserialize(name)?, self.content))
    }
}

impl<'de> VariantAccess<'de> for Tree {
    type Error = NotThatShape;

    fn unit_variant(self) -> Result<(), NotThatShape> {
        match self {
            Tree::Null => Ok(()),
            _ => Err(NotThatShape),
        }
    }

    fn newtype_variant_seed<S: de::DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, NotThatShape> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, NotThatShape> {
        self.deserialize_seq(visitor)
    }

    fn struct_variant<V: Visitor<'de>>(self, _fields: &'static [&'static str], visitor: V) -> Result<V::Value, NotThatShape> {
        self.deserialize_map(visitor)
    }
}

/// The browser's value as a tree; `None` when it holds what JSON cannot (a function, a symbol, a BigInt, binary
/// data), nests deeper than [`MAX_DEPTH`] or holds more than [`MAX_VALUES`] values.
#[cfg(target_arch = "wasm32")]
pub fn of_js(value: &wasm_bindgen::JsValue) -> Option<Tree> {
    use wasm_bindgen::JsCast;
    fn walk(value: &wasm_bindgen::JsValue, depth: usize, left: &mut usize) -> Option<Tree> {
        *left = left.checked_sub(1)?;
        if value.is_undefined() || value.is_null() {
            return Some(Tree::Null);
        }
        if let Some(on) = value.as_bool() {
            return Some(Tree::Bool(on));
        }
        if let Some(n) = value.as_f64() {
            return Some(Tree::Number(n));
        }
        if let Some(text) = value.as_string() {
            return Some(Tree::Text(text));
        }
        if depth + 1 >= MAX_DEPTH || !value.is_object() || value.is_function() || js_sys::ArrayBuffer::is_view(value) {
            return None;
        }
        if let Some(array) = value.dyn_ref::<js_sys::Array>() {
            if array.length() as usize > *left {
                return None;
            }
            return array.iter().map(|item| walk(&item, depth + 1, left)).collect::<Option<_>>().map(Tree::List);
        }
        let mut entries = Vec::new();
        for entry in js_sys::Object::entries(value.unchecked_ref()).iter() {
            let entry: js_sys::Array = entry.unchecked_into();
            let item = entry.get(1);
            if !item.is_undefined() {
                entries.push((entry.get(0).as_string()?, walk(&item, depth + 1, left)?));
            }
        }
        Some(Tree::Object(entries))
    }
    let mut left = MAX_VALUES;
    walk(value, 0, &mut left)
}

/// The browser's value as a `T` (through [`of_js`] and [`decode`]).
#[cfg(target_arch = "wasm32")]
pub fn decode_js<T: DeserializeOwned>(value: &wasm_bindgen::JsValue) -> Result<T, NotThatShape> {
    decode(of_js(value).ok_or(NotThatShape)?)
}

/// A JSON value as the browser hands it over after `JSON.parse` (every number an f64). Native: the tests and the
/// fuzz doors decode as the worker does.
#[cfg(not(target_arch = "wasm32"))]
pub fn of_json(value: serde_json::Value) -> Tree {
    match value {
        serde_json::Value::Null => Tree::Null,
        serde_json::Value::Bool(on) => Tree::Bool(on),
        serde_json::Value::Number(n) => Tree::Number(n.as_f64().unwrap_or(f64::NAN)),
        serde_json::Value::String(text) => Tree::Text(text),
        serde_json::Value::Array(items) => Tree::List(items.into_iter().map(of_json).collect()),
        serde_json::Value::Object(entries) => Tree::Object(entries.into_iter().map(|(k, v)| (k, of_json(v))).collect()),
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Tree {
    /// The tree as serde_json's value, its numbers as this decoder reads them (an integer where [`Tree::integer`]
    /// sees one): what serde_json's own decoder is compared on (the envelope fuzz door).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value;
        match (self.integer(), self) {
            (Some(Ok(n)), _) => Value::from(n),
            (Some(Err(n)), _) => Value::from(n),
            (None, Tree::Null) => Value::Null,
            (None, Tree::Bool(on)) => Value::Bool(*on),
            (None, Tree::Number(n)) => serde_json::Number::from_f64(*n).map_or(Value::Null, Value::Number),
            (None, Tree::Text(text)) => Value::String(text.clone()),
            (None, Tree::List(items)) => Value::Array(items.iter().map(Tree::to_json).collect()),
            (None, Tree::Object(entries)) => Value::Object(entries.iter().map(|(k, v)| (k.clone(), v.to_json())).collect()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// A JSON text as the browser would hand it over (`JSON.parse`, then the walk).
    fn tree(json: &str) -> Tree {
        of_json(serde_json::from_str(json).unwrap())
    }

    #[derive(Debug, PartialEq, serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    enum Asked {
        Plain,
        WithFields { text: String, length: usize, #[serde(default)] page: String, maybe: Option<u32> },
        Wrapped(Vec<i64>),
    }

    #[test]
    fn decodes_what_serde_json_decodes() {
        for json in [
            r#""plain""#,
            r#"{"withFields":{"text":"a","length":3,"maybe":null}}"#,
            r#"{"withFields":{"text":"a","length":3}}"#,
            r#"{"plain":null}"#,
            r#"{"withFields":{"text":"a","length":3,"page":"p","maybe":7,"unknown":[1,{"x":2}]}}"#,
            r#"{"wrapped":[-1,0,9007199254740992]}"#,
        ] {
            let direct: Asked = serde_json::from_str(json).unwrap();
            assert_eq!(decode::<Asked>(tree(json)), Ok(direct), "{json}");
        }
        let map: BTreeMap<String, Option<bool>> = decode(tree(r#"{"a":true,"b":null}"#)).unwrap();
        assert_eq!(map, BTreeMap::from([("a".into(), Some(true)), ("b".into(), None)]));
    }

    #[test]
    fn refuses_what_serde_json_refuses() {
        for json in [
            r#""unknown""#,
            r#"{"plain":null,"wrapped":[]}"#,
            r#"{"withFields":{"text":"a","length":-1,"maybe":null}}"#,
            r#"{"withFields":{"text":"a","length":1.5,"maybe":null}}"#,
            r#"{"withFields":{"text":1,"length":1,"maybe":null}}"#,
            r#"{"withFields":{"length":1,"maybe":null}}"#,
            r#"{"wrapped":[1e300]}"#,
            r#"[]"#,
            r#"{}"#,
            r#"{"plain":{}}"#,
        ] {
            assert!(serde_json::from_str::<Asked>(json).is_err(), "{json}");
            assert_eq!(decode::<Asked>(tree(json)), Err(NotThatShape), "{json}");
        }
    }

    #[test]
    fn a_number_is_an_integer_only_when_javascript_holds_it_exactly() {
        let exact = 9_007_199_254_740_992.0;
        for (n, as_u64) in [(0.0, Some(0)), (-0.0, Some(0)), (5.0, Some(5)), (exact, Some(1 << 53)), (exact + 2.0, None), (1.5, None),
            (-1.0, None), (f64::NAN, None), (f64::INFINITY, None), (1e300, None)] {
            assert_eq!(decode::<u64>(Tree::Number(n)).ok(), as_u64, "{n}");
        }
        assert_eq!(decode::<i64>(Tree::Number(-exact)), Ok(-(1 << 53)));
        assert_eq!(decode::<i64>(Tree::Number(f64::NEG_INFINITY)), Err(NotThatShape));
        assert_eq!(decode::<u32>(Tree::Number(4_294_967_296.0)), Err(NotThatShape));
        assert_eq!(decode::<usize>(Tree::Number(7.0)), Ok(7));
        assert_eq!(decode::<f64>(Tree::Number(1.5)), Ok(1.5));
        assert_eq!(decode::<String>(Tree::Number(1.0)), Err(NotThatShape));
    }
}
