import { installedPackageFile } from '../assets/package-root.util';

/** A detected language: a BCP 47 primary language subtag (ISO 639-1 from eld) and a confidence in [0, 1]. */
export interface DetectedLanguage {
  code: string;
  confidence: number;
}

interface EldResult {
  language: string;
  getScores(): Record<string, number>;
  isReliable(): boolean;
}
interface Eld {
  detect(text: string): EldResult;
}

let detector: Eld | undefined;

function eld(): Eld {
  if (detector) return detector;
  // eld's exports map only has an `import` condition, so require() the built-in 'small' entry by file: it is
  // synchronous (the database is a static import), where the default entry would need an async load().
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(installedPackageFile('eld', 'src/entries/static.small.js')) as { eld?: Eld; default?: Eld };
  const instance = loaded.eld ?? loaded.default;
  if (!instance) throw new Error('enrichment: eld did not export a detector');
  return (detector = instance);
}

// eld's accuracy stops improving well before 1,000 characters; detecting on a prefix keeps it constant-time.
const SAMPLE_CHARS = 1000;

/**
 * Detects the language of an article body with eld.
 * `declared` (e.g. the page's `lang` attribute) is used when the text is too short or ambiguous to decide.
 */
export function detectLanguage(text: string, declared?: string): DetectedLanguage {
  const sample = text.slice(0, SAMPLE_CHARS);
  const declaredCode = declared ? declared.trim().split(/[-_]/)[0].toLowerCase() : undefined;
  if (sample.trim().length === 0) return { code: declaredCode || 'und', confidence: 0 };
  const result = eld().detect(sample);
  const scores = Object.values(result.getScores()).sort((a, b) => b - a);
  const [best = 0, second = 0] = scores;
  if (!result.language) return { code: declaredCode || 'und', confidence: 0 };
  // eld's scores are not probabilities: the margin over the runner-up says more than the raw score.
  let confidence = Math.min(1, best + (best - second));
  if (!result.isReliable()) confidence *= 0.5;
  if (declaredCode && declaredCode !== result.language && confidence < 0.5) {
    return { code: declaredCode, confidence: 0.5 };
  }
  if (declaredCode === result.language) confidence = Math.min(1, confidence + 0.1);
  return { code: result.language, confidence: round(confidence) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
