import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

// test/fixtures/security in the repository; this file is libs/fetcher/src/testing.
const SECURITY_DIR = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'security');

/** The SSRF URL lists: `loopback` may be fed to the real fetcher; `private` must never be connected to. */
export function readSsrfList(name: 'loopback' | 'private'): string[] {
  return readFileSync(join(SECURITY_DIR, `ssrf-${name}.txt`), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * Gzip bombs: an RSS document whose title is 1 GiB of one letter, compressed twice (2.7 KB, kept in the repository)
 * and once (1 MB, unwrapped from the first at test time rather than stored).
 */
export function gzipBombs(): { single: Buffer; double: Buffer } {
  const double = readFileSync(join(SECURITY_DIR, 'bombs', 'gzip-bomb-1GiB.rss.gz.gz'));
  return { single: gunzipSync(double), double };
}
