import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { enrichmentAsset } from '@copydesk/enrichment';

/** The read-only shared/ folder beside the project (`../shared` from the package root). */
export function sharedPath(...parts: string[]): string {
  const dir = join(enrichmentAsset(''), '..', '..', '..', 'shared', ...parts);
  if (!existsSync(dir)) throw new Error(`bench: ${dir} is missing (the shared data sits beside the project)`);
  return dir;
}

/** Lines of a JSON Lines file, parsed. */
export function readJsonLines<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}
