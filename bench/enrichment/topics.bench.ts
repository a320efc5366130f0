import { classifyTopics, defaultTopicModel, isHeldOutExample, mediaTopicTopLevel, predictTopics } from '@copydesk/enrichment';
import { accuracyAndMacroF1 } from './classification.metrics';
import { readJsonLines, sharedPath } from './shared-data.util';
import { taxonomyBaseline } from './taxonomy.baseline';

interface BbcRow {
  id: string;
  title: string;
  body: string;
  medtop: string;
}

/** One system's figures on the held-out BBC articles. */
export interface TopicScore {
  system: string;
  accuracy: number;
  macroF1: number;
  articlesPerSecond?: number;
}

/**
 * Topic classification on the fifth of shared/nlp/bbc-news/train.jsonl the shipped model never saw: the model
 * alone, the full classifier (model plus cue-word lexicon, first topic's top level), and two baselines.
 */
export function benchTopics(): { heldOut: number; scores: TopicScore[] } {
  const rows = readJsonLines<BbcRow>(sharedPath('nlp', 'bbc-news', 'train.jsonl'));
  const test = rows.filter((r) => isHeldOutExample(r.id));
  const train = rows.filter((r) => !isHeldOutExample(r.id));
  const gold = test.map((r) => r.medtop);
  const texts = test.map((r) => `${r.title}\n\n${r.body}`);
  const model = defaultTopicModel();

  const timed = (system: string, predict: (text: string) => string, measure = true): TopicScore => {
    const started = process.hrtime.bigint();
    const predicted = texts.map(predict);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { system, ...accuracyAndMacroF1(gold, predicted), ...(measure ? { articlesPerSecond: texts.length / seconds } : {}) };
  };
  const counts = new Map<string, number>();
  for (const r of train) counts.set(r.medtop, (counts.get(r.medtop) ?? 0) + 1);
  const majority = [...counts].sort((a, b) => b[1] - a[1])[0][0];
  const taxonomy = taxonomyBaseline([...counts.keys()]);

  return {
    heldOut: test.length,
    scores: [
      timed('majority class', () => majority, false),
      timed('taxonomy text (TF-IDF on IPTC labels + definitions)', taxonomy),
      timed(`shipped model alone (${model.version})`, (t) => predictTopics(model, t)[0].qcode),
      timed('classifyTopics: model + lexicon, first topic', (t) => {
        const first = classifyTopics(t, { model })[0];
        return mediaTopicTopLevel(first.qcode)?.qcode ?? first.qcode;
      }),
    ],
  };
}
