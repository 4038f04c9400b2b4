// Run by build.sh: turns wasm-bindgen's glue (an ES module that holds one instance of the core in module
// variables) into a factory of instances. `coreInstance()` answers a fresh copy of the glue's functions and
// state: after a trap the worker starts a new copy, and the callbacks still pending in the dead one (a fetch
// that answers later, a finalizer) reach only their own, stopped instance, never the fresh one
// (docs/architecture.md, "Faults"). The module's own exports stay those of a first instance, for the popup
// and the web page. Its types (for tsc over the scripts) are wasm-bindgen's, with `coreInstance` declared.
import { readFileSync, writeFileSync } from 'node:fs';

const [from, to] = process.argv.slice(2);
const glue = readFileSync(from, 'utf8');
const names = [...glue.matchAll(/^export function (\w+)/gm)].map((match) => match[1]);
const tail = /^export \{ initSync, __wbg_init as default \};\s*$/m;
if (names.length === 0 || !tail.test(glue) || /^import /m.test(glue) || !/^let wasmModule, wasmInstance, wasm;$/m.test(glue)) {
  throw new Error(`${from}: wasm-bindgen glue of an unexpected shape (another wasm-bindgen version?)`);
}
const body = glue.replace(/^export function /gm, 'function ').replace(tail, '');
const exported = [...names, 'initSync'].join(', ');
// Not re-indented: a template literal that spans lines would change.
writeFileSync(to, `export function coreInstance() {\n${body}` + `
  return {
    ${exported},
    init: __wbg_init,
    /** The compiled module, for a fresh instance without compiling again. */
    module: () => wasmModule,
    /** Stops this instance: whatever still calls into it fails in JS, before reaching any wasm. */
    stop() { wasm = undefined; },
  };
}

// The first instance, made on first use: the worker, which makes its own, never pays for it at start.
let first;
const firstInstance = () => (first ??= coreInstance());
${[...names, 'initSync'].map((name) => `export function ${name}(...args) { return firstInstance().${name}(...args); }`).join('\n')}
export default function init(...args) { return firstInstance().init(...args); }
`);

// wasm-bindgen's types, and the factory's.
const types = readFileSync(from.replace(/\.js$/, '.d.ts'), 'utf8');
writeFileSync(to.replace(/\.js$/, '.d.ts'), `${types}
/** A fresh instance of the core: the glue's functions and state, its own. */
export function coreInstance(): {
${[...names, 'initSync'].map((name) => `  ${name}: typeof ${name};`).join('\n')}
  init: typeof __wbg_init;
  module(): WebAssembly.Module;
  stop(): void;
};
`);
