import { MEDIA_TOPICS_SCHEME_VERSION, mediaTopic, normaliseQcode } from './media-topics.scheme';
import { contentWords, topicFeatures } from './topic.features';
import { TOPIC_MODEL_FORMAT, scoreFromFeatures, softmaxScores, vectorise, type TopicModel, type TopicVector } from './topic.model';

/** A labelled article: its text (title and body) and the topics an editor confirmed. */
export interface TopicExample {
  id?: string;
  text: string;
  /** IPTC Media Topics qcodes (`medtop:NNNNNNNN`), at any level. */
  topics: string[];
}

/** Training options; the defaults are what the shipped model uses. */
export interface TopicTrainingOptions {
  /** A feature must occur in at least this many examples. */
  minDocumentFrequency?: number;
  /** Features kept in the file, by the size of their largest weight (the file grows linearly with it). */
  maxFeatures?: number;
  epochs?: number;
  learningRate?: number;
  /** L2 weight decay per epoch. */
  l2?: number;
  version?: string;
  provenance?: string;
  /** Clock injected for reproducible files. */
  now?: () => Date;
}

const DEFAULTS = { minDocumentFrequency: 2, maxFeatures: 10_000, epochs: 30, learningRate: 0.5, l2: 1e-4 };
const LEARNING_RATE_DECAY = 0.95;
const KEYWORD_DF_SIZE = 15_000;
const IN_DOMAIN_PERCENTILE = 0.05;

/**
 * Trains a topic model from labelled examples, e.g. a newsroom's archive of editor-confirmed topics.
 * An example with several topics spreads its target evenly over them. Deterministic for the same input.
 * Throws on qcodes the IPTC scheme does not know.
 */
export function trainTopicModel(examples: TopicExample[], options: TopicTrainingOptions = {}): TopicModel {
  // An option given as undefined keeps its default (a spread alone would let it erase the default).
  const opts = { ...DEFAULTS, ...(Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as TopicTrainingOptions) };
  const classes = collectClasses(examples);
  if (classes.length < 2) throw new Error('enrichment: topic training needs examples of at least two topics');
  const k = classes.length;
  const index = new Map(classes.map((q, i) => [q, i]));
  const featureMaps = examples.map((e) => topicFeatures(e.text));

  const docFreq = new Map<string, number>();
  for (const f of featureMaps) for (const key of f.keys()) docFreq.set(key, (docFreq.get(key) ?? 0) + 1);
  const n = examples.length;
  const rows = new Map<string, number[]>();
  for (const [feature, df] of docFreq) {
    if (df < opts.minDocumentFrequency) continue;
    const row = new Array<number>(k + 1).fill(0);
    row[0] = Math.log((n + 1) / (df + 1)) + 1;
    rows.set(feature, row);
  }
  const vectors: TopicVector[] = featureMaps.map((f) => vectorise(f, (key) => rows.get(key)));
  const targets = examples.map((e) => {
    const target = new Array<number>(k).fill(0);
    const labels = [...new Set(e.topics.map((t) => index.get(normaliseQcode(t)) as number))];
    for (const c of labels) target[c] = 1 / labels.length;
    return target;
  });

  const bias = new Array<number>(k).fill(0);
  sgd(vectors, targets, bias, [...rows.values()], opts);

  const features: Record<string, number[]> = {};
  const kept = [...rows]
    .map(([feature, row]) => [feature, row, Math.max(...row.slice(1).map(Math.abs))] as const)
    .sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : 1))
    .slice(0, opts.maxFeatures);
  for (const [feature, row] of kept.sort((a, b) => (a[0] < b[0] ? -1 : 1))) features[feature] = row.map(round);

  const now = (opts.now ?? (() => new Date()))();
  const model: TopicModel = {
    format: TOPIC_MODEL_FORMAT,
    version: opts.version ?? `custom-${now.toISOString().slice(0, 10)}`,
    schemeVersion: MEDIA_TOPICS_SCHEME_VERSION,
    provenance: opts.provenance ?? 'trained with trainTopicModel on caller-supplied examples',
    trainedAt: now.toISOString(),
    exampleCount: n,
    classes,
    bias: bias.map(round),
    features,
    documentFrequency: keywordDocumentFrequency(examples.map((e) => e.text)),
    documentCount: n,
  };
  model.inDomainLogit = inDomainLogit(model, featureMaps);
  return model;
}

// The 5th percentile of the top logit over the training examples, scored with the weights as saved.
function inDomainLogit(model: TopicModel, featureMaps: Map<string, number>[]): number {
  const top = featureMaps.map((f) => scoreFromFeatures(model, f).maxLogit).sort((a, b) => a - b);
  return round(top[Math.floor(IN_DOMAIN_PERCENTILE * (top.length - 1))]);
}

// Plain stochastic gradient descent on cross-entropy, in a seeded order so the same data gives the same file.
function sgd(vectors: TopicVector[], targets: number[][], bias: number[], allRows: number[][], opts: typeof DEFAULTS): void {
  const order = vectors.map((_, i) => i);
  let rate = opts.learningRate;
  let seed = 1;
  const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 0x1_0000_0000;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) {
      const vector = vectors[i];
      const p = softmaxScores(bias, vector);
      for (let c = 0; c < bias.length; c++) {
        const gradient = p[c] - targets[i][c];
        if (gradient === 0) continue;
        bias[c] -= rate * gradient;
        for (let r = 0; r < vector.rows.length; r++) vector.rows[r][c + 1] -= rate * gradient * vector.values[r];
      }
    }
    const decay = 1 - rate * opts.l2;
    for (const row of allRows) for (let c = 1; c < row.length; c++) row[c] *= decay;
    rate *= LEARNING_RATE_DECAY;
  }
}

function collectClasses(examples: TopicExample[]): string[] {
  const classes = new Set<string>();
  for (const e of examples) {
    if (e.topics.length === 0) throw new Error(`enrichment: example ${e.id ?? '?'} has no topics`);
    for (const t of e.topics) {
      const q = normaliseQcode(t);
      if (!mediaTopic(q)) throw new Error(`enrichment: example ${e.id ?? '?'} has unknown topic ${t}`);
      classes.add(q);
    }
  }
  return [...classes].sort();
}

function keywordDocumentFrequency(texts: string[]): Record<string, number> {
  const df = new Map<string, number>();
  for (const t of texts) for (const w of new Set(contentWords(t))) df.set(w, (df.get(w) ?? 0) + 1);
  const kept = [...df].filter(([, count]) => count >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return Object.fromEntries(kept.slice(0, KEYWORD_DF_SIZE));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * True for the examples a benchmark keeps out of training: a stable fifth, chosen by a hash of the id, so the
 * training script and `bench:enrich` agree without sharing state.
 */
export function isHeldOutExample(id: string, fraction = 0.2): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 0x1_0000_0000 < fraction;
}
