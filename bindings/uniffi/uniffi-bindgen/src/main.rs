//! `uniffi-bindgen`, built from the workspace so that the generator and the `samman-ffi`
//! library always use the same uniffi version (library mode: `generate --library`).

fn main() {
    uniffi::uniffi_bindgen_main();
}
