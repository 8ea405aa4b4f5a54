//! Typed access to the fields of a JSON request body, with Huawei-shaped errors.
//!
//! The body is read as a `serde_json::Value` rather than derived structs so that every
//! failure (not JSON, unknown field, wrong type, missing field) gets its own precise message.
//! A field sent as `null` counts as absent: common JSON encoders write `null` for "not set".

use serde_json::{Map, Value};

use super::error::{ApiError, MALFORMED_BODY, MISSING_FIELD, UNKNOWN_FIELD, WRONG_TYPE};

pub struct Fields {
    map: Map<String, Value>,
}

impl Fields {
    /// Parses `body` as a JSON object whose keys are all in `known`.
    pub fn parse(body: &[u8], known: &[&str]) -> Result<Self, ApiError> {
        let value: Value = serde_json::from_slice(body).map_err(|e| {
            ApiError::bad_request(
                MALFORMED_BODY,
                format!("Request body is not valid JSON: {e}."),
            )
        })?;
        let Value::Object(map) = value else {
            return Err(ApiError::bad_request(
                MALFORMED_BODY,
                format!(
                    "Request body must be a JSON object, got {}.",
                    type_name(&value)
                ),
            ));
        };
        let unknown: Vec<&str> = map
            .keys()
            .map(String::as_str)
            .filter(|key| !known.contains(key))
            .collect();
        if !unknown.is_empty() {
            return Err(ApiError::bad_request(
                UNKNOWN_FIELD,
                format!("Unknown field(s): {}.", unknown.join(", ")),
            ));
        }
        Ok(Self { map })
    }

    fn get(&self, name: &str) -> Option<&Value> {
        self.map.get(name).filter(|value| !value.is_null())
    }

    pub fn opt_str(&self, name: &str) -> Result<Option<&str>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(wrong_type(name, "a string", other)),
        }
    }

    /// A required string: absent, `null` and `""` are all "missing".
    pub fn req_str(&self, name: &str) -> Result<&str, ApiError> {
        match self.opt_str(name)? {
            Some(s) if !s.is_empty() => Ok(s),
            Some(_) => Err(ApiError::bad_request(
                MISSING_FIELD,
                format!("Field {name} is required and must not be empty."),
            )),
            None => Err(missing(name)),
        }
    }

    /// An integer; a JSON number with a fraction or exponent is the wrong type.
    /// Integers beyond `i64` saturate, which keeps them out of every documented range.
    pub fn opt_int(&self, name: &str) -> Result<Option<i64>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Number(n)) if n.is_i64() || n.is_u64() => {
                Ok(Some(n.as_i64().unwrap_or(i64::MAX)))
            }
            Some(other) => Err(wrong_type(name, "an integer", other)),
        }
    }

    pub fn req_int(&self, name: &str) -> Result<i64, ApiError> {
        self.opt_int(name)?.ok_or_else(|| missing(name))
    }

    pub fn opt_bool(&self, name: &str) -> Result<Option<bool>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(wrong_type(name, "a boolean", other)),
        }
    }

    pub fn req_bool(&self, name: &str) -> Result<bool, ApiError> {
        self.opt_bool(name)?.ok_or_else(|| missing(name))
    }

    pub fn opt_array(&self, name: &str) -> Result<Option<&[Value]>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Array(items)) => Ok(Some(items)),
            Some(other) => Err(wrong_type(name, "an array", other)),
        }
    }
}

fn missing(name: &str) -> ApiError {
    ApiError::bad_request(MISSING_FIELD, format!("Field {name} is required."))
}

fn wrong_type(name: &str, expected: &str, got: &Value) -> ApiError {
    ApiError::bad_request(
        WRONG_TYPE,
        format!("Field {name} must be {expected}, got {}.", type_name(got)),
    )
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
