//! How a command reads its arguments. Tauri's own reading answers a malformed call with a
//! deserializer's words that repeat the caller's value (`invalid type: string "1", expected
//! i64`); `Arg<T>` answers every such call with the app's own `{code, message, field}` error
//! instead, names the argument, and refuses a call whose arguments are not an object at all
//! (a bare string is never read as "no arguments").

use serde::de::DeserializeOwned;
use tauri::ipc::{CommandArg, CommandItem, InvokeBody, InvokeError};
use tauri::Runtime;

use alongside_core::error::{AppError, ErrorCode};

/// One command argument, read by name from the call's JSON object. A missing argument reads
/// as `null`, so `Arg<Option<T>>` is optional and any other type is required.
#[derive(Debug, Clone, PartialEq)]
pub struct Arg<T>(pub T);

impl<T> Arg<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for Arg<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Reads argument `key` of a call's payload. Kept apart from Tauri's types so it can be tested.
pub fn read<T: DeserializeOwned>(payload: &InvokeBody, key: &'static str) -> Result<T, AppError> {
    let value = match payload {
        InvokeBody::Json(serde_json::Value::Object(args)) => {
            args.get(key).cloned().unwrap_or(serde_json::Value::Null)
        }
        _ => return Err(unreadable(key)),
    };
    serde_json::from_value(value).map_err(|_| unreadable(key))
}

fn unreadable(key: &str) -> AppError {
    AppError {
        code: ErrorCode::InvalidInput,
        message: "Alongside couldn't read that request, so nothing was changed. \
            Please try again; if it keeps happening, restart Alongside."
            .into(),
        field: (!key.is_empty()).then(|| key.to_owned()),
    }
}

impl<'de, R: Runtime, T: DeserializeOwned> CommandArg<'de, R> for Arg<T> {
    fn from_command(command: CommandItem<'de, R>) -> Result<Self, InvokeError> {
        read(command.message.payload(), command.key)
            .map(Arg)
            .map_err(InvokeError::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn body(v: serde_json::Value) -> InvokeBody {
        InvokeBody::Json(v)
    }

    #[test]
    fn arguments_are_read_by_name() {
        let got: i64 = read(&body(json!({"id": 7})), "id").expect("read");
        assert_eq!(got, 7);
        let none: Option<u32> = read(&body(json!({})), "minutes").expect("missing is none");
        assert_eq!(none, None);
    }

    #[test]
    fn a_wrong_type_gets_the_apps_own_words_without_the_value() {
        let e = read::<i64>(&body(json!({"id": "1"})), "id").expect_err("string for number");
        assert_eq!(e.code, ErrorCode::InvalidInput);
        assert_eq!(e.field.as_deref(), Some("id"));
        assert!(e.message.contains("nothing was changed"));
        assert!(!e.message.contains("invalid type") && !e.message.contains("\"1\""));
        let missing = read::<i64>(&body(json!({})), "id").expect_err("required");
        assert_eq!(missing.code, ErrorCode::InvalidInput);
    }

    #[test]
    fn a_call_without_an_argument_object_is_refused() {
        // `pause_reminders("60")` must not be read as "no arguments", which would resume all.
        for payload in [
            body(json!("60")),
            body(json!(60)),
            body(json!(null)),
            body(json!([60])),
            InvokeBody::Raw(b"60".to_vec()),
        ] {
            assert!(read::<Option<u32>>(&payload, "minutes").is_err());
        }
    }
}
