/**
 * `npm run bench:enrich`: topic classification on held-out BBC articles (with baselines), entities, quote speakers
 * and content types on the hand-labelled articles, and throughput with all enrichers on.
 * `--verbose` lists every entity, quote and content-type error; `--extracted` also scores the annotated articles on
 * what @copydesk/extraction gets from the HTML pages (figures then move with the extractor).
 */
import { ENRICHER_VERSION, MEDIA_TOPICS_SCHEME_VERSION, defaultTopicModel } from '@copydesk/enrichment';
import { benchAnnotated, type AnnotatedScore } from './annotated.bench';
import { benchThroughput } from './throughput.bench';
import { benchFixtureTopics, benchTopics, benchWrittenTopics } from './topics.bench';

const pct = (x: number): string => x.toFixed(3);

function main(): void {
  const verbose = process.argv.includes('--verbose');
  const model = defaultTopicModel();
  console.log(
    `enricher ${ENRICHER_VERSION}, scheme ${MEDIA_TOPICS_SCHEME_VERSION}, topic model ${model.version} (${model.exampleCount} training examples)\n`,
  );

  const topics = benchTopics();
  console.log(`Topics: ${topics.heldOut} held-out BBC articles (shared/nlp/bbc-news, never trained on), top level`);
  console.log('  system                                                 accuracy  macro-F1  articles/s');
  for (const s of topics.scores) {
    console.log(
      `  ${s.system.padEnd(54)} ${pct(s.accuracy).padStart(8)}  ${pct(s.macroF1).padStart(8)}  ${(s.articlesPerSecond === undefined ? '-' : s.articlesPerSecond.toFixed(0)).padStart(10)}`,
    );
  }

  const fixtures = benchFixtureTopics();
  console.log(
    `\nTopics outside the BBC classes: ${fixtures.articles} articles written for Copydesk (libs/enrichment/src/fixtures/topic-articles.fixture.ts)`,
  );
  console.log(
    `  classifyTopics first topic (top level) as an editor would file it: ${fixtures.correct}/${fixtures.articles} (${pct(fixtures.accuracy)})`,
  );
  console.log(`  of which written after tuning: ${fixtures.heldOut.correct}/${fixtures.heldOut.articles}`);
  for (const miss of fixtures.misses) console.log(`    ${miss}`);

  // The measured-only set never lists its misses, so it stays a check of what generalises.
  for (const [file, what, listMisses] of [
    ['topic-texts.jsonl', 'the cue words were extended looking at its misses', true],
    ['topic-texts-after-tuning.jsonl', 'written after that, measured only', false],
    ['topic-texts-round3.jsonl', 'written later, measured, then tuned on: cue words and the short-text rule', true],
  ] as const) {
    const written = benchWrittenTopics(file);
    console.log(
      `\nTopics outside the BBC classes: ${written.articles} texts written for Copydesk (bench/enrichment/data/${file}; ${what})`,
    );
    console.log(`  classifyTopics first topic (top level): ${written.correct}/${written.articles} (${pct(written.accuracy)})`);
    console.log(`  ${written.perTopic.map((t) => `${t.label} ${t.correct}/${t.articles}`).join(', ')}`);
    if (verbose && listMisses) for (const miss of written.misses) console.log(`    ${miss}`);
  }

  printAnnotated('en', verbose);
  printAnnotated('de', verbose);
  if (process.argv.includes('--json-ld')) {
    const ld = benchAnnotated({ language: 'en', part: 'held-back', jsonLd: true });
    console.log(`\nEnglish held-back part with the page's JSON-LD type: content type ${pct(ld.contentType.accuracy)}`);
  }
  if (process.argv.includes('--extracted')) {
    const ex = benchAnnotated({ language: 'en', part: 'held-back', extracted: true });
    console.log('\nEnglish held-back part on @copydesk/extraction output from the HTML pages (title, body, section, byline):');
    for (const [kind, s] of Object.entries(ex.entities)) console.log(`  ${kind.padEnd(14)} F1 ${pct(s.f1)}`);
    console.log(`  quotes         ${pct(ex.quotes.rate)}   content type ${pct(ex.contentType.accuracy)}`);
  }

  const t = benchThroughput();
  console.log(`\nThroughput: ${t.articles} articles of ${t.wordsPerArticle} words, all enrichers, one thread`);
  console.log(`  ${t.articlesPerSecond.toFixed(0)} articles/s wall clock, ${t.articlesPerCpuSecond.toFixed(0)} articles per CPU-second`);
}

main();

function printAnnotated(language: 'en' | 'de', verbose: boolean): void {
  const file = language === 'en' ? 'annotated-dev.jsonl' : 'annotated-de-dev.jsonl';
  const dev = benchAnnotated({ language, part: 'dev', verbose });
  const held = benchAnnotated({ language, part: 'held-back' });
  const baseline = benchAnnotated({ language, part: 'held-back', system: 'compromise' });
  console.log(
    `\n${language === 'en' ? 'English' : 'German'}: shared/nlp/${file}, dev part ${dev.articles} articles (rules decided here), held-back part ${held.articles} (measured only)`,
  );
  console.log(`  input: ${language === 'en' ? 'gold body text + URL, no JSON-LD type' : 'title + body + URL'}`);
  console.log('  figure                         dev part   held-back   compromise alone (held-back)');
  const row = (name: string, f: (s: AnnotatedScore) => number | undefined, withBaseline = false): void => {
    const b = withBaseline ? f(baseline) : undefined;
    console.log(
      `  ${name.padEnd(30)} ${pct(f(dev) ?? 0).padStart(8)}   ${pct(f(held) ?? 0).padStart(9)}   ${b === undefined ? '-' : pct(b)}`,
    );
  };
  row('people F1', (s) => s.entities.people.f1, true);
  row('organisations F1', (s) => s.entities.organisations.f1, true);
  row('places F1', (s) => s.entities.places.f1, true);
  row('quotes with the right speaker', (s) => s.quotes.rate, true);
  row('content type accuracy', (s) => s.contentType.accuracy);
  if (language === 'de') row('first topic among labelled', (s) => s.topics?.accuracy);
  console.log(
    `  (precision/recall held-back: ${Object.entries(held.entities)
      .map(([k, s]) => `${k} ${pct(s.precision)}/${pct(s.recall)}`)
      .join(', ')}; quotes found ${held.quotes.found}/${held.quotes.gold}, ${held.quotes.predicted} predicted)`,
  );
  for (const c of dev.contentType.confusions) console.log(`    dev: ${c}`);
}
