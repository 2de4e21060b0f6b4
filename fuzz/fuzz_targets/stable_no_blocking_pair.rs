//! Deferred acceptance on tiny markets decoded from the fuzzer's bytes, both sides proposing:
//! the matching pairs only mutually acceptable agents and keeps every capacity, and with
//! single-seat lefts (where a stable matching always exists) `blocking_pairs` finds none.
//! With parties a stable matching may not exist; the result must still be a valid matching
//! that `blocking_pairs` can check.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samman::algo::stable::{Proposing, blocking_pairs, deferred_acceptance};
use samman_fuzz::TinyMarket;

fuzz_target!(|tiny: TinyMarket| {
    let owned = tiny.decode();
    let market = owned.market();
    for proposing in [Proposing::Left, Proposing::Right] {
        let matching = deferred_acceptance(&market, proposing).expect("a valid market");
        owned.check(&matching);
        let blocking = blocking_pairs(&market, &matching).expect("a valid matching");
        if owned.single_seats() {
            assert_eq!(blocking, vec![], "{proposing:?} proposing: blocking pairs");
        }
    }
});
