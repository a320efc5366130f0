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
    ['other', { title: 'How to keep basil alive through the winter' }],
    ['opinion', { url: 'https://paper.example/ideas/2026/why-towns-need-pools' }],
    ['press-release', { url: 'https://company.example/newsroom/new-depot' }],
    ['other', { url: 'https://site.example/deals/headphones-half-price' }],
    ['other', { title: 'Seven ways to cut your energy bill' }],
    ['news', { title: 'Council finds new ways to cut its energy bill' }],
    ['press-release', { bodyText: `${NEWS_BODY}\nFor more information, please visit www.acme.example.` }],
    ['review', { url: 'https://paper.example/film/reviews/dune-part-three' }],
    ['live-blog', { jsonLdType: 'LiveBlogPosting' }],
    ['obituary', { section: 'Obituaries' }],
    ['press-release', { url: 'https://company.example/press-releases/q3-results' }],
    ['other', { url: 'https://brand.example/sponsored/ten-tips' }],
  ])('reads %s from page metadata or the title %j', (type, signals) => {
    const r = classifyContentType({ title: 'A title', bodyText: NEWS_BODY, ...signals });
    expect(r.type).toBe(type);
  });

  it('takes a death in the lead with the details of a life for an obituary', () => {
    const life =
      'Margaret Osei, the architect who rebuilt half of Kumasi’s market, has died. She was 88.\n' +
      'She was born in 1937 in Cape Coast and trained in London.\nShe is survived by two daughters.';
    expect(classifyContentType({ title: '', bodyText: life }).type).toBe('obituary');
    expect(classifyContentType({ title: '', bodyText: life.replace(/She is survived[^\n]*|She was born[^\n]*/g, '') }).type).toBe('news');
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

describe("classifyContentType: the writer's voice (English)", () => {
  const typeOf = (bodyText: string, title = ''): string => classifyContentType({ title, bodyText }).type;

  it('counts quotations as reporting only when a reporting verb attributes them', () => {
    const testimonials = [
      '“The show was wonderful and the staff were kind.”',
      '– Mar**',
      '“Great seats, easy booking, a lovely evening for the whole family.”',
      '– Jo** Ke**',
      '“The best night out we have had in years.”',
      '– Ann**',
      'Book your tickets on our website.',
    ].join('\n');
    const url = 'https://theatre.example/blog/2026/10/what-visitors-say';
    expect(classifyContentType({ title: '', bodyText: testimonials, url }).type).toBe('other');
    expect(classifyContentType({ title: '', bodyText: testimonials }).evidence.join(' ')).not.toMatch(/quotation density/);
    const reported = classifyContentType({ title: '', bodyText: testimonials.replace(/– /g, 'said ') });
    expect(reported.type).toBe('news');
    expect(reported.evidence.join(' ')).toMatch(/quotation density/);
  });

  it("takes stance adverbs in the writer's own voice for commentary, not a reporter's attributed doubt", () => {
    const comment = [
      'The mayor’s new parking plan is supposedly about safety. Ironically, it will push more cars onto the school streets, where the',
      'pavements are narrow and the crossings few. In other words, the council has solved a problem nobody had and created one that',
      'every parent on the east side will meet at eight in the morning. Needless to say, the shops on the high street were never asked.',
      'They learned of the plan from a leaflet, three weeks after the consultation had closed, and most of them still do not know that',
      'their delivery bays are to become resident permits. The plan is due for a vote next month. Its backers describe it as modest,',
      'a tidy-up of markings and signs that will cost little and change less. That is not how it will feel to a van driver circling',
      'the square at dawn, or to the baker who opens at six and needs her flour unloaded before the first customers arrive. Nor is it',
      'how it will look in a year, when the empty bays on the high street are counted against the cars queuing outside the primary',
      'school. The council has done good work on cycling and on buses, and it deserves credit for both. Parking is harder, because',
      'every space has an owner who believes it is theirs. That is exactly why a plan like this needs the people it touches at the',
      'table from the start, not a leaflet at the end. There is still time to do this properly. The council ought to withdraw the',
      'plan, talk to the traders and the schools, and bring back something the street can live with before the spring. A town that',
      'wants its high street to survive cannot treat the people who keep it open as an afterthought, however tidy the markings look.',
    ].join(' ');
    expect(typeOf(comment)).toBe('opinion');
    const report =
      'The council will vote on a new parking plan next month, officials said on Tuesday. The plan adds 40 bays near the station. ' +
      '“It is supposedly about safety, but ironically it moves traffic onto school streets,” said Ann Lee, who runs a bakery on the high street.';
    expect(typeOf(report)).toBe('news');
  });

  it('reads an explainer from a "why" heading and hedged words, not from either alone', () => {
    const lead =
      'Share prices reached a record on Wednesday while factory output fell for a third month.\n' +
      '“Markets price the recovery before it comes,” said Raj Mehta, a fund manager at Orbis Capital.\n' +
      '“Investors are looking past this year’s figures to the tax cut,” said Lena Ford, a strategist at Kestrel Bank.\n';
    const why = 'Why are markets rising while the economy slows?\n';
    const hedged =
      'Lower taxes could lift profits next year, and a trade deal may follow. Growth is likely to return by spring, ' +
      'though a weak monsoon might delay it. Most brokers expect a pause before the next rise.';
    expect(typeOf(lead + why + hedged)).toBe('analysis');
    expect(typeOf(lead + hedged)).toBe('news');
    expect(typeOf(lead + why + 'Profits rose in the quarter. Banks gained most, led by two lenders.')).toBe('news');
    // A report's "What happens next?" is no explainer's framing.
    expect(typeOf(lead + 'What happens next?\n' + hedged)).toBe('news');
  });

  it('takes a reader addressed again and again for a guide, but not a product report\'s occasional "you"', () => {
    const guide =
      'If you want to sleep better, start with your evenings. Put your phone away an hour before bed, and keep your bedroom cool. ' +
      'You will notice the difference within a week. If you wake at night, do not check the time; your brain reads it as a signal.';
    expect(typeOf(guide)).toBe('other');
    const product =
      'The carmaker unveiled its new electric estate on Tuesday at the Geneva show. The car has a range of 500 kilometres and goes on sale in May. ' +
      'Buyers can choose between two batteries, and you can order a heat pump at extra cost. The company said prices start at 45,000 euros. ' +
      'Deliveries in Britain begin in the autumn, the company said.';
    expect(typeOf(product)).toBe('news');
  });

  it('takes questions put to someone and answered in the first person, or an edited-interview note, for an interview', () => {
    const qa = [
      'Nadia Reyes has coached the national rowing team for six years. We spoke before the final.',
      'How do you prepare a crew for a race like this?',
      'We row the course in our heads a hundred times. I want nothing on the day to be new.',
      'Do you still get nervous?',
      'I do, every time. My hands shake at the start line.',
      'What will you do after the games?',
      'I will sleep for a week, then we start again.',
    ].join('\n');
    expect(typeOf(qa)).toBe('interview');
    const note = `${NEWS_BODY}\nThis interview has been edited for length and clarity.`;
    expect(typeOf(note)).toBe('interview');
  });
});

describe('classifyContentType: the interview layout', () => {
  const typeOf = (bodyText: string): string => classifyContentType({ title: '', bodyText }).type;

  it('takes questions each answered in the first person for an interview, without labels or "you"', () => {
    const body = [
      'The glaciologist Ines Moreau has measured the Rhône glacier every summer since 2004.',
      'What changed this year?',
      'I have never seen the snout retreat so fast. We lost forty metres in a single season.',
      'Is there anything left to save?',
      'My answer is yes, but only higher up. The lower tongue is gone within our lifetimes.',
      'What does the valley lose with it?',
      'Water in late summer, mostly. I worry about the farms more than the views.',
    ].join('\n');
    expect(typeOf(body)).toBe('interview');
    // Questions a report asks and answers itself, without a first person, are no interview.
    const report = body.replace(/\b(?:I have|We|My answer is|I worry)\b/g, 'Experts say');
    expect(typeOf(report.replace(/\bour\b/g, 'their'))).not.toBe('interview');
  });

  it('takes two speakers taking turns for an interview, but not contact lines or pros and cons', () => {
    const turns = [
      'The chef Tomás Ruiz opened his third restaurant in Lisbon last month.',
      'Journal: Why Lisbon again?',
      'Ruiz: Because the fish market is ten minutes away and the rents were still sane.',
      'Journal: Three kitchens is a lot for one chef.',
      'Ruiz: It is. The teams run them; they taste everything.',
      'Journal: What comes next?',
      'Ruiz: A holiday, if the teams let me go.',
    ].join('\n');
    expect(typeOf(turns)).toBe('interview');
    const lines = [
      'The new ferry timetable starts on Monday, the port authority said.',
      'Tel: 0123 456 789',
      'Email: ferries@port.example',
      'Tel: 0123 456 790',
      'Email: timetable@port.example',
      'Tel: 0123 456 791',
      'Email: press@port.example',
    ].join('\n');
    expect(typeOf(lines)).not.toBe('interview');
  });
});

describe('classifyContentType: sign-offs, boilerplate and shopping copy (English)', () => {
  const typeOf = (bodyText: string): string => classifyContentType({ title: '', bodyText }).type;
  const argument =
    'The city should not sell its last public pool. A pool is where children learn to swim, and swimming saves lives.\n' +
    'The buyer promises a gym with a pool for members. That is not the same thing.';

  it("takes a disclaimer, a contributor's line at the end or an opening label for commentary or analysis", () => {
    expect(typeOf(`${argument}\nThe views expressed here are the author’s own.`)).toBe('opinion');
    expect(typeOf(`${argument}\nDana Whitfield is a senior fellow at the Harbour Institute.`)).toBe('opinion');
    expect(typeOf(`Opinion\n${argument}`)).toBe('opinion');
    expect(typeOf(`Analysis\n${NEWS_BODY}`)).toBe('analysis');
    // A professor quoted in a report's first paragraph is no contributor's line.
    expect(typeOf(`Dana Whitfield is a professor of economics at Harbour University.\n${NEWS_BODY}\nThe vote was close.\nIt passed.`)).toBe(
      'news',
    );
  });

  it('takes "is pleased to announce", investor relations and a press office\'s address for a release', () => {
    expect(typeOf('Nordwind Freight is pleased to announce a new depot in Leeds.\nThe depot opens in May.')).toBe('press-release');
    expect(typeOf(`${NEWS_BODY}\nInvestor Relations\nir@nordwind.example`)).toBe('press-release');
    expect(typeOf(`${NEWS_BODY}\nQuestions: press@nordwind.example`)).toBe('press-release');
  });

  it('takes prices cut and where to buy for shopping copy, and data lines of a work for a review', () => {
    const deals =
      'The noise-cancelling headphones are $199 (was $279) at Amazon today.\nThe smaller model is 35% off, the lowest price we have seen.';
    expect(typeOf(deals)).toBe('other');
    expect(typeOf(`${NEWS_BODY}\nThe company's shares are down from $19 a year ago.`)).toBe('news');
    const film =
      'The second film about the lighthouse keeper is slower than the first and better for it.\n' +
      'Directed by: Ana Lund\nStarring: Olav Berg, Mia Sand\nRunning time: 112 minutes';
    expect(typeOf(film)).toBe('review');
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
