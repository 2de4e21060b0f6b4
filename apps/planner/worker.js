// The samman core in a Web Worker, so that the page stays responsive while it plans. The page
// posts `{id, fn, args}` (a function of the package and its arguments); the worker answers
// `{id, result}` or `{id, error}` with the Error's message, kind, path and details as a plain
// object (an Error's own properties do not survive postMessage). It computes nothing itself.
import { loadSamman } from "./samman/index.js";

const DETAILS = ["kind", "path", "problems", "line", "column", "row", "file"];

try {
  const samman = await loadSamman();
  self.onmessage = ({ data: { id, fn, args } }) => {
    try {
      self.postMessage({ id, result: samman[fn](...args) });
    } catch (e) {
      const error = { message: e.message };
      for (const key of DETAILS) if (e[key] !== undefined) error[key] = e[key];
      self.postMessage({ id, error });
    }
  };
  self.postMessage({ ready: true });
} catch (e) {
  self.postMessage({ ready: false, message: e.message });
}
