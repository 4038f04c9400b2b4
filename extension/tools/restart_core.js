
// Appended to wasm-bindgen's glue by build.sh (the glue keeps its instance in a module variable that only code
// in this module can reset). A fresh instance of the already compiled module, for the worker to use after a
// call trapped or hung: the old instance's memory may be in any state.
export function restartCore() {
  const module = wasmModule;
  wasm = undefined;
  __wbg_init_promise = undefined;
  return initSync({ module });
}
