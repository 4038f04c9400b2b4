// What a store reviewer checks, on the built extension (extension/dist): Mozilla's own linter finds nothing, and
// the manifests ask for no more than the features use — the Okta and Anypoint hosts at install, one custom host
// at a time at run time, storage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;
const DIST = join(ROOT, 'extension', 'dist');
const manifestOf = (browser) => JSON.parse(readFileSync(join(DIST, browser, 'manifest.json'), 'utf8'));
// The host sets as src/core/hosts.rs declares them (`assist-layout`, written by ./build.sh build).
const HOSTS = JSON.parse(readFileSync(join(ROOT, 'target', 'layout-from-core.json'), 'utf8')).hostSets;

test('web-ext lint: no errors, no warnings on the Firefox build', () => {
  const out = execFileSync(join(ROOT, 'node_modules', '.bin', 'web-ext'),
    ['lint', '--source-dir', join(DIST, 'firefox'), '--output', 'json', '--no-input'], { encoding: 'utf8' });
  const report = JSON.parse(out.slice(out.indexOf('{')));
  const found = [...report.errors, ...report.warnings].map((m) => `${m.code}: ${m.message}`);
  assert.deepEqual(found, [], found.join('\n'));
  assert.equal(report.summary.errors + report.summary.warnings, 0);
});

for (const browser of ['chrome', 'firefox']) {
  test(`${browser}: permissions are the least the features need`, () => {
    const manifest = manifestOf(browser);
    const text = JSON.stringify(manifest);
    assert.ok(!text.includes('<all_urls>'), 'no <all_urls>');
    // storage: chrome.storage.session; scripting: the panel / form helper on hosts the admin grants at run time.
    assert.deepEqual(manifest.permissions, ['storage', 'scripting', 'contextMenus']);
    // Granted at install: the Okta domains (the popup's fetch), each one registrable domain. Nothing broad.
    assert.deepEqual(manifest.host_permissions, HOSTS.oktaHosts);
    for (const pattern of manifest.host_permissions) assert.match(pattern, /^https:\/\/\*\.[a-z0-9-]+\.[a-z]+\/\*$/, pattern);
    // Asked for at run time, one host at a time, on the admin's click (custom URL domains).
    assert.deepEqual(manifest.optional_host_permissions, ['https://*/*']);
    assert.equal(manifest.optional_permissions, undefined);
    assert.equal(manifest.externally_connectable, undefined, 'no web page may message the extension');
    assert.equal(manifest.web_accessible_resources, undefined, 'no extension file is exposed to pages');
    // Content scripts: on Okta's metadata and admin pages (never its token pages) and Anypoint's control planes.
    assert.equal(manifest.content_scripts.length, 3, 'no content script beyond these three');
    const [metadata, admin, anypoint] = manifest.content_scripts;
    assert.deepEqual(metadata.matches, HOSTS.oktaMetadataPages);
    assert.deepEqual([admin.matches, admin.exclude_matches], [HOSTS.oktaAdminPages, HOSTS.oktaTokenPages]);
    assert.deepEqual(anypoint.matches, HOSTS.anypointPages);
    for (const pattern of anypoint.matches) assert.match(pattern, /^https:\/\/[a-z0-9.-]+\.mulesoft\.com\/\*$/, pattern);
    // Each is one file bundled from ES modules (extension/tools/layout.mjs): scripts listed side by side would
    // share one scope, where a name declared twice silently replaces the other.
    for (const script of manifest.content_scripts) assert.equal(script.js.length, 1, `one bundle: ${script.js}`);
    assert.equal(manifest.content_security_policy.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
    assert.match(manifest.name, /^__MSG_extName__$/, 'strings come from _locales');
    assert.equal(manifest.default_locale, 'en');
    const cargoVersion = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(ROOT, 'Cargo.toml'), 'utf8'))[1];
    assert.equal(manifest.version, cargoVersion, 'the version is Cargo.toml\'s');
    for (const size of ['16', '32', '48', '128']) assert.ok(statSync(join(DIST, browser, manifest.icons[size])).size > 0, `icon ${size}`);
  });
}

test('firefox: a real add-on id and the data-collection statement', () => {
  const gecko = manifestOf('firefox').browser_specific_settings.gecko;
  assert.match(gecko.id, /^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/, 'a GUID id, not a placeholder domain');
  assert.deepEqual(gecko.data_collection_permissions, { required: ['none'] });
});

test('every file the manifests name is in the build; nothing but the build is in it', () => {
  for (const browser of ['chrome', 'firefox']) {
    const manifest = manifestOf(browser);
    const named = [
      ...manifest.content_scripts.flatMap((c) => c.js),
      manifest.action.default_popup,
      manifest.options_ui.page,
      ...(manifest.storage?.managed_schema ? [manifest.storage.managed_schema] : []),
      ...Object.values(manifest.icons),
      ...(manifest.background.scripts ?? [manifest.background.service_worker]),
    ];
    for (const file of named) assert.ok(statSync(join(DIST, browser, file)).isFile(), `${browser}: ${file}`);
    const top = readdirSync(join(DIST, browser)).sort();
    // Chrome checks a managed policy against its schema (generated from src/core/policy.rs); Firefox has none.
    const schema = browser === 'chrome' ? ['managed_schema.json'] : [];
    // Firefox confirms a write into Okta in a window of its own (extension/confirm); Chromium in the page.
    const confirm = browser === 'firefox' ? ['confirm'] : [];
    assert.deepEqual(top, ['_locales', ...confirm, 'content', 'core', 'icons', ...schema, 'manifest.json', 'options', 'popup', 'words', 'worker.js']);
    if (browser === 'chrome') {
      const keys = Object.keys(JSON.parse(readFileSync(join(DIST, browser, 'managed_schema.json'), 'utf8')).properties).sort();
      assert.deepEqual(keys, ['checkWithOkta', 'contextMenu', 'createInOkta', 'customDomains', 'issuerFirst', 'oktaOrgs', 'privateCloudHosts']);
    }
  }
});

test('the packaged core has no trap door; the test-only core has (tests/e2e/faults.test.mjs)', () => {
  const marks = ['trap-door:sync', 'trap-door:async', 'trap-door:check'];
  const marksIn = (dir) => {
    const wasm = readFileSync(join(dir, 'okta_anypoint_assist_bg.wasm')).toString('latin1');
    return marks.filter((mark) => wasm.includes(mark));
  };
  for (const dir of [join(DIST, 'chrome', 'core'), join(DIST, 'firefox', 'core'), join(ROOT, 'www', 'tool', 'core')]) {
    assert.deepEqual(marksIn(dir), [], dir);
  }
  // The control: the same search finds them where the feature is on.
  assert.deepEqual(marksIn(join(ROOT, 'target', 'extension-core-trap-door')), marks);
});
