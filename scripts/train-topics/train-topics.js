#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Trains the topic model Copydesk ships (`npm run train:topics`), or a newsroom's own model.
 *
 *   npm run train:topics                                   BBC News (shared/nlp/bbc-news/train.jsonl), minus the
 *                                                          held-out fifth that `npm run bench:enrich` scores on
 *   npm run train:topics -- --from-database --out newsroom.model.json --version newsroom-2026-11
 *                                                          the articles whose topics editors confirmed through the
 *                                                          API (PUT /v1/articles/:id/topics), read from DATABASE_URL
 *   npm run train:topics -- --data archive.jsonl --out my.model.json --all --version newsroom-2026-11
 *
 * `--data` may be repeated and combined with `--from-database` (e.g. the BBC file plus the newsroom's confirmed
 * topics). Input lines: `{id, title?, body|text, topics: ["medtop:..."]}` (what GET /v1/enrichment/training-data
 * streams) or the BBC file's `{id, title, body, medtop}`. Point ENRICHMENT_TOPIC_MODEL at the output file to make
 * the enrichment worker use it. Runs the compiled libraries (dist/), which `nest build` produces first.
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
const USAGE =
  'usage: train-topics [--data FILE.jsonl]... [--from-database] [--out MODEL.json] [--all] [--version V] [--common-words FILE] [--min-df N]\n';

/**
 * @typedef {{id: string, text: string, topics: string[]}} Example
 * @typedef {{data: string[], fromDatabase: boolean, out: string, all: boolean, version?: string, commonWords?: string, minDocumentFrequency?: number}} Args
 */

/** @param {string[]} argv @returns {Args} */
function parseArgs(argv) {
  /** @type {Args} */
  const args = { data: [], fromDatabase: false, out: path.join(root, 'libs', 'enrichment', lib.DEFAULT_TOPIC_MODEL_FILE), all: false };
  let outGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data') args.data.push(path.resolve(argv[++i]));
    else if (a === '--from-database') args.fromDatabase = true;
    else if (a === '--out') {
      args.out = path.resolve(argv[++i]);
      outGiven = true;
    } else if (a === '--all') args.all = true;
    else if (a === '--version') args.version = argv[++i];
    else if (a === '--common-words') args.commonWords = path.resolve(argv[++i]);
    else if (a === '--min-df') args.minDocumentFrequency = Number(argv[++i]);
    else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  if (args.data.length === 0 && !args.fromDatabase) args.data.push(BBC);
  // A newsroom model must never overwrite the shipped one by accident.
  if (!outGiven && (args.fromDatabase || args.data.some((d) => d !== BBC)))
    throw new Error(`give --out for a model not trained on the BBC file alone\n${USAGE}`);
  return args;
}

/** @param {string} file @returns {Example[]} */
function readJsonLines(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const r = JSON.parse(l);
      return {
        id: String(r.id ?? `${path.basename(file)}:${i}`),
        text: [r.title, r.body ?? r.text].filter(Boolean).join('\n\n'),
        topics: r.topics ?? (r.medtop ? [r.medtop] : []),
      };
    });
}

/**
 * The articles whose topics editors confirmed, from the database DATABASE_URL names (read through libs/config, so
 * the same variable and validation as the apps), page by page.
 * @returns {Promise<Example[]>}
 */
async function readConfirmedTopics() {
  const { loadConfig } = require(path.join(root, 'dist', 'libs', 'config', 'src', 'index.js'));
  const { createDataSource, EditorialCorrectionRepository } = require(path.join(root, 'dist', 'libs', 'database', 'src', 'index.js'));
  const config = loadConfig();
  const dataSource = createDataSource({ url: config.require('DATABASE_URL'), poolSize: 2 });
  await dataSource.initialize();
  try {
    /** @type {Example[]} */
    const examples = [];
    for await (const page of new EditorialCorrectionRepository(dataSource).confirmedTopicExamples()) {
      for (const e of page) examples.push({ id: e.articleId, text: `${e.title}\n\n${e.bodyText}`, topics: e.topics });
    }
    return examples;
  } finally {
    await dataSource.destroy();
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const shipped = args.data.length === 1 && args.data[0] === BBC && !args.fromDatabase && !args.version;
  /** @type {Example[]} */
  const examples = args.data.flatMap(readJsonLines);
  const sources = args.data.map((d) => path.basename(d));
  if (args.fromDatabase) {
    const confirmed = await readConfirmedTopics();
    process.stdout.write(`${confirmed.length} articles with editor-confirmed topics in the database\n`);
    examples.push(...confirmed);
    sources.push('editor-confirmed topics (Copydesk API)');
  }
  const training = args.all ? examples : examples.filter((e) => !lib.isHeldOutExample(e.id));
  const heldOut = args.all ? [] : examples.filter((e) => lib.isHeldOutExample(e.id));
  if (training.length === 0) throw new Error('no training examples (a small archive: add --all to train on every example)');
  const started = Date.now();
  // Few examples: a word seen once is all there is to learn from.
  const minDocumentFrequency = args.minDocumentFrequency ?? (training.length < 200 ? 1 : undefined);
  const model = lib.trainTopicModel(training, {
    ...(minDocumentFrequency !== undefined ? { minDocumentFrequency } : {}),
    version: args.version ?? (shipped ? SHIPPED_VERSION : undefined),
    provenance: shipped ? SHIPPED_PROVENANCE : `trained by scripts/train-topics on ${sources.join(' + ')}`,
    // A fixed date keeps the shipped file byte-for-byte reproducible.
    now: shipped ? () => new Date('2026-11-27T00:00:00Z') : undefined,
  });
  lib.saveTopicModel(model, args.out);
  let correct = 0;
  for (const e of heldOut) if (e.topics.map(lib.normaliseQcode).includes(lib.predictTopics(model, e.text)[0].qcode)) correct++;
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

main().catch((err) => {
  process.stderr.write(`train-topics: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
