//! Low-level matching algorithms on plain indices, with no domain model.
//!
//! These are the exact algorithms under samman's domain solvers, exposed for researchers who
//! bring their own scores or preferences (the Python `samman.assign` and `samman.stable_match`
//! call them directly).
