//! Deferred acceptance (in progress).
