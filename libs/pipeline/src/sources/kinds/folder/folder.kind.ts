import { SourceType } from '@copydesk/contracts';
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, sep } from 'node:path';
import picomatch from 'picomatch';
import type { FieldProblem, KindCheckContext, SourceKind } from '../source-kind';

/** Where a folder source keeps its settings in `sources.config`. */
export interface FolderConfig {
  path: string;
  pattern: string | null;
}

export const folderConfig = (config: Record<string, unknown>): FolderConfig | null =>
  typeof config.path === 'string' ? { path: config.path, pattern: typeof config.pattern === 'string' ? config.pattern : null } : null;

function checkPath(path: string, roots: readonly string[]): FieldProblem[] {
  if (!isAbsolute(path) || path.split(/[\\/]/).some((segment) => segment === '.' || segment === '..'))
    return [{ pointer: '/path', detail: 'path must be an absolute, normalized path (no . or .. segments)' }];
  if (!roots.length) return [{ pointer: '/path', detail: 'folder sources are off here: the installation sets no WATCH_FOLDER_ROOTS' }];
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info?.isDirectory()) return [{ pointer: '/path', detail: `${path} is not a directory the API can see` }];
  if (!insideRoots(path, roots)) return [{ pointer: '/path', detail: `${path} is not inside WATCH_FOLDER_ROOTS (${roots.join(', ')})` }];
  return [];
}

/** The directory's real path (links followed) lies inside one of the roots' real paths. */
export function insideRoots(path: string, roots: readonly string[]): boolean {
  const real = realPath(path);
  return (
    real !== null &&
    roots.some((root) => {
      const base = realPath(root);
      return base !== null && (real === base || real.startsWith(base.endsWith(sep) ? base : base + sep));
    })
  );
}

function realPath(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

/** WATCH_FOLDER_ROOTS as a list. */
export function watchFolderRoots(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((root) => root.trim())
    .filter(Boolean);
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
  check: (settings, context: KindCheckContext) => [
    ...(settings.path ? checkPath(settings.path, context.watchFolderRoots) : []),
    ...(settings.pattern ? checkPattern(settings.pattern) : []),
  ],
  config: (settings) => ({ path: settings.path, pattern: settings.pattern ?? null }),
};
