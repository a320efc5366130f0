import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cachedRoot: string | undefined;

/**
 * The folder holding the project's package.json, found by walking up from this file.
 * The SWC build does not copy JSON assets into dist/, so model and scheme files are read from the source tree
 * relative to this root: the same path works from src/ (jest) and from dist/ (node).
 */
export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = __dirname;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'libs'))) return (cachedRoot = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`enrichment: no package root above ${__dirname}`);
    dir = parent;
  }
}

/** Absolute path of a file shipped with libs/enrichment (e.g. `models/topics.model.json`). */
export function enrichmentAsset(relativePath: string): string {
  return join(packageRoot(), 'libs', 'enrichment', relativePath);
}

/**
 * Absolute path of a file inside an installed package, bypassing its `exports` map.
 * Needed for ESM-only packages (eld) whose exports offer only an `import` condition: CommonJS `require('eld')`
 * is refused by the map, but `require()` of the file itself works on Node >= 20.19 and under jest (compiled by SWC).
 */
export function installedPackageFile(packageName: string, relativePath: string): string {
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'node_modules', packageName, relativePath);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`enrichment: package ${packageName} is not installed (looked for ${relativePath})`);
    dir = parent;
  }
}
