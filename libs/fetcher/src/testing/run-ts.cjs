// Runs a TypeScript file in a plain `node` child process, compiled on the fly by the same SWC that jest uses,
// so cross-process tests exercise the library source without a build step.
// Usage: node run-ts.cjs <file.ts> [args...]
const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

// The library imports its siblings through @copydesk/* aliases: resolve them as jest and the build do.
const root = resolve(__dirname, '..', '..', '..', '..');
const { compilerOptions } = JSON.parse(readFileSync(resolve(root, 'tsconfig.json'), 'utf8'));
require('tsconfig-paths').register({ baseUrl: root, paths: compilerOptions.paths });

const entry = process.argv[2];
if (!entry) throw new Error('usage: node run-ts.cjs <file.ts> [args...]');
require(resolve(entry));
