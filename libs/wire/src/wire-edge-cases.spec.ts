import { wireFixture } from './fixtures/wire-fixtures';
import { parseWire } from './parse-wire';
import type { WireArticle, WireParseResult } from './wire-article.types';

const edge = (name: string, contentType?: string): WireParseResult => parseWire(wireFixture(`edge/${name}`), { contentType });

function only(result: WireParseResult): WireArticle {
  expect(result.articles).toHaveLength(1);
  return result.articles[0];
}

describe('NITF 3.x documents', () => {
  it('reads docdata, tobject subject codes (exact, retired → broader, unmapped → parent code), head and body', () => {
    const result = edge('nitf-3.6-document.xml');
    expect(result).toMatchObject({ format: 'nitf', formatVersion: '3.6', mediaType: 'application/nitf+xml', issues: [] });
    const a = only(result);
    expect(a).toMatchObject({
      guid: 'cpydsk-2024-0310-ferry',
      version: 3,
      title: 'Harbour ferry to add night crossings',
      subheadline: 'Two extra sailings and a weekend route from April',
      description: 'The harbour ferry will run two night crossings from April.',
      byline: 'Jane Porter and Élodie Martin',
      authors: ['Jane Porter', 'Élodie Martin'],
      language: 'fr-FR',
      urgency: 3,
      pubStatus: 'usable',
      versionCreated: '2024-03-10T07:30:00.000Z',
      // date.release after date.issue is an embargo
      embargoed: true,
      embargoUntil: '2024-03-10T11:00:00.000Z',
      rights: {
        copyrightHolder: 'Copydesk Test Agency',
        copyrightNotice: 'Copyright 2024 Copydesk Test Agency',
        usageTerms: 'No use in print before 12:00',
      },
      dateline: 'Marseille, France, March 10',
      located: { name: 'Marseille', type: 'city', broader: [{ name: 'France', qcode: 'FR' }] },
      keywords: ['ferries', 'harbour'],
      slugline: 'HARBOUR-FERRY',
      edNote: 'Corrects the crossing times in the third paragraph.',
      genres: [{ name: 'Analysis' }],
    });
    expect(a.subjects.map((s) => [s.qcode, s.mediaTopic, s.mediaTopicMatch])).toEqual([
      ['subj:04005004', 'medtop:20001243', 'exact'],
      ['subj:02009001', 'medtop:20000111', 'broader'],
      ['subj:15054999', 'medtop:20001065', 'broader'],
    ]);
    expect(a.hopHistory.map((h) => [h.party?.name, h.timestamp])).toEqual([
      ['Jane Porter', '2024-03-10T07:00:00.000Z'],
      ['Desk', '2024-03-10T07:25:00.000Z'],
    ]);
  });

  it('turns NITF markup into article HTML: headings, quotes, tables, figures; notes and body.end left out; HTML entities decoded', () => {
    const a = only(edge('nitf-3.6-document.xml'));
    expect(a.bodyHtml).toContain('<h2>A weekend route</h2>');
    expect(a.bodyHtml).toContain('<blockquote><p>“We listened to the night workers,” said the director.</p>');
    expect(a.bodyHtml).toContain('<table><tr><th>Crossing</th>');
    expect(a.bodyHtml).toContain('<figure><img src="https://example.com/ferry.jpg" alt="The ferry at night" /><figcaption>');
    expect(a.bodyHtml).toContain('<a href="https://example.com/ferry" rel="noopener noreferrer nofollow">the timetable</a>');
    expect(a.bodyText).toContain('two night crossings — at 23:00 and 01:00 — to the ferry service');
    expect(a.bodyText).not.toMatch(/Editors: not for publication|Copydesk Test Agency/);
  });

  it('a dateline naming only a country locates the story in that country', () => {
    const doc =
      '<nitf><body><body.head><dateline><location><country iso-cc="IT">Italy</country></location>, May 2</dateline></body.head></body></nitf>';
    const a = parseWire(doc).articles[0];
    expect(a.located).toEqual({ name: 'Italy', qcode: 'IT', type: 'country', broader: [] });
    expect(a.dateline).toBe('Italy, May 2');
  });

  it('reads a canceled document as a kill of the same id, with the reason', () => {
    const a = only(edge('nitf-canceled.xml'));
    expect(a).toMatchObject({
      guid: 'cpydsk-2024-0310-ferry',
      version: 4,
      pubStatus: 'canceled',
      edNote: 'KILL: the story is withdrawn; legal advice.',
    });
  });
});

describe('NewsML-G2 variants', () => {
  it('reads prefixed elements whatever the prefix, the subheadline by its role, names in the item language, every usage term', () => {
    const a = only(edge('g2-prefixed-namespaces.xml'));
    expect(a).toMatchObject({
      guid: 'urn:newsml:copydesk.test:prefixed',
      version: 7,
      title: 'Die Fähre fährt nachts',
      subheadline: 'Zwei neue Verbindungen',
      bodyHtml: '<p>Die Fähre fährt ab April auch nachts.</p>',
      language: 'de',
      rights: { copyrightHolder: 'Copydesk Testagentur', usageTerms: 'Nur für Abonnenten.\n\nNicht für Social Media.' },
      versionCreated: '2024-03-12T09:00:00.000Z',
    });
    expect(a.subjects[0]).toMatchObject({ qcode: 'medtop:20000822', name: 'Sport' });
  });

  it('reads a document without namespace, plain-text inline data, the `by` line, keywords, catalog aliases and subject URIs', () => {
    const a = only(edge('g2-no-namespace-inlinedata.xml'));
    expect(a).toMatchObject({
      title: 'Phillies win in extra innings',
      byline: 'Jane Porter and John Roe',
      urgency: 2,
      language: 'en-US',
      dateline: 'PHILADELPHIA, March 12',
      keywords: ['baseball', 'Phillies'],
      versionCreated: '2024-03-12T09:15:00.000Z',
    });
    expect(a.bodyHtml).toBe(
      '<p>PHILADELPHIA (Copydesk) - The Phillies won 5-4 in the 11th inning.</p>\n<p>Bryce Harper hit the winning run.</p>',
    );
    expect(a.subjects.map((s) => [s.mediaTopic, s.mediaTopicMatch])).toEqual([
      ['medtop:20000849', 'exact'], // iptcsubj: declared by the document's own catalog
      ['medtop:20000849', 'same'], // a Media Topic URI
      ['medtop:20001065', 'broader'], // a code IPTC does not map: its parent's topic
    ]);
    expect(a.mediaTopics).toEqual(['medtop:20000849', 'medtop:20001065']);
  });

  it('dates without an offset are read in the given time zone', () => {
    const a = parseWire(wireFixture('edge/g2-no-namespace-inlinedata.xml'), { timeZone: 'America/New_York' }).articles[0];
    expect(a.versionCreated).toBe('2024-03-12T13:15:00.000Z');
  });

  it('prefers HTML inline data (base64) over the plain text, and sanitizes it', () => {
    const a = only(edge('g2-inlinedata-html-base64.xml'));
    expect(a.bodyHtml).toBe('<h2>Storm warning</h2>\n<p>Winds of 90mph are expected on the coast.</p>\n<p>Stay <b>indoors</b>.</p>');
  });

  it('reads NITF escaped in inline data with the same safety: an entity bomb inside refuses the whole document', () => {
    const escaped = (xml: string) => xml.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const item = (data: string) =>
      `<newsItem guid="g" version="1"><itemMeta><itemClass qcode="ninat:text"/></itemMeta><contentSet><inlineData contenttype="application/nitf+xml">${data}</inlineData></contentSet></newsItem>`;
    const nitf =
      '<nitf><body><body.head><hedline><hl1>Escaped</hl1></hedline></body.head><body.content><p>One &amp; two</p></body.content></body></nitf>';
    const a = only(parseWire(item(escaped(nitf))));
    expect(a).toMatchObject({ title: 'Escaped', bodyHtml: '<p>One &amp; two</p>' });
    expect(only(parseWire(item('no markup at all'))).bodyHtml).toBe('<p>no markup at all</p>');
    const bomb =
      '<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><nitf><body><body.content><p>&b;</p></body.content></body></nitf>';
    expect(() => parseWire(item(escaped(bomb)))).toThrow(expect.objectContaining({ code: 'WIRE_ENTITY_REFUSED' }));
  });

  it('decodes a Latin-1 document as its XML declaration says', () => {
    const a = only(edge('g2-latin1.xml'));
    expect(a.title).toBe('Le café de la gare rouvre à Noël');
    expect(a.bodyText).toBe('Le café rouvre à Noël, a annoncé la mairie.');
  });

  it('recovers broken markup (unquoted attributes, bare &, unclosed and mismatched tags) and says so', () => {
    const result = edge('g2-broken-markup.xml');
    const a = only(result);
    expect(a).toMatchObject({ version: 1, itemClass: 'text', title: 'Fish & chips shop wins award' });
    expect(a.bodyHtml).toBe(
      '<p>The shop in Whitby &amp; Scarborough won <em>best in the north</em></p>\n<p>Its owner said: “We are thrilled” &amp;unknownentity; bold text.</p>',
    );
    expect(result.issues).toEqual([
      expect.stringMatching(/^recovered from broken markup: \d+ element\(s\) closed/),
      'ignored 1 element(s) after the root element',
    ]);
  });

  it('withheld, embargoed until further notice (an empty <embargoed/>), status given as a URI', () => {
    const a = only(edge('g2-withheld-embargoed.xml'));
    expect(a).toMatchObject({ pubStatus: 'withheld', embargoed: true, embargoUntil: null, itemClass: 'text' });
    expect(a.bodyHtml).toBe(
      '<p>The budget will raise fuel duty by two pence a litre.</p>\n<p>Ministers will announce it on Wednesday.</p>',
    );
  });

  it('a message with a package: the text item is the article and lists the picture (carried) and the video (not carried)', () => {
    const result = edge('g2-package-message.xml');
    const a = only(result);
    expect(a).toMatchObject({ guid: 'urn:newsml:copydesk.test:story-1', title: 'Mayor re-elected by 200 votes', priority: 2 });
    expect(a.references).toEqual([
      {
        guid: 'urn:newsml:copydesk.test:photo-1',
        version: 2,
        href: 'https://media.copydesk.test/photo-1.jpg',
        itemClass: 'picture',
        contentType: 'image/jpeg',
        title: 'Counting the votes',
        role: null,
      },
      {
        guid: 'urn:newsml:copydesk.test:video-1',
        version: null,
        href: 'https://media.copydesk.test/video-1.mp4',
        itemClass: 'video',
        contentType: 'video/mp4',
        title: 'The result announced',
        role: null,
      },
    ]);
    expect(result.others.map((o) => [o.guid, o.itemClass])).toEqual([['urn:newsml:copydesk.test:photo-1', 'picture']]);
    expect(result.references.map((r) => r.guid)).toEqual(['urn:newsml:copydesk.test:video-1']);
    expect(result.message).toMatchObject({ sent: '2024-03-15T09:00:00.000Z', priority: 2 });
  });
});

describe('ninjs generations', () => {
  it('ninjs 1.x: headline, body_html, subject codes with and without scheme, embargo, altids and associations as objects', () => {
    const result = edge('ninjs-1.x-superdesk.json', 'application/json');
    expect(result.formatVersion).toBe('1.x');
    const a = only(result);
    expect(a).toMatchObject({
      guid: 'urn:newsml:copydesk.test:2024:ninjs1',
      version: 5,
      title: 'Port strike called off',
      description: 'Dock workers have called off a strike planned for Monday.',
      bodyHtml: '<p>Dock workers at Felixstowe have called off a strike.</p>\n<p>Talks will resume next week.</p>',
      byline: 'Jane Porter',
      urgency: 2,
      priority: 5,
      embargoed: true,
      embargoUntil: '2024-03-17T00:01:00.000Z',
      publishedAt: '2024-03-16T09:00:00.000Z',
      rights: { copyrightHolder: 'Copydesk Test Agency', usageTerms: 'UK clients only' },
      slugline: 'PORT-STRIKE',
      keywords: ['strike', 'ports'],
      altIds: [{ type: 'agency-id', value: 'PA-12345' }],
      references: [expect.objectContaining({ role: 'featuremedia', itemClass: 'picture', title: 'Cranes at the port' })],
    });
    expect(a.subjects.map((s) => [s.name, s.mediaTopic])).toEqual([
      ['labour', 'medtop:09000000'],
      ['labour dispute', 'medtop:09000000'],
      ['Ports', null],
    ]);
  });

  it('ninjs 2.x: lower-case names, headlines with roles, an NITF body, withheld with an embargo, subject URIs', () => {
    const result = edge('ninjs-2.0-lowercase.json');
    expect(result.formatVersion).toBe('2.x');
    const a = only(result);
    expect(a).toMatchObject({
      title: 'Hafen streikt nicht',
      subheadline: 'Gespräche nächste Woche',
      description: 'Der Streik ist abgesagt.',
      bodyHtml: '<p>Der Streik im Hafen ist abgesagt.</p>\n<h2>Gespräche</h2>\n<p>Man trifft sich nächste Woche.</p>',
      pubStatus: 'withheld',
      embargoUntil: '2024-03-18T06:00:00.000Z',
      versionCreated: '2024-03-16T11:00:00.000Z',
      rights: { copyrightHolder: 'dpa-Test', copyrightNotice: 'Copyright 2024 dpa-Test', usageTerms: 'Nur für Kunden in Deutschland' },
      genres: [{ uri: 'http://cv.iptc.org/newscodes/genre/Current', name: 'Meldung' }],
      altIds: [{ type: 'dpa-id', value: 'dpa-2024-0316' }],
      mediaTopics: ['medtop:09000000'],
    });
  });

  it('ninjs 3.1: a canceled item is a kill with its note', () => {
    const a = only(edge('ninjs-3.1-kill.json'));
    expect(a).toMatchObject({
      formatVersion: '3.1',
      pubStatus: 'canceled',
      version: 3,
      edNote: 'KILL: withdrawn at the request of the union.',
    });
  });

  it('reads an array of ninjs objects as several items', () => {
    const items = [1, 2].map((n) => ({ uri: `urn:x:${n}`, type: 'text', headlines: [{ value: `Story ${n}` }] }));
    const result = parseWire(JSON.stringify(items));
    expect(result.articles.map((a) => a.title)).toEqual(['Story 1', 'Story 2']);
  });
});
