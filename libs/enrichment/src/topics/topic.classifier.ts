import { normalisedWords } from '../text/text.tokenizer';
import { mediaTopic, mediaTopicAncestors, mediaTopicTopLevel, type MediaTopicRef } from './media-topics.scheme';
import { topicFeaturesOf } from './topic.features';
import { lexiconEvidenceFromWords, type LexiconEvidence, type TopicLexicon } from './topic.lexicon';
import { defaultTopicModel, scoreFromFeatures, type TopicModel } from './topic.model';

/** A topic assigned to an article. */
export interface ArticleTopic {
  qcode: string;
  label: string;
  confidence: number;
  /** From the top level down to the parent. */
  ancestors: MediaTopicRef[];
  /**
   * `model`: the trained classifier; `lexicon`: cue words (covers topics the model lacks); `editor`: set by an
   * editor through the API, kept over the machine's (confidence 1).
   */
  source: 'model' | 'lexicon' | 'editor';
}

/** Options of classifyTopics. */
export interface TopicClassifierOptions {
  model?: TopicModel;
  /** Most topics returned (top level and deeper together). */
  maxTopics?: number;
}

// Lexicon confidences stay below what a confident model says: cue words are weaker evidence than a trained model.
const LEXICON_CAP = 0.85;
const MIN_TOP_LEVEL = 0.35;
const MIN_MODEL_EXTRA = 0.3;
const MIN_SUBTOPIC = 0.4;
/** Below this even the best guess is noise (a two-line brief the model knows nothing about): no topic beats a wrong one. */
const MIN_ANY = 0.15;
const MAX_TOP_LEVELS = 3;
const MAX_SUBTOPICS = 4;
/** The shipped model's inDomainLogit, for model files written before the field existed. */
const DEFAULT_IN_DOMAIN_LOGIT = 3.365;

/**
 * Assigns IPTC Media Topics to a text: the trained model's classes, plus top-level topics the model does not cover
 * (conflict, crime, health, weather...) and deeper topics, from cue-word evidence.
 *
 * How the two kinds of evidence combine: a softmax model always shares all its probability among its own classes,
 * even for a flood or a measles story it has no class for. Its raw scores say more: far from its training data it
 * speaks quietly (a low top logit), so its probabilities are discounted by how in-domain the text looks
 * (`domainConfidence`). Each of the model's classes then takes the stronger of its discounted probability and the
 * cue words' confidence for it (a noisy-or), and every other top level takes the cue words' confidence. A confident
 * in-domain model (top logit well above half its training 5th percentile, probability above the cue-word cap) still
 * wins; strong cue words for conflict, crime, health, weather... win over a model that is only guessing.
 */
export function classifyTopics(text: string, options: TopicClassifierOptions = {}): ArticleTopic[] {
  const model = options.model ?? defaultTopicModel();
  const words = normalisedWords(text);
  const { predictions, maxLogit } = scoreFromFeatures(model, topicFeaturesOf(words));
  const evidence = lexiconEvidenceFromWords(words);
  const n = words.length;

  const topLevelEvidence = aggregateByTopLevel(evidence);
  const lexiconConfidence = (qcode: string): number => {
    const e = topLevelEvidence.get(qcode);
    if (!e || e.distinct < (n < 150 ? 2 : 3)) return 0;
    return LEXICON_CAP * (1 - Math.exp(-e.score / (3 + n / 150)));
  };
  const inDomain = domainConfidence(maxLogit, model.inDomainLogit ?? DEFAULT_IN_DOMAIN_LOGIT);

  const candidates = new Map<string, ArticleTopic>();
  const modelTops = new Set(predictions.map((p) => mediaTopicTopLevel(p.qcode)?.qcode));
  predictions.forEach((p, rank) => {
    const fromModel = p.probability * inDomain;
    const fromLexicon = mediaTopic(p.qcode)?.level === 1 ? lexiconConfidence(p.qcode) : 0;
    const confidence = 1 - (1 - fromModel) * (1 - fromLexicon);
    if (rank === 0 || confidence >= MIN_MODEL_EXTRA) add(candidates, p.qcode, confidence, fromModel >= fromLexicon ? 'model' : 'lexicon');
  });
  for (const top of topLevelEvidence.keys()) {
    if (modelTops.has(top)) continue;
    const confidence = lexiconConfidence(top);
    if (confidence >= MIN_TOP_LEVEL) add(candidates, top, confidence, 'lexicon');
  }

  const tops = [...candidates.values()]
    .filter((t) => t.ancestors.length === 0)
    .sort((a, b) => b.confidence - a.confidence)
    .filter((t, i) => (i === 0 && t.confidence >= MIN_ANY) || t.confidence >= MIN_TOP_LEVEL)
    .slice(0, MAX_TOP_LEVELS);
  const deeperFromModel = [...candidates.values()].filter((t) => t.ancestors.length > 0);
  const chosenTops = new Map(tops.map((t) => [t.qcode, t.confidence]));

  const subtopics: ArticleTopic[] = [];
  for (const e of evidence.values()) {
    const topic = mediaTopic(e.qcode);
    if (!topic || topic.level < 2 || e.distinct < 2 || e.score < 3) continue;
    const topConfidence = chosenTops.get(topic.ancestors[0]);
    if (topConfidence === undefined) continue;
    const confidence = Math.min(topConfidence, LEXICON_CAP * (1 - Math.exp(-e.score / (2 + n / 300))));
    if (confidence >= MIN_SUBTOPIC) subtopics.push(build(e.qcode, confidence, 'lexicon'));
  }
  subtopics.sort((a, b) => b.confidence - a.confidence);

  return [...tops, ...deeperFromModel, ...subtopics.slice(0, MAX_SUBTOPICS)]
    .sort((a, b) => b.confidence - a.confidence || a.ancestors.length - b.ancestors.length)
    .slice(0, options.maxTopics ?? 8);
}

/**
 * How far to trust the model's probabilities for this text, from 0 to 1: a logistic curve of its top logit,
 * centred on half the model's training 5th percentile (a text the model has learnt to recognise scores above that
 * almost always), with a slope of a sixth of that.
 */
export function domainConfidence(maxLogit: number, inDomainLogit: number): number {
  const centre = Math.max(inDomainLogit, 0.1) / 2;
  return 1 / (1 + Math.exp(-(maxLogit - centre) / (centre / 6)));
}

function add(into: Map<string, ArticleTopic>, qcode: string, confidence: number, source: ArticleTopic['source']): void {
  const existing = into.get(qcode);
  if (!existing || existing.confidence < confidence) into.set(qcode, build(qcode, confidence, source));
}

function build(qcode: string, confidence: number, source: ArticleTopic['source']): ArticleTopic {
  const topic = mediaTopic(qcode);
  return {
    qcode,
    label: topic?.label ?? qcode,
    confidence: Math.round(confidence * 1000) / 1000,
    ancestors: mediaTopicAncestors(qcode),
    source,
  };
}

// A top level's evidence is the union of the cues of its own entry and of every entry beneath it, each cue counted
// once, so a word listed at two levels is not double evidence.
function aggregateByTopLevel(evidence: Map<string, LexiconEvidence>): Map<string, { score: number; distinct: number }> {
  const cuesByTop = new Map<string, Map<string, number>>();
  for (const e of evidence.values()) {
    const top = mediaTopicTopLevel(e.qcode)?.qcode;
    if (!top) continue;
    let cues = cuesByTop.get(top);
    if (!cues) cuesByTop.set(top, (cues = new Map<string, number>()));
    for (const m of e.matches) cues.set(m.cue, Math.max(cues.get(m.cue) ?? 0, m.count));
  }
  const out = new Map<string, { score: number; distinct: number }>();
  for (const [top, cues] of cuesByTop) {
    let score = 0;
    for (const n of cues.values()) score += Math.min(n, 3);
    out.set(top, { score, distinct: cues.size });
  }
  return out;
}

/**
 * Topics from cue words alone, for a language without a trained model: each top level scores the union of its cues
 * (and its subtopics' cues); the best top level is kept when it has at least two distinct cues, others from 0.35,
 * subtopics under a chosen top level as in `classifyTopics`.
 */
export function classifyTopicsByLexicon(text: string, lexicon: TopicLexicon, maxTopics = 8): ArticleTopic[] {
  const words = normalisedWords(text);
  const evidence = lexiconEvidenceFromWords(words, lexicon);
  const n = words.length;
  const confidence = (e: { score: number; distinct: number }): number => LEXICON_CAP * (1 - Math.exp(-e.score / (3 + n / 150)));
  const tops = [...aggregateByTopLevel(evidence)]
    .filter(([, e]) => e.distinct >= 2)
    .map(([qcode, e]) => build(qcode, confidence(e), 'lexicon'))
    .sort((a, b) => b.confidence - a.confidence)
    .filter((t, i) => (i === 0 && t.confidence >= MIN_ANY) || t.confidence >= MIN_TOP_LEVEL)
    .slice(0, MAX_TOP_LEVELS);
  const chosen = new Map(tops.map((t) => [t.qcode, t.confidence]));
  const subtopics: ArticleTopic[] = [];
  for (const e of evidence.values()) {
    const topic = mediaTopic(e.qcode);
    const top = topic && topic.level >= 2 ? chosen.get(topic.ancestors[0]) : undefined;
    if (top === undefined || e.distinct < 2) continue;
    const c = Math.min(top, LEXICON_CAP * (1 - Math.exp(-e.score / (2 + n / 300))));
    if (c >= MIN_SUBTOPIC) subtopics.push(build(e.qcode, c, 'lexicon'));
  }
  return [...tops, ...subtopics.sort((a, b) => b.confidence - a.confidence).slice(0, MAX_SUBTOPICS)]
    .sort((a, b) => b.confidence - a.confidence || a.ancestors.length - b.ancestors.length)
    .slice(0, maxTopics);
}
