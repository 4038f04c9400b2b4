// Lays out the unpacked extension for each browser: shared files + that browser's manifest overlay
// (extension/platform/<browser>/manifest.json). What differs per browser lives only in platform/. The version
// is Cargo.toml's, so the core, the manifests and the package names cannot disagree. The host lists and the
// numbers the scripts share with the core come from the core too (`assist-layout`): the manifest names a host
// set ("$oktaHosts"), and shared/core_constants.js is written here (ignored by git, never kept). The content
// scripts and the popup are ES modules with explicit imports, bundled here by esbuild: one file per content
// script, so no two scripts share a scope.
//   node extension/tools/layout.mjs <core-dir> <layout-from-core.json>   → extension/dist/{chrome,firefox}/
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const EXT = join(dirname(fileURLToPath(import.meta.url)), '..');
const [coreDir, fromCoreFile] = process.argv.slice(2);
if (!coreDir || !fromCoreFile) throw new Error('usage: layout.mjs <dir with okta_anypoint_assist.js and _bg.wasm> <layout-from-core.json>');

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
export const VERSION = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(EXT, '..', 'Cargo.toml'), 'utf8'))[1];
const { hostSets, constants, words, managedSchema } = readJson(fromCoreFile);
const constantsModule = ['// Written by extension/tools/layout.mjs from the core (`assist-layout`): the numbers the content scripts',
  '// and the popup share with it. Not in the repository: change them in src/core.',
  ...Object.entries(constants).map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};`), ''].join('\n');
writeFileSync(join(EXT, 'shared', 'core_constants.js'), constantsModule);

// Each bundle: its entry module → its place in the build. The popup stays a module (it imports the core's glue).
export const BUNDLES = [
  { entry: 'content/okta_metadata.js', out: 'content/okta_metadata.js', format: 'iife' },
  { entry: 'content/okta_admin_links.js', out: 'content/okta_admin_links.js', format: 'iife' },
  { entry: 'content/anypoint/main.js', out: 'content/anypoint.js', format: 'iife' },
  { entry: 'popup/popup.js', out: 'popup/popup.js', format: 'esm', external: ['../core/*'] },
  { entry: 'options/options.js', out: 'options/options.js', format: 'esm', external: ['../core/*'] },
  // Firefox only: the window of the confirming click of a write into Okta (Chromium's observer v2 lets that click
  // be made in the page).
  { entry: 'confirm/confirm.js', out: 'confirm/confirm.js', format: 'esm', only: 'firefox' },
  // The worker with its catalogue loader in one module: one request less before its first answer. The core's
  // glue stays its own file (the tests swap in a trap-door core with its own glue).
  { entry: 'worker.js', out: 'worker.js', format: 'esm', external: ['./core/*'] },
];
// "$name" anywhere in the manifest → that host set; an unknown name is an error, not an empty list.
const withHosts = (value) => {
  if (typeof value === 'string' && value.startsWith('$')) {
    const set = hostSets[value.slice(1)];
    if (!set) throw new Error(`manifest.common.json names an unknown host set: ${value}`);
    return set;
  }
  if (Array.isArray(value)) return value.map(withHosts);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withHosts(v)]));
  return value;
};
const common = { ...withHosts(readJson(join(EXT, 'manifest.common.json'))), version: VERSION };

for (const browser of ['chrome', 'firefox']) {
  const out = join(EXT, 'dist', browser);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const pages = ['popup/popup.html', 'popup/popup.css', 'options/options.html', 'icons', ...(browser === 'firefox' ? ['confirm/confirm.html'] : [])];
  for (const item of pages) cpSync(join(EXT, item), join(out, item), { recursive: true });
  // The catalogues as the browser and the core read them: without the translators' descriptions, which are
  // half their size and would be parsed on every start of the worker.
  for (const lang of readdirSync(join(EXT, '_locales'))) {
    const messages = readJson(join(EXT, '_locales', lang, 'messages.json'));
    const lean = Object.fromEntries(Object.entries(messages).map(([key, { description, ...entry }]) => [key, entry]));
    mkdirSync(join(out, '_locales', lang), { recursive: true });
    writeFileSync(join(out, '_locales', lang, 'messages.json'), JSON.stringify(lean));
  }
  // The same catalogues compiled by the core (`assist-layout`): what an instance of the core starts with.
  mkdirSync(join(out, 'words'), { recursive: true });
  for (const [lang, compiled] of Object.entries(words)) writeFileSync(join(out, 'words', `${lang}.txt`), compiled);
  for (const { entry, out: file, format, external = [], only = browser } of BUNDLES) {
    if (only !== browser) continue;
    buildSync({
      entryPoints: [join(EXT, entry)], outfile: join(out, file), bundle: true, format, external, charset: 'utf8',
      target: browser === 'chrome' ? 'chrome121' : 'firefox142', logLevel: 'warning',
    });
  }
  cpSync(coreDir, join(out, 'core'), { recursive: true, filter: (src) => !src.endsWith('.d.ts') });
  const manifest = { ...common, ...readJson(join(EXT, 'platform', browser, 'manifest.json')) };
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // The policy keys the browser checks a managed policy against (Chrome), generated from the core's.
  if (manifest.storage?.managed_schema) writeFileSync(join(out, manifest.storage.managed_schema), `${JSON.stringify(managedSchema, null, 2)}\n`);
}
