// Lays out the unpacked extension for each browser: shared files + that browser's manifest overlay
// (extension/platform/<browser>/manifest.json). What differs per browser lives only in platform/. The version
// is Cargo.toml's, so the core, the manifests and the package names cannot disagree.
//   node extension/tools/layout.mjs <core-dir>   → extension/dist/{chrome,firefox}/
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const EXT = join(dirname(fileURLToPath(import.meta.url)), '..');
const coreDir = process.argv[2];
if (!coreDir) throw new Error('usage: layout.mjs <dir with okta_anypoint_assist.js and _bg.wasm>');

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
export const VERSION = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(EXT, '..', 'Cargo.toml'), 'utf8'))[1];
const common = { ...readJson(join(EXT, 'manifest.common.json')), version: VERSION };

for (const browser of ['chrome', 'firefox']) {
  const out = join(EXT, 'dist', browser);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const item of ['worker.js', 'shared', 'content', 'popup', 'icons', '_locales']) cpSync(join(EXT, item), join(out, item), { recursive: true });
  cpSync(coreDir, join(out, 'core'), { recursive: true, filter: (src) => !src.endsWith('.d.ts') });
  const manifest = { ...common, ...readJson(join(EXT, 'platform', browser, 'manifest.json')) };
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}
