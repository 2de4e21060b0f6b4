//! The guard that keeps a panic inside samman from crossing the FFI boundary. The error apps
//! see, [`SammanError`], is the core's (`samman::ffi`), mapped there once from
//! `samman::Error` by kind.

use std::panic::{AssertUnwindSafe, catch_unwind};

pub use samman::ffi::SammanError;

/// Run `body`, turning a panic into [`SammanError::Internal`] so that it never unwinds into
/// foreign code. Every exported function goes through this; core errors become
/// [`SammanError`] through `From<samman::Error>`.
///
/// The panic message is kept: samman's own panics name invariants, not personal data.
pub(crate) fn guard<T, E>(body: impl FnOnce() -> Result<T, E>) -> Result<T, SammanError>
where
    SammanError: From<E>,
{
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(result) => result.map_err(SammanError::from),
        Err(payload) => {
            let message = (payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic without a message".to_owned());
            Err(SammanError::internal(message))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guard_turns_a_panic_into_an_internal_error() {
        let result: Result<(), _> = guard(|| -> Result<(), SammanError> { panic!("boom {}", 7) });
        assert_eq!(result, Err(SammanError::internal("boom 7".into())));
    }

    #[test]
    fn guard_maps_core_errors_by_kind_with_their_path() {
        let error =
            guard(|| samman::Session::from_json("{\"version\": 1, \"seekers\": [{\"id\": 5}]}"))
                .expect_err("an id must be a string");
        let SammanError::InvalidInput {
            kind,
            path,
            problems,
            ..
        } = error
        else {
            panic!("a parse error is invalid input");
        };
        assert_eq!(
            (kind.as_str(), path.as_str()),
            ("invalid_input", "seekers[0].id")
        );
        assert!(problems[0].message.contains("line 1"), "{problems:?}");
    }
}
