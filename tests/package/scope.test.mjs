// The content scripts of one manifest entry share one global scope, in manifest order: a function declared
// twice is silently replaced by the later one (a clickjacking guard once lost its `arm` to the watch's).
// Until the scripts are modules, no top-level name may be declared twice in one entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const EXT = new URL('../../extension/dist/chrome/', import.meta.url).pathname; // as built (some are generated)
const manifest = JSON.parse(readFileSync(join(EXT, 'manifest.json'), 'utf8'));

for (const entry of manifest.content_scripts) {
  test(`no top-level name declared twice across ${entry.js.at(-1)} and the scripts before it`, () => {
    const declared = new Map();
    for (const file of entry.js) {
      const text = readFileSync(join(EXT, file), 'utf8');
      for (const [, name] of text.matchAll(/^(?:async\s+)?(?:function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)/gm)) {
        assert.ok(!declared.has(name), `${name} in ${file} is already declared in ${declared.get(name)}`);
        declared.set(name, file);
      }
    }
    assert.ok(declared.size > 3, 'names were found');
  });
}
