#!/usr/bin/env node
'use strict';
// The CLI runs the compiled output that `npm ci` builds in `prepare`, so it works without a TypeScript toolchain.
const path = require('node:path');
const fs = require('node:fs');

const entry = path.join(__dirname, '..', 'dist', 'libs', 'cli', 'src', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('copydesk: the compiled CLI is missing; run `npm run build` (npm ci does it for you)\n');
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err) => {
    process.stderr.write(`copydesk: ${err && err.stack ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  });
