/**
 * `npm run bench:enrich`: topic classification on held-out BBC articles (with baselines), entities, quote speakers
 * and content types on the hand-labelled articles, and throughput with all enrichers on.
 * `--verbose` lists every entity, quote and content-type error; `--extracted` also scores the annotated articles on
 * what @copydesk/extraction gets from the HTML pages (figures then move with the extractor).
 */
import { ENRICHER_VERSION, MEDIA_TOPICS_SCHEME_VERSION, defaultTopicModel } from '@copydesk/enrichment';
import { benchAnnotated } from './annotated.bench';
import { benchThroughput } from './throughput.bench';
import { benchFixtureTopics, benchTopics } from './topics.bench';

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

  const annotated = benchAnnotated(verbose);
  console.log(
    `\nEntities, quotes, content type: ${annotated.articles} hand-labelled articles (shared/nlp/annotated-dev.jsonl; input = gold body text + URL + JSON-LD type of the page)`,
  );
  for (const [kind, s] of Object.entries(annotated.entities)) {
    console.log(`  ${kind.padEnd(14)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}`);
  }
  const q = annotated.quotes;
  console.log(
    `  quotes         ${q.rightSpeaker}/${q.gold} with the right speaker (${pct(q.rate)}); ${q.found} found, ${q.predicted} predicted in all`,
  );
  console.log(`  content type   ${annotated.contentType.correct}/${annotated.articles} right (${pct(annotated.contentType.accuracy)})`);
  for (const c of annotated.contentType.confusions) console.log(`    ${c}`);

  if (process.argv.includes('--extracted')) {
    const ex = benchAnnotated(false, true);
    console.log('\nSame, on @copydesk/extraction output from the HTML pages (title, body, section, byline):');
    for (const [kind, s] of Object.entries(ex.entities))
      console.log(`  ${kind.padEnd(14)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}`);
    console.log(`  quotes         ${ex.quotes.rightSpeaker}/${ex.quotes.gold} with the right speaker (${pct(ex.quotes.rate)})`);
    console.log(`  content type   ${ex.contentType.correct}/${ex.articles} right (${pct(ex.contentType.accuracy)})`);
  }

  const t = benchThroughput();
  console.log(`\nThroughput: ${t.articles} articles of ${t.wordsPerArticle} words, all enrichers, one thread`);
  console.log(`  ${t.articlesPerSecond.toFixed(0)} articles/s wall clock, ${t.articlesPerCpuSecond.toFixed(0)} articles per CPU-second`);
}

main();
