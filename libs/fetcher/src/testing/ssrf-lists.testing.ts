import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// ../shared sits beside the project root; this file is libs/fetcher/src/testing.
const SECURITY_DIR = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'security');

/** The shared SSRF URL lists: `loopback` may be fed to the real fetcher; `private` must never be connected to. */
export function readSsrfList(name: 'loopback' | 'private'): string[] {
  return readFileSync(join(SECURITY_DIR, `ssrf-${name}.txt`), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Path of a file in ../shared/security/bombs. */
export function bombPath(file: string): string {
  return join(SECURITY_DIR, 'bombs', file);
}
