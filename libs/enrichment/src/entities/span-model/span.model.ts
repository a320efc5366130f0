import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { enrichmentAsset } from '../../assets/package-root.util';

/** What a run of capitalised words names, or `none`. */
export type SpanClass = 'person' | 'organisation' | 'place' | 'none';

export const SPAN_CLASSES: readonly SpanClass[] = ['person', 'organisation', 'place', 'none'];
/** Format tag of the model file; a file of another format is refused. */
export const SPAN_MODEL_FORMAT = 'copydesk-entity-span-perceptron-1';
/** The shipped model, relative to libs/enrichment. */
export const DEFAULT_SPAN_MODEL_FILE = 'models/entities.model.json';

/** An averaged perceptron over span features (see `span.features.ts`), one weight per feature and class. */
export interface SpanModel {
  format: typeof SPAN_MODEL_FORMAT;
  version: string;
  provenance: string;
  classes: SpanClass[];
  /** Feature -> weights in the order of `classes`. */
  weights: Record<string, number[]>;
}

/** The best class for a span's features and its margin over the runner-up (in weight units). */
export function predictSpan(model: SpanModel, features: string[]): { type: SpanClass; margin: number } {
  const scores = model.classes.map(() => 0);
  for (const f of features) {
    const w = model.weights[f];
    if (w) for (let c = 0; c < scores.length; c++) scores[c] += w[c];
  }
  let best = 0;
  for (let c = 1; c < scores.length; c++) if (scores[c] > scores[best]) best = c;
  const runnerUp = Math.max(...scores.filter((_, c) => c !== best));
  return { type: model.classes[best], margin: scores[best] - runnerUp };
}

/** Parses a model file's text, refusing other formats. */
export function parseSpanModel(json: string): SpanModel {
  const model = JSON.parse(json) as SpanModel;
  if (model.format !== SPAN_MODEL_FORMAT)
    throw new Error(`entity span model: format ${String(model.format)}, expected ${SPAN_MODEL_FORMAT}`);
  return model;
}

/** Writes a model file. */
export function saveSpanModel(model: SpanModel, path: string): void {
  writeFileSync(path, JSON.stringify(model));
}

let shipped: SpanModel | null | undefined;

/** The shipped span model, or null when the file is absent (the rules then work alone). */
export function defaultSpanModel(): SpanModel | null {
  if (shipped !== undefined) return shipped;
  const file = enrichmentAsset(DEFAULT_SPAN_MODEL_FILE);
  return (shipped = existsSync(file) ? parseSpanModel(readFileSync(file, 'utf8')) : null);
}
