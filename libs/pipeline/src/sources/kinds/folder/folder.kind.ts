import { SourceType } from '@copydesk/contracts';
import { statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import picomatch from 'picomatch';
import type { FieldProblem, SourceKind } from '../source-kind';

/** Where a folder source keeps its settings in `sources.config`. */
export interface FolderConfig {
  path: string;
  pattern: string | null;
}

export const folderConfig = (config: Record<string, unknown>): FolderConfig | null =>
  typeof config.path === 'string' ? { path: config.path, pattern: typeof config.pattern === 'string' ? config.pattern : null } : null;

function checkPath(path: string): FieldProblem[] {
  if (!isAbsolute(path) || path.split(/[\\/]/).some((segment) => segment === '.' || segment === '..'))
    return [{ pointer: '/path', detail: 'path must be an absolute, normalized path (no . or .. segments)' }];
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info?.isDirectory()) return [{ pointer: '/path', detail: `${path} is not a directory the API can see` }];
  return [];
}

function checkPattern(pattern: string): FieldProblem[] {
  if (pattern.includes('/')) return [{ pointer: '/pattern', detail: 'pattern matches file names: it has no /' }];
  try {
    picomatch(pattern);
    return [];
  } catch (err) {
    return [{ pointer: '/pattern', detail: `pattern is not a glob: ${(err as Error).message}` }];
  }
}

/**
 * A local directory agencies drop wire files into, watched by the ingest workers (see `FolderWatcher`). Files are
 * stored as wire raw items, so they are read by the wire kind's readers.
 */
export const folderKind: SourceKind = {
  type: SourceType.Folder,
  settings: { url: 'forbidden', path: 'required', pattern: 'optional' },
  polling: 'watched',
  check: (settings) => [...(settings.path ? checkPath(settings.path) : []), ...(settings.pattern ? checkPattern(settings.pattern) : [])],
  config: (settings) => ({ path: settings.path, pattern: settings.pattern ?? null }),
};
