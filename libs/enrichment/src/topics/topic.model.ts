import { readFileSync, writeFileSync } from 'node:fs';
import { enrichmentAsset } from '../assets/package-root.util';
import { topicFeatures } from './topic.features';

/** File format marker: bump when the JSON layout changes so old files are refused instead of misread. */
export const TOPIC_MODEL_FORMAT = 'copydesk-topic-logreg/1';
/** The model shipped in `libs/enrichment/models/`, trained by `npm run train:topics`. */
export const DEFAULT_TOPIC_MODEL_FILE = 'models/topics.model.json';

/**
 * A softmax (multinomial logistic) regression over TF-IDF weighted content words and word pairs.
 * Serialisable as JSON; `classes` are IPTC Media Topics qcodes at any level.
 */
export interface TopicModel {
  format: typeof TOPIC_MODEL_FORMAT;
  /** Identifies the trained weights; stored with every classification. */
  version: string;
  schemeVersion: string;
  /** Where the training data came from, and under which terms. */
  provenance: string;
  trainedAt: string;
  exampleCount: number;
  classes: string[];
  bias: number[];
  /** feature -> [idf, weight for each class in `classes` order]. */
  features: Record<string, number[]>;
  /** Document frequency of common words in the training set, for keyword weighting (idf). */
  documentFrequency: Record<string, number>;
  documentCount: number;
  /**
   * The 5th percentile, over the training examples, of the highest class score (logit) the model gives: how loudly
   * it speaks about text like the text it learnt from. Far below this, a text is probably about something the model
   * has no class for, and its probabilities mean little. Absent from files written before it existed.
   */
  inDomainLogit?: number;
}

/** One class and its probability, best first. */
export interface TopicPrediction {
  qcode: string;
  probability: number;
}

/** Class probabilities, best first, and the highest raw class score (logit) behind them. */
export interface TopicScores {
  predictions: TopicPrediction[];
  /** Softmax hides how strongly the model spoke: a text far from its training data gets small logits everywhere. */
  maxLogit: number;
}

/** A document as the model sees it: feature rows and their L2-normalised TF-IDF values. */
export interface TopicVector {
  rows: number[][];
  values: number[];
}

/** Scores a text: class probabilities, best first. */
export function predictTopics(model: TopicModel, text: string): TopicPrediction[] {
  return predictFromFeatures(model, topicFeatures(text));
}

/** Builds the normalised TF-IDF vector of a document for a model's vocabulary. */
export function vectorise(features: Map<string, number>, rowOf: (feature: string) => number[] | undefined): TopicVector {
  const rows: number[][] = [];
  const values: number[] = [];
  let norm = 0;
  for (const [feature, count] of features) {
    const row = rowOf(feature);
    if (!row) continue;
    // Sublinear term frequency: a word repeated ten times is not ten times the evidence.
    const value = (1 + Math.log(count)) * row[0];
    rows.push(row);
    values.push(value);
    norm += value * value;
  }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < values.length; i++) values[i] /= norm;
  return { rows, values };
}

/** Raw class scores (logits) of a vector under weights laid out as [idf, w_0 .. w_k-1] per row. */
export function logitScores(bias: ArrayLike<number>, vector: TopicVector): number[] {
  const scores = Array.from(bias);
  for (let i = 0; i < vector.rows.length; i++) {
    const row = vector.rows[i];
    const v = vector.values[i];
    for (let c = 0; c < scores.length; c++) scores[c] += row[c + 1] * v;
  }
  return scores;
}

/** Softmax of logits. */
export function softmax(logits: readonly number[]): number[] {
  const max = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/** Class probabilities of a vector under weights laid out as [idf, w_0 .. w_k-1] per row. */
export function softmaxScores(bias: ArrayLike<number>, vector: TopicVector): number[] {
  return softmax(logitScores(bias, vector));
}

const indexes = new WeakMap<TopicModel, Map<string, number[]>>();

// A Map over the feature table: lookups of absent keys in a 10,000-key object are several times slower.
function featureIndex(model: TopicModel): Map<string, number[]> {
  let index = indexes.get(model);
  if (!index) indexes.set(model, (index = new Map(Object.entries(model.features))));
  return index;
}

/** Same as predictTopics, on features already computed. */
export function predictFromFeatures(model: TopicModel, features: Map<string, number>): TopicPrediction[] {
  return scoreFromFeatures(model, features).predictions;
}

/** Probabilities and the highest logit, on features already computed. */
export function scoreFromFeatures(model: TopicModel, features: Map<string, number>): TopicScores {
  const index = featureIndex(model);
  const logits = logitScores(
    model.bias,
    vectorise(features, (f) => index.get(f)),
  );
  const probabilities = softmax(logits);
  return {
    predictions: model.classes.map((qcode, c) => ({ qcode, probability: probabilities[c] })).sort((a, b) => b.probability - a.probability),
    maxLogit: Math.max(...logits),
  };
}

/** Checks the shape of a parsed model file and returns it typed. */
export function parseTopicModel(json: string): TopicModel {
  const model = JSON.parse(json) as Partial<TopicModel>;
  if (model.format !== TOPIC_MODEL_FORMAT) {
    throw new Error(`enrichment: topic model format ${String(model.format)} is not ${TOPIC_MODEL_FORMAT}`);
  }
  if (!Array.isArray(model.classes) || !model.features || !Array.isArray(model.bias)) {
    throw new Error('enrichment: topic model file is incomplete');
  }
  return model as TopicModel;
}

/** Reads a model file written by saveTopicModel. */
export function loadTopicModel(path: string): TopicModel {
  return parseTopicModel(readFileSync(path, 'utf8'));
}

/** Writes a model as compact JSON. */
export function saveTopicModel(model: TopicModel, path: string): void {
  writeFileSync(path, JSON.stringify(model));
}

let defaultModel: TopicModel | undefined;

/** The shipped model (loaded once). */
export function defaultTopicModel(): TopicModel {
  return (defaultModel ??= loadTopicModel(enrichmentAsset(DEFAULT_TOPIC_MODEL_FILE)));
}
