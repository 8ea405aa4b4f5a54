//! Typed access to the request's JSON, with errors that point at the property (RFC 6901).
//!
//! Read as a `serde_json::Value` rather than derived structs so that every failure (unknown
//! property, missing property, wrong type) names the exact place. Optional properties are
//! omitted when absent, so an optional property sent as `null` is of the wrong type.

use axum::http::StatusCode;
use serde_json::{Map, Value};

use super::error::{ApiError, MALFORMED_JSON, MISSING_FIELD, UNKNOWN_FIELD, WRONG_TYPE};

/// A JSON object and where it sits in the request.
pub struct Object<'a> {
    map: &'a Map<String, Value>,
    at: String,
}

impl<'a> Object<'a> {
    /// The request body itself, which must be an object.
    pub fn root(value: &'a Value) -> Result<Self, ApiError> {
        match value {
            Value::Object(map) => Ok(Self {
                map,
                at: String::new(),
            }),
            other => Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                MALFORMED_JSON,
                format!("The body must be a JSON object, got {}.", type_name(other)),
            )),
        }
    }

    fn of(value: &'a Value, at: String) -> Result<Self, ApiError> {
        match value {
            Value::Object(map) => Ok(Self { map, at }),
            other => Err(wrong_type(at, "an object", other)),
        }
    }

    /// The pointer of this object's property `key`.
    pub fn pointer(&self, key: &str) -> String {
        format!("{}/{}", self.at, escape(key))
    }

    /// Refuses the first property outside `known`, naming the ones allowed.
    pub fn only(&self, known: &[&str]) -> Result<(), ApiError> {
        match self.map.keys().find(|key| !known.contains(&key.as_str())) {
            None => Ok(()),
            Some(key) => Err(ApiError::at(
                self.pointer(key),
                UNKNOWN_FIELD,
                format!(
                    "{} is not a property of the format; {} allows only {}.",
                    self.pointer(key),
                    self.name(),
                    known.join(", ")
                ),
            )),
        }
    }

    fn name(&self) -> &str {
        if self.at.is_empty() {
            "the order"
        } else {
            &self.at
        }
    }

    pub fn required(&self, key: &str) -> Result<&'a Value, ApiError> {
        self.map.get(key).ok_or_else(|| {
            ApiError::at(
                self.pointer(key),
                MISSING_FIELD,
                format!("{} is required.", self.pointer(key)),
            )
        })
    }

    pub fn string(&self, key: &str) -> Result<&'a str, ApiError> {
        let value = self.required(key)?;
        value
            .as_str()
            .ok_or_else(|| wrong_type(self.pointer(key), "a string", value))
    }

    pub fn opt_string(&self, key: &str) -> Result<Option<&'a str>, ApiError> {
        match self.map.get(key) {
            None => Ok(None),
            Some(Value::String(text)) => Ok(Some(text)),
            Some(other) => Err(wrong_type(
                self.pointer(key),
                "a string (omit it rather than send null)",
                other,
            )),
        }
    }

    pub fn boolean(&self, key: &str) -> Result<bool, ApiError> {
        let value = self.required(key)?;
        value
            .as_bool()
            .ok_or_else(|| wrong_type(self.pointer(key), "a boolean", value))
    }

    /// An integer; as in JSON Schema, `12.0` is one and `12.5` is not.
    pub fn integer(&self, key: &str) -> Result<f64, ApiError> {
        let value = self.required(key)?;
        value
            .as_f64()
            .filter(|number| number.fract() == 0.0)
            .ok_or_else(|| wrong_type(self.pointer(key), "an integer", value))
    }

    pub fn array(&self, key: &str) -> Result<&'a [Value], ApiError> {
        let value = self.required(key)?;
        value
            .as_array()
            .map(Vec::as_slice)
            .ok_or_else(|| wrong_type(self.pointer(key), "an array", value))
    }

    pub fn object(&self, key: &str) -> Result<Object<'a>, ApiError> {
        Object::of(self.required(key)?, self.pointer(key))
    }

    /// A property that is always present, and `null` when not applicable.
    pub fn nullable_object(&self, key: &str) -> Result<Option<Object<'a>>, ApiError> {
        match self.required(key)? {
            Value::Null => Ok(None),
            Value::Object(map) => Ok(Some(Object {
                map,
                at: self.pointer(key),
            })),
            other => Err(wrong_type(self.pointer(key), "an object or null", other)),
        }
    }
}

/// Item `index` of the array at `at`, which must be an object.
pub fn item<'a>(value: &'a Value, at: &str, index: usize) -> Result<Object<'a>, ApiError> {
    Object::of(value, format!("{at}/{index}"))
}

fn wrong_type(at: String, expected: &str, got: &Value) -> ApiError {
    let message = format!("{at} must be {expected}, got {}.", type_name(got));
    ApiError::at(at, WRONG_TYPE, message)
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_f64() => "a fractional number",
        Value::Number(_) => "an integer",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// RFC 6901: `~` becomes `~0` and `/` becomes `~1` inside a reference token.
fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn pointers_escape_tildes_and_slashes() {
        let value = json!({"a": {}});
        let root = Object::root(&value).unwrap();
        assert_eq!(root.pointer("a/b~c"), "/a~1b~0c");
        assert_eq!(root.object("a").unwrap().pointer("x"), "/a/x");
    }

    #[test]
    fn an_optional_string_sent_as_null_is_of_the_wrong_type() {
        let value = json!({"title": null});
        let err = Object::root(&value)
            .unwrap()
            .opt_string("title")
            .unwrap_err();
        assert_eq!(err.code, WRONG_TYPE);
        assert_eq!(err.field.as_deref(), Some("/title"));
    }

    #[test]
    fn integers_may_have_a_zero_fraction_only() {
        let value = json!({"a": 12.0, "b": 12.5, "c": "12"});
        let root = Object::root(&value).unwrap();
        assert_eq!(root.integer("a").unwrap(), 12.0);
        assert!(root.integer("b").is_err());
        assert!(root.integer("c").is_err());
    }
}
