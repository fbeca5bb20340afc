// pdf.js's legacy build — the one Node 20 runs — brings core-js, which replaces JSON.stringify,
// JSON.parse and Array.prototype.push of the whole thread with polyfills (for proposals this
// project does not use): JSON.stringify of a 3.3 MB output went from 12 ms to 249 ms. This module
// is imported before pdf.js (src/load/pdf.ts) and keeps the built-ins, which pdf.ts puts back
// once pdf.js and its worker module are loaded. The features core-js adds (Promise.try,
// Iterator helpers, …) stay: pdf.js needs those.

const saved = { stringify: JSON.stringify, parse: JSON.parse, push: Array.prototype.push };

export function restoreNatives(): void {
  JSON.stringify = saved.stringify;
  JSON.parse = saved.parse;
  Array.prototype.push = saved.push;
}
