import {
  TOPIC_ARTICLES,
  classifyTopics,
  defaultTopicModel,
  isHeldOutExample,
  mediaTopic,
  mediaTopicTopLevel,
  predictTopics,
} from '@copydesk/enrichment';
import { join } from 'node:path';
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

/** First-topic accuracy on one set of articles, with the misses. */
export interface FixtureTopicScore {
  articles: number;
  correct: number;
  accuracy: number;
  /** The articles written after the classifier was tuned on the others. */
  heldOut: { articles: number; correct: number };
  misses: string[];
}

/**
 * The hand-written articles of libs/enrichment (health, crime, weather, conflict, education, environment, science,
 * disaster, and guards inside the model's classes that use another topic's words): is the first topic's top level
 * the one an editor would choose?
 */
export function benchFixtureTopics(): FixtureTopicScore {
  const model = defaultTopicModel();
  const misses: string[] = [];
  const heldOut = { articles: 0, correct: 0 };
  for (const article of TOPIC_ARTICLES) {
    const topics = classifyTopics(`${article.title}\n\n${article.bodyText}`, { model });
    const first = mediaTopicTopLevel(topics[0].qcode)?.qcode ?? topics[0].qcode;
    const right = first === article.expected;
    if (article.heldOut) {
      heldOut.articles++;
      if (right) heldOut.correct++;
    }
    if (!right)
      misses.push(
        `${article.name}: ${article.expected} -> ${topics
          .slice(0, 3)
          .map((t) => `${t.label} ${t.confidence} (${t.source})`)
          .join(', ')}`,
      );
  }
  const correct = TOPIC_ARTICLES.length - misses.length;
  return { articles: TOPIC_ARTICLES.length, correct, accuracy: correct / TOPIC_ARTICLES.length, heldOut, misses };
}

/** First-topic accuracy on the texts written for the topics outside the BBC classes, overall and per topic. */
export interface WrittenTopicScore {
  articles: number;
  correct: number;
  accuracy: number;
  perTopic: { topic: string; label: string; correct: number; articles: number }[];
  misses: string[];
}

interface WrittenTopicRow {
  id: string;
  topic: string;
  title: string;
  body: string;
}

/**
 * Texts written for Copydesk in bench/enrichment/data, per topic outside the BBC model's classes (weather, crime,
 * health, environment, disaster, religion, labour, lifestyle, education, conflict, human interest, society):
 * `topic-texts.jsonl` (60; the cue words of enricher 2.1.0 were extended looking at its misses) and
 * `topic-texts-after-tuning.jsonl` (36, written after that, only measured).
 */
export function benchWrittenTopics(file = 'topic-texts.jsonl'): WrittenTopicScore {
  const model = defaultTopicModel();
  const rows = readJsonLines<WrittenTopicRow>(join(__dirname, '..', '..', '..', 'bench', 'enrichment', 'data', file));
  const perTopic = new Map<string, { correct: number; articles: number }>();
  const misses: string[] = [];
  for (const row of rows) {
    const topics = classifyTopics(`${row.title}\n\n${row.body}`, { model });
    const first = topics[0] ? (mediaTopicTopLevel(topics[0].qcode)?.qcode ?? topics[0].qcode) : undefined;
    const t = perTopic.get(row.topic) ?? { correct: 0, articles: 0 };
    t.articles++;
    if (first === row.topic) t.correct++;
    else misses.push(`${row.id}: ${topics[0] ? `${topics[0].label} ${topics[0].confidence} (${topics[0].source})` : 'no topic'}`);
    perTopic.set(row.topic, t);
  }
  const correct = [...perTopic.values()].reduce((a, t) => a + t.correct, 0);
  return {
    articles: rows.length,
    correct,
    accuracy: correct / Math.max(1, rows.length),
    perTopic: [...perTopic].map(([topic, t]) => ({ topic, label: mediaTopic(topic)?.label ?? topic, ...t })),
    misses,
  };
}
