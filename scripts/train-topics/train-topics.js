#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Trains the topic model Copydesk ships (`npm run train:topics`), or a newsroom's own model.
 *
 *   npm run train:topics                                   BBC News (shared/nlp/bbc-news/train.jsonl), minus the
 *                                                          held-out fifth that `npm run bench:enrich` scores on
 *   npm run train:topics -- --data archive.jsonl --out my.model.json --all --version newsroom-2026-11
 *
 * Input lines: `{id, title?, body|text, topics: ["medtop:..."]}` or the BBC file's `{id, title, body, medtop}`.
 * Runs the compiled library (dist/), which `nest build` produces first.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const lib = require(path.join(root, 'dist', 'libs', 'enrichment', 'src', 'index.js'));

const BBC = path.resolve(root, '..', 'shared', 'nlp', 'bbc-news', 'train.jsonl');
const SHIPPED_VERSION = 'bbc-news-2004-05-v1';
const SHIPPED_PROVENANCE =
  'Trained by scripts/train-topics on shared/nlp/bbc-news/train.jsonl: BBC News articles from 2004-05 (D. Greene and ' +
  'P. Cunningham, ICML 2006), labelled business/entertainment/politics/sport/tech and mapped to IPTC Media Topics ' +
  '04000000/01000000/11000000/15000000/13000000. All rights in the articles are owned by the BBC; they are used to ' +
  'train this model and are not distributed. A fifth of the file (isHeldOutExample) is kept out of training for ' +
  'evaluation by npm run bench:enrich.';

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {{data: string, out: string, all: boolean, version?: string, commonWords?: string}} */
  const args = { data: BBC, out: path.join(root, 'libs', 'enrichment', lib.DEFAULT_TOPIC_MODEL_FILE), all: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data') args.data = path.resolve(argv[++i]);
    else if (a === '--out') args.out = path.resolve(argv[++i]);
    else if (a === '--all') args.all = true;
    else if (a === '--version') args.version = argv[++i];
    else if (a === '--common-words') args.commonWords = path.resolve(argv[++i]);
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: train-topics [--data FILE.jsonl] [--out MODEL.json] [--all] [--version V] [--common-words FILE]\n');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const shipped = args.data === BBC && !args.version;
  const rows = fs
    .readFileSync(args.data, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
  const examples = rows.map((r, i) => ({
    id: String(r.id ?? i),
    text: [r.title, r.body ?? r.text].filter(Boolean).join('\n\n'),
    topics: r.topics ?? (r.medtop ? [r.medtop] : []),
  }));
  const training = args.all ? examples : examples.filter((e) => !lib.isHeldOutExample(e.id));
  const heldOut = args.all ? [] : examples.filter((e) => lib.isHeldOutExample(e.id));
  const started = Date.now();
  const model = lib.trainTopicModel(training, {
    version: args.version ?? (shipped ? SHIPPED_VERSION : undefined),
    provenance: shipped ? SHIPPED_PROVENANCE : `trained by scripts/train-topics on ${path.basename(args.data)}`,
    // A fixed date keeps the shipped file byte-for-byte reproducible.
    now: shipped ? () => new Date('2026-11-27T00:00:00Z') : undefined,
  });
  lib.saveTopicModel(model, args.out);
  let correct = 0;
  for (const e of heldOut) if (e.topics.includes(lib.predictTopics(model, e.text)[0].qcode)) correct++;
  process.stdout.write(
    `trained ${model.version} on ${training.length} examples (${model.classes.length} classes, ` +
      `${Object.keys(model.features).length} features) in ${Date.now() - started} ms -> ${path.relative(root, args.out)} ` +
      `(${(fs.statSync(args.out).size / 1024).toFixed(0)} KiB)\n`,
  );
  if (heldOut.length) process.stdout.write(`held-out accuracy ${(correct / heldOut.length).toFixed(3)} on ${heldOut.length} examples\n`);

  // Words news copy writes in lower case: the entity recogniser's guard against capitalised ordinary words.
  const commonWordsOut = args.commonWords ?? (shipped ? path.join(root, 'libs', 'enrichment', lib.COMMON_WORDS_FILE) : undefined);
  if (commonWordsOut) {
    const words = lib.buildCommonWords(training.map((e) => e.text));
    fs.writeFileSync(commonWordsOut, JSON.stringify({ source: model.provenance, words }));
    process.stdout.write(`${words.length} common words -> ${path.relative(root, commonWordsOut)}\n`);
  }
}

main();
