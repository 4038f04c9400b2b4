// The browsers' real policy files, as an organisation deploys them (CI runs as root, as these need). Each test
// writes its file before the browser starts and removes it afterwards, so a crash leaves nothing behind for the
// next run; the folders it had to make go with it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Where Debian's Chromium reads managed policies on Linux. */
export const CHROMIUM_POLICY = '/etc/chromium/policies/managed/okta-anypoint-assist-test.json';
/** Where firefox-esr reads its enterprise policies (policies.json in the application's distribution folder). */
export const FIREFOX_POLICY = '/usr/lib/firefox-esr/distribution/policies.json';

/** The id Chromium gives an unpacked extension: the SHA-256 of its folder's path, in the letters a–p. */
export function unpackedExtensionId(dir) {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

// Written into each file, so that a file left by a crashed run is known for ours and one of the machine's own is
// never overwritten.
const MARK = 'written by the okta-anypoint-assist tests';

/** Write `policy` (a JSON object) at `file`; answers how to remove it and the folders made for it. */
export function writePolicy(file, policy) {
  if (existsSync(file) && !readFileSync(file, 'utf8').includes(MARK)) throw new Error(`${file} is there already and is not the tests': not touched`);
  const made = [];
  for (let dir = dirname(file); !existsSync(dir); dir = dirname(dir)) made.unshift(dir);
  rmSync(file, { force: true });
  policy = { [MARK]: true, ...policy };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(policy, null, 2));
  return () => {
    rmSync(file, { force: true });
    for (const dir of made.reverse()) { try { rmdirSync(dir); } catch { /* not empty: someone else's */ } }
  };
}

/** Chromium's managed policy for this extension's managed storage. */
export const chromiumPolicy = (extensionId, settings) => ({ '3rdparty': { extensions: { [extensionId]: settings } } });

/** Firefox's enterprise policy for this extension's managed storage. */
export const firefoxPolicy = (addonId, settings) => ({ policies: { '3rdparty': { Extensions: { [addonId]: settings } } } });
