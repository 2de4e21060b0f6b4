//! Warnings about single records (issue 13): they never make an instance invalid; such a
//! record is planned as far as its data allows or left out with its reason. The core finds
//! them ([`samman::validate::check`]); this only translates.

use crate::error::{Problem, guard};
use crate::{Instance, SammanError};

#[uniffi::export]
impl Instance {
    /// Problems of single records, each with its path; empty when there are none.
    ///
    /// # Errors
    /// Only [`SammanError::Internal`]: warnings are the result, not an error.
    pub fn warnings(&self) -> Result<Vec<Problem>, SammanError> {
        guard(|| {
            Ok(samman::validate::check(self.core())
                .warnings
                .into_iter()
                .map(Into::into)
                .collect())
        })
    }
}
