// The native `samman` command the wasm answers are compared with: $SAMMAN_BIN, else the
// workspace's debug build (cargo build -p samman-cli). Not a test file: the tests import it.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/** The repository's root. */
export const root = resolve(import.meta.dirname, "../../..");

/** The command's path. */
export const bin =
  process.env.SAMMAN_BIN ?? join(process.env.CARGO_TARGET_DIR ?? join(root, "target"), "debug", "samman");
if (!existsSync(bin)) {
  throw new Error(`no native samman at ${bin}: build it (cargo build -p samman-cli) or set SAMMAN_BIN`);
}

/** Run the command with `args`; its standard output as text (or bytes with `encoding: null`). */
export const cli = (args, options = {}) =>
  execFileSync(bin, args, { encoding: "utf8", maxBuffer: 1 << 28, ...options });
