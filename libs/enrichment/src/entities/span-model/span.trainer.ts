import { splitSentences } from '../../text/text.tokenizer';
import { extractEntities, prepareSpans } from '../entity.extractor';
import { spanFeatures } from './span.features';
import { SPAN_CLASSES, SPAN_MODEL_FORMAT, type SpanClass, type SpanModel } from './span.model';

/** One run of capitalised words with the class distant supervision gave it. */
export interface SpanExample {
  features: string[];
  label: SpanClass;
}

/** Options of trainSpanModel. */
export interface SpanTrainingOptions {
  epochs?: number;
  /** Share of the `i:` features (the run's own words and gazetteer flags) dropped from each training example. */
  dropout?: number;
  /** Weights smaller than this (after averaging) are left out of the model file. */
  minWeight?: number;
  seed?: number;
  version?: string;
  provenance?: string;
}

/**
 * Labels the runs of capitalised words of a text by distant supervision: the rules alone (gazetteers, suffixes,
 * titles, coreference to a full name) give the type of each run they type in full, and `none` to each run they
 * type as nothing; runs they split or type in part are left out.
 */
export function distantExamples(text: string): SpanExample[] {
  const sentences = splitSentences(text);
  const { mentions } = extractEntities(text, sentences, '', { spanModel: null });
  const { spans, ctx } = prepareSpans(text, sentences);
  const byOffsets = new Map(mentions.map((m) => [`${m.start}:${m.end}`, m]));
  const examples: SpanExample[] = [];
  for (const span of spans) {
    const start = span.tokens[0].start;
    const end = span.tokens[span.tokens.length - 1].end;
    const mention = byOffsets.get(`${start}:${end}`);
    if (mention) {
      examples.push({ features: spanFeatures(span, ctx), label: mention.type });
      continue;
    }
    // What the rules type as nothing is a negative: the model is to overrule them only where the context is clear.
    // (Ordinary words alone as negatives made it call every product and heading a name: people F1 0.79 on dev.)
    if (!mentions.some((m) => m.start < end && m.end > start)) examples.push({ features: spanFeatures(span, ctx), label: 'none' });
  }
  return examples;
}

/** Trains an averaged perceptron on distantly labelled examples. Deterministic for a given seed. */
export function trainSpanModel(examples: SpanExample[], options: SpanTrainingOptions = {}): SpanModel {
  const epochs = options.epochs ?? 8;
  const dropout = options.dropout ?? 0.5;
  const random = mulberry32(options.seed ?? 1);
  const classes = [...SPAN_CLASSES];
  const weights = new Map<string, Float64Array>();
  // Sums of update * step, for averaging without visiting every weight at every step.
  const steps = new Map<string, Float64Array>();
  const row = (map: Map<string, Float64Array>, f: string): Float64Array => {
    let r = map.get(f);
    if (!r) map.set(f, (r = new Float64Array(classes.length)));
    return r;
  };
  let step = 1;
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const example = examples[i];
      const features = example.features.filter((f) => !f.startsWith('i:') || random() >= dropout);
      const scores = classes.map(() => 0);
      for (const f of features) {
        const w = weights.get(f);
        if (w) for (let c = 0; c < classes.length; c++) scores[c] += w[c];
      }
      let guess = 0;
      for (let c = 1; c < classes.length; c++) if (scores[c] > scores[guess]) guess = c;
      const truth = classes.indexOf(example.label);
      if (guess !== truth) {
        for (const f of features) {
          const w = row(weights, f);
          const u = row(steps, f);
          w[truth] += 1;
          w[guess] -= 1;
          u[truth] += step;
          u[guess] -= step;
        }
      }
      step++;
    }
  }
  const minWeight = options.minWeight ?? 0.05;
  const averaged: Record<string, number[]> = {};
  for (const [f, w] of weights) {
    const u = steps.get(f) as Float64Array;
    const avg = [...w].map((x, c) => Math.round((x - u[c] / step) * 1000) / 1000);
    if (avg.some((x) => Math.abs(x) >= minWeight)) averaged[f] = avg;
  }
  return {
    format: SPAN_MODEL_FORMAT,
    version: options.version ?? 'custom',
    provenance: options.provenance ?? 'trained with trainSpanModel',
    classes,
    weights: averaged,
  };
}

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
}

// A small seeded generator: the shipped model is the same on every machine.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
