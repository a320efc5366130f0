#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Trains the entity span model Copydesk ships (`npm run train:entities`): an averaged perceptron that types runs of
 * capitalised words the rules leave untyped, from the words around them.
 *
 *   npm run train:entities                                BBC News (shared/nlp/bbc-news/train.jsonl), minus the
 *                                                         held-out fifth the topic benchmark scores on
 *   npm run train:entities -- --data archive.jsonl --out my.entities.json --version newsroom-2026-12
 *
 * No hand labels: distant supervision. The rules (gazetteers, suffixes, titles, coreference) label every run they
 * type in full, and `none` every run they type as nothing; the model learns which contexts go with which type, with
 * half of each run's own words and gazetteer flags dropped in training so that the context carries the weight.
 * Input lines: `{id?, title?, body|text}`. Runs the compiled libraries (dist/), which `nest build` produces first.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const lib = require(path.join(root, 'dist', 'libs', 'enrichment', 'src', 'index.js'));

const BBC = path.resolve(root, '..', 'shared', 'nlp', 'bbc-news', 'train.jsonl');
const SHIPPED_VERSION = 'bbc-distant-v1';
const SHIPPED_PROVENANCE =
  'Trained by scripts/train-topics/train-entities.js on the bodies of shared/nlp/bbc-news/train.jsonl (BBC News ' +
  '2004-05, D. Greene and P. Cunningham, ICML 2006; all rights owned by the BBC, not distributed), minus the ' +
  'held-out fifth, labelled by distant supervision from the rule-based recogniser; no hand labels.';
const USAGE = 'usage: train-entities [--data FILE.jsonl]... [--out MODEL.json] [--version V] [--epochs N]\n';

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {{data: string[], out: string, version?: string, epochs?: number}} */
  const args = { data: [], out: path.join(root, 'libs', 'enrichment', lib.DEFAULT_SPAN_MODEL_FILE) };
  let outGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data') args.data.push(path.resolve(argv[++i]));
    else if (a === '--out') {
      args.out = path.resolve(argv[++i]);
      outGiven = true;
    } else if (a === '--version') args.version = argv[++i];
    else if (a === '--epochs') args.epochs = Number(argv[++i]);
    else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  if (args.data.length === 0) args.data.push(BBC);
  if (!outGiven && args.data.some((d) => d !== BBC)) throw new Error(`give --out for a model not trained on the BBC file alone\n${USAGE}`);
  if (args.data.includes(BBC) && !fs.existsSync(BBC))
    throw new Error(`${BBC} is missing: the BBC training file sits in shared/ beside the project`);
  return args;
}

/** @param {string} file @returns {{id: string, text: string}[]} */
function readTexts(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const r = JSON.parse(l);
      return { id: String(r.id ?? `${path.basename(file)}:${i}`), text: String(r.body ?? r.text ?? '') };
    });
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const shipped = args.data.length === 1 && args.data[0] === BBC && !args.version;
  const texts = args.data.flatMap(readTexts).filter((t) => !(args.data[0] === BBC && lib.isHeldOutExample(t.id)));
  const started = Date.now();
  const examples = texts.flatMap((t) => lib.distantExamples(t.text));
  /** @type {Record<string, number>} */
  const counts = {};
  for (const e of examples) counts[e.label] = (counts[e.label] ?? 0) + 1;
  const model = lib.trainSpanModel(examples, {
    epochs: args.epochs,
    version: args.version ?? (shipped ? SHIPPED_VERSION : undefined),
    provenance: shipped
      ? SHIPPED_PROVENANCE
      : `trained by scripts/train-topics/train-entities.js on ${args.data.map((d) => path.basename(d)).join(' + ')}`,
  });
  lib.saveSpanModel(model, args.out);
  process.stdout.write(
    `trained ${model.version} on ${examples.length} runs of ${texts.length} texts (${JSON.stringify(counts)}), ` +
      `${Object.keys(model.weights).length} features, in ${Date.now() - started} ms -> ${path.relative(root, args.out)} ` +
      `(${(fs.statSync(args.out).size / 1024).toFixed(0)} KiB)\n`,
  );
}

try {
  main();
} catch (err) {
  process.stderr.write(`train-entities: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
