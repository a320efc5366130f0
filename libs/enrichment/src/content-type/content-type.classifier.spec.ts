import { classifyContentType } from './content-type.classifier';
import { jsonLdArticleTypes } from './json-ld-type.reader';

const NEWS_BODY =
  'The council approved the budget on Tuesday.\n"We had to make hard choices," said the finance chief, Ann Lee.\nThe vote was 31 to 12.';

describe('classifyContentType', () => {
  it("takes a text opening with the site's owner for a release, unless the site is named after a word or a place", () => {
    const release = 'Quorvex, a maker of hospital pagers, announced a partnership with two clinics.\nThe pagers ship in March.';
    expect(classifyContentType({ title: 'Partnership', bodyText: release, url: 'https://www.quorvex.com/news/partnership' }).type).toBe(
      'press-release',
    );
    const local = 'CLEVELAND, Ohio -- The council approved the budget on Tuesday, officials said.\nThe vote was 31 to 12.';
    expect(classifyContentType({ title: 'Budget', bodyText: local, url: 'https://www.cleveland.com/news/budget' }).type).toBe('news');
    const word = 'Space agencies agreed on a plan, officials said on Tuesday.';
    expect(classifyContentType({ title: 'Plan', bodyText: word, url: 'https://www.space.com/plan' }).type).toBe('news');
  });

  it('matches the site owner written with umlauts or accents against its ASCII host name', () => {
    const umlaut = 'Börgel Gerätebau, ein Hersteller von Pumpen, hat eine neue Baureihe vorgestellt.\nDie Pumpen kommen im März.';
    const de = classifyContentType({ title: 'Neue Baureihe', bodyText: umlaut, url: 'https://www.boergel-geraetebau.de/presse/baureihe' });
    expect(de.type).toBe('press-release');
    expect(de.evidence.join(' ')).toMatch(/site's owner \(boergel.geraetebau\)/);
    const accent = 'Vélomère, a maker of bicycle lights, announced a partnership with two retailers.\nThe lights ship in March.';
    expect(classifyContentType({ title: 'Partnership', bodyText: accent, url: 'https://velomere.example/news/p' }).type).toBe(
      'press-release',
    );
  });

  it('reads review markers in the writer’s voice only, and "please visit:" as release boilerplate', () => {
    const court = `${NEWS_BODY}\n"The verdict is a big positive for banks," said an analyst. "This verdict should be welcomed."`;
    expect(classifyContentType({ title: 'Banks rally', bodyText: court }).type).toBe('news');
    expect(
      classifyContentType({ title: 'Update', bodyText: `${NEWS_BODY}\nFor more information, please visit: www.acme.example` }).type,
    ).toBe('press-release');
  });

  it('defaults to news and says why', () => {
    const r = classifyContentType({ title: 'Council approves budget', bodyText: NEWS_BODY });
    expect(r.type).toBe('news');
    expect(r.evidence.length).toBeGreaterThan(0);
    expect(r.confidence).toBeGreaterThan(0.5);
  });

  it.each([
    ['opinion', { jsonLdType: 'OpinionNewsArticle' }],
    ['opinion', { url: 'https://paper.example/commentisfree/2026/nov/27/why-budgets-fail' }],
    ['opinion', { section: 'Opinion', byline: 'Jo Bloggs, columnist' }],
    ['analysis', { jsonLdType: ['NewsArticle', 'AnalysisNewsArticle'] }],
    ['analysis', { title: 'Analysis: what the budget means for you' }],
    ['analysis', { bodyText: `${NEWS_BODY}\nOur ruling\nThe figure is close. We rate the statement Mostly True.` }],
    ['other', { url: 'https://health.example/nutrition/how-to-sleep-better' }],
    ['press-release', { bodyText: `${NEWS_BODY}\nFor more information, please visit www.acme.example.` }],
    ['review', { url: 'https://paper.example/film/reviews/dune-part-three' }],
    ['live-blog', { jsonLdType: 'LiveBlogPosting' }],
    ['obituary', { section: 'Obituaries' }],
    ['press-release', { url: 'https://company.example/press-releases/q3-results' }],
    ['other', { url: 'https://brand.example/sponsored/ten-tips' }],
  ])('reads %s from page metadata %j', (type, signals) => {
    const r = classifyContentType({ title: 'A title', bodyText: NEWS_BODY, ...signals });
    expect(r.type).toBe(type);
  });

  it('reads the type from the text when metadata is silent', () => {
    expect(
      classifyContentType({ title: 'x', bodyText: 'Q: What drives you?\nA: Curiosity.\nQ: And next?\nA: More of the same.' }).type,
    ).toBe('interview');
    expect(
      classifyContentType({ title: 'x', bodyText: 'This post is sponsored by Acme. All opinions are my own.\nI love this kettle.' }).type,
    ).toBe('other');
    expect(
      classifyContentType({
        title: 'x',
        bodyText: 'Verdict: a fine phone with a weak camera. Rating: 4 out of 5.\nPros: battery. Cons: price.',
      }).type,
    ).toBe('review');
    const first = classifyContentType({
      title: 'x',
      bodyText:
        'I have lived here for twenty years and I think we should stop this plan. My neighbours agree with me. It is absurd, and the mayor must listen. I will keep saying so until I am heard, because my street deserves better.',
    });
    expect(first.type).toBe('opinion');
    expect(first.evidence.join(' ')).toMatch(/first person/);
  });
});

describe('jsonLdArticleTypes', () => {
  it('reads article types from JSON-LD, arrays and graphs included, ignoring other types', () => {
    const html = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":["NewsArticle","OpinionNewsArticle"],"headline":"x"},{"@type":"Person"}]}</script>
      <script type='application/ld+json'>{"@type": "LiveBlogPosting"}</script>`;
    expect(jsonLdArticleTypes(html)).toEqual(['NewsArticle', 'OpinionNewsArticle', 'LiveBlogPosting']);
    expect(jsonLdArticleTypes('<p>no json-ld</p>')).toEqual([]);
  });
});
