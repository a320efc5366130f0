import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Enrichment } from '@copydesk/enrichment';
import { enrichCommand } from './enrich.command';

type Printed = Enrichment & { id: string; title: string; extraction?: { jsonLdTypes: string[] } };

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  return {
    stream: new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString());
        done();
      },
    }),
    text: () => chunks.join(''),
  };
}

async function run(argv: string[]): Promise<{ code: number; records: Record<string, unknown>[]; stderr: string }> {
  const out = sink();
  const err = sink();
  const code = await enrichCommand.run(argv, { stdout: out.stream, stderr: err.stream });
  const records = out
    .text()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code, records, stderr: err.text() };
}

const STORY = {
  id: 'story-1',
  title: 'Storm Ciarán brings 90mph winds to the south coast',
  body: '<p>Winds of 90mph hit the south coast of England on Thursday, the Met Office said, as heavy rain caused flooding in Cornwall.</p><p>“This is a dangerous storm and people should stay indoors,” said forecaster Jane Porter.</p>',
  url: 'https://news.example/weather/storm-ciaran',
};
const PAGE = `<!doctype html><html lang="en"><head><title>Council backs new cycle lanes</title>
<link rel="canonical" href="https://paper.example/news/council-cycle-lanes">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Council backs new cycle lanes"}</script></head>
<body><article><h1>Council backs new cycle lanes</h1>
<p>The city council in Leeds voted on Tuesday to build 40 kilometres of new cycle lanes across the city centre over the next three years, at a cost of £18 million.</p>
<p>“This is the biggest investment in cycling the city has ever made,” said councillor Priya Shah, who leads on transport. She said the first lanes would open in the spring.</p>
<p>Opposition councillors said the money should have gone to repairing roads. The plan will now go to a public consultation before building starts next year.</p>
</article></body></html>`;

describe('copydesk enrich', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-enrich-'));
    writeFileSync(join(dir, 'story.json'), JSON.stringify(STORY));
    writeFileSync(join(dir, 'page.html'), PAGE);
    writeFileSync(
      join(dir, 'batch.jsonl'),
      `${JSON.stringify({ id: 'a', title: 'Bank raises interest rates', body: 'The central bank raised interest rates to 5% on Thursday as inflation stayed high, and shares fell.' })}\n\n${JSON.stringify({ title: 'No id here', body: 'Plain text body about a football match that the home team won.' })}\n`,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('enriches a JSON article whose body is HTML, carrying its id', async () => {
    const { code, records } = await run([join(dir, 'story.json')]);
    expect(code).toBe(0);
    expect(records).toHaveLength(1);
    const [r] = records as unknown as [Printed];
    expect(r.id).toBe('story-1');
    expect(r.language.code).toBe('en');
    expect(r.topics[0]).toMatchObject({ qcode: 'medtop:17000000', label: 'weather' });
    expect(r.quotes).toEqual([
      { text: 'This is a dangerous storm and people should stay indoors,', speaker: 'Jane Porter', speakerType: 'person' },
    ]);
    expect(r.entities.organisations.map((o) => o.name)).toContain('Met Office');
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['keywords', 'contentType', 'summary', 'schemeVersion', 'enricherVersion']));
  });

  it('extracts an HTML page first and reports what extraction found', async () => {
    const { code, records } = await run([join(dir, 'page.html')]);
    expect(code).toBe(0);
    const [r] = records as unknown as [Printed];
    expect(r.id).toBe('page');
    expect(r.title).toBe('Council backs new cycle lanes');
    expect(r.extraction?.jsonLdTypes).toEqual(['NewsArticle']);
    expect(r.contentType.type).toBe('news');
    expect(r.quotes[0].speaker).toBe('Priya Shah');
    expect(r.entities.places.map((p) => p.name)).toContain('Leeds');
  });

  it('reads JSON Lines, one record per line, numbering lines without ids', async () => {
    const { code, records } = await run(['--jsonl', join(dir, 'batch.jsonl')]);
    expect(code).toBe(0);
    expect(records.map((r) => r.id)).toEqual(['a', `${join(dir, 'batch.jsonl')}:3`]);
  });

  it('enriches every .html and .json file of a folder', async () => {
    const { records } = await run([dir]);
    expect(records.map((r) => r.id)).toEqual(['page', 'story-1']);
  });

  it('fails with a usage message on bad arguments and keeps going past a bad input', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['--nope'])).stderr).toMatch(/unknown option/);
    writeFileSync(join(dir, 'bad.jsonl'), `not json\n${JSON.stringify({ id: 'ok', title: 'Fine', body: 'A short body.' })}\n`);
    const { code, records, stderr } = await run(['--jsonl', join(dir, 'bad.jsonl')]);
    expect(code).toBe(1);
    expect(records.map((r) => r.id)).toEqual(['ok']);
    expect(stderr).toMatch(/not valid JSON/);
  });
});
