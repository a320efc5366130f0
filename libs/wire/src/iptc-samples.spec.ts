import { wireFixture } from './fixtures/wire-fixtures';
import { parseWire } from './parse-wire';
import type { WireArticle, WireParseResult } from './wire-article.types';

const g2 = (name: string): WireParseResult => parseWire(wireFixture(`iptc/newsml-g2/${name}`));
const ninjs = (name: string): WireParseResult => parseWire(wireFixture(`iptc/ninjs/${name}`), { contentType: 'application/ninjs+json' });

function only(result: WireParseResult): WireArticle {
  expect(result.articles).toHaveLength(1);
  return result.articles[0];
}

describe('IPTC NewsML-G2 samples', () => {
  it('LISTING 1, a news item: ids, rights, embargo, located place with broader places, subjects, genre, signals', () => {
    const result = g2('LISTING_1_A_NewsML-G2_News_Item.xml');
    expect(result).toMatchObject({
      format: 'newsml-g2',
      formatVersion: '2.35',
      mediaType: 'application/vnd.iptc.g2.newsitem+xml',
      issues: [],
    });
    const a = only(result);
    expect(a).toMatchObject({
      guid: 'urn:newsml:acmenews.com:20161018:US-FINANCE-FED',
      externalId: 'urn:newsml:acmenews.com:20161018:US-FINANCE-FED',
      version: 11,
      title: 'Fed to halt QE to avert "bubble"',
      itemClass: 'text',
      provider: { qcode: 'nprov:REUTERS' },
      service: { qcode: 'svc:uknews', name: 'UK News Service' },
      language: 'en-GB',
      versionCreated: '2018-10-21T21:25:32.000Z',
      firstCreated: '2016-10-18T18:12:21.000Z',
      publishedAt: '2016-10-18T18:12:21.000Z',
      modifiedAt: '2018-10-21T21:25:32.000Z',
      embargoed: true,
      embargoUntil: '2018-10-23T12:00:00.000Z',
      pubStatus: 'usable',
      byline: 'Meredith Jameson',
      authors: ['Meredith Jameson'],
      slugline: 'US-Finance-Fed',
      signals: ['sig:update'],
      rights: {
        copyrightHolder: 'Example Enews LLP',
        copyrightNotice: 'Copyright 2017-18 Example Enews LLP, all rights reserved',
        usageTerms: 'Not for use outside the United States',
      },
      genres: [{ qcode: 'genre:interview', name: 'Interview' }],
      mediaTopics: ['medtop:04000000', 'medtop:20000523'],
    });
    expect(a.edNote).toMatch(/^Note to editors: STRICTLY EMBARGOED\. Not for public release until 12noon on Friday/);
    expect(a.located).toEqual({
      name: 'Berlin',
      qcode: 'geo:345678',
      type: 'cptype:city',
      broader: [
        { qcode: 'prov:2365', uri: null, name: 'Berlin', type: 'cptype:statprov' },
        { qcode: 'iso3166-1a2:DE', uri: null, name: 'Germany', type: 'cptype:country' },
      ],
    });
    // The item's language picks among a subject's names.
    expect(a.subjects[1]).toMatchObject({ qcode: 'medtop:20000523', name: 'labour market', mediaTopicMatch: 'same' });
    expect(a.references).toEqual([expect.objectContaining({ role: 'irel:seeAlso', href: expect.stringContaining('/video/') })]);
    // Its inlineXML holds only comments: no body, and that is not an error.
    expect(a.bodyHtml).toBe('');
  });

  it('LISTING 2, a text document: NITF body, byline without the byline title, located place', () => {
    const a = only(g2('LISTING_2_NewsML-G2_Text_Document.xml'));
    expect(a).toMatchObject({
      version: 11,
      formatVersion: '2.24',
      language: 'en-US',
      provider: { uri: 'http://www.acmenews.com/about/' },
      byline: 'Meredith Jameson',
      located: { name: 'New York, NY', qcode: 'geoloc:NYC', broader: [] },
      rights: {
        copyrightHolder: 'Acme News and Media LLC',
        copyrightNotice: 'Copyright 2017-18 Acme News and Media LLC',
        usageTerms: null,
      },
      mediaTopics: ['medtop:04000000', 'medtop:20000350', 'medtop:20000379'],
      publishedAt: '2016-11-21T20:21:06.000Z',
    });
    expect(a.bodyHtml.match(/<p>/g)).toHaveLength(2);
    expect(a.bodyText).toMatch(/^\(New York, NY - October 21\) Et, sent luptat luptat, commy Nim zzriureet/);
    expect(a.bodyHtml).not.toMatch(/\n {2,}/); // the XML's indentation is not copy
  });

  it('LISTING 22, a sports story: NITF headline, abstract and byline, sport subjects mapped (a sameAs subject code too)', () => {
    const a = only(g2('LISTING_22_Sports_story_in_NewsML-G2NITF.xml'));
    expect(a.title).toBe('Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m.');
    expect(a.description).toMatch(/^A pair of teams coming off big weekend sweeps will square off tonight at Citizens Bank Park/);
    expect(a.byline).toBe('Sports Network');
    expect(a.authors).toEqual(['The Sports Network']);
    expect(a.bodyHtml.match(/<p>/g)).toHaveLength(6);
    expect(a.bodyText).toContain('Ryan Howard flashed some of the power');
    expect(a.located).toMatchObject({ qcode: 'city:Philadelphia', broader: [{ qcode: 'reg:Pennsylvania' }, { qcode: 'cntry:USA' }] });
    expect(a.genres.map((g) => g.qcode)).toEqual(['spfixt:pre-event-coverage', 'dclass:event-summary', 'tsn-fixture:mlbpreviewxml']);
    expect(a.altIds).toEqual([
      { type: 'idtype:tsn-id', value: 'sportsnetwork.com-5932656' },
      { type: 'idtype:revision-id', value: 'l.mlb.com-2016-e.19358-pre-event-coverage-sportsnetwork.com' },
    ]);
    const league = a.subjects.find((s) => s.qcode === 'league:l.mlb.com');
    expect(league).toMatchObject({ name: 'Major League Baseball', sameAs: ['subj:15007000'], mediaTopic: 'medtop:20000849' });
    expect(a.subjects.filter((s) => s.type === 'cpnat:person').map((s) => s.name)).toEqual(['Doug Davis', 'Freddy Garcia']);
    expect(a.mediaTopics).toEqual(['medtop:20000822', 'medtop:20000849']);
  });

  it('LISTING 24, a news message with a package: the header, and items without copy kept apart from articles', () => {
    const result = g2('LISTING_24_News_Message_conveying_a_complete_News_Package.xml');
    expect(result.mediaType).toBe('application/vnd.iptc.g2.newsmessage+xml');
    expect(result.message).toEqual({
      sent: '2018-10-19T11:17:00.150Z',
      sender: 'thomsonreuters.com',
      transmitId: 'tag:reuters.com,2016:newsml_OVE48850O-PKG',
      priority: 4,
      origin: 'MMS_3',
      channels: ['TVS', 'TTT', 'WWW'],
    });
    // The listing's items are placeholders ("....."): no class, no headline, no copy.
    expect(result.articles).toEqual([]);
    expect(result.others.map((o) => o.guid)).toEqual(['N1', 'N2', 'N3', 'N4']);
    expect(result.others.every((o) => o.priority === 4)).toBe(true);
    expect(result.references).toEqual([]);
  });

  it('LISTING 25, NITF in inlineXML (a contentSet on its own): headline, abstract, byline and body', () => {
    const result = g2('LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml');
    const a = only(result);
    expect(a.title).toBe('Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m.');
    expect(a.description).toMatch(/^A pair of teams coming off big weekend sweeps will square off Tonight/);
    expect(a.byline).toBe('Sports Network');
    expect(a.bodyText).toMatch(/^\(Sports Network\) - With the Philadelphia Phillies picking up momentum .* clash of the Titans\.$/);
    expect(result.issues).toEqual(['the document is a part of a NewsML-G2 item (<contentSet>): read as a news item']);
  });

  it('LISTING 28, located place, subjects and dateline (a contentMeta on its own)', () => {
    const result = g2('LISTING_28_Illustrating_Located_Subject_and_Dateline.xml');
    expect(result.articles).toEqual([]); // no headline, no copy
    const meta = result.others[0];
    expect(meta).toMatchObject({
      dateline: 'MOSCOW, Monday (Reuters)',
      language: 'en-US',
      contentCreated: '2016-02-09T06:17:00.000Z',
      located: { qcode: 'city:Moscow', broader: [{ qcode: 'cntry:Russia' }] },
      authors: ['Thomson Reuters'],
    });
    expect(meta.subjects.map((s) => [s.qcode, s.type])).toEqual([
      ['city:Tskhinvali', 'cpnat:geoArea'],
      ['city:Tblisi', 'cpnat:geoArea'],
    ]);
  });

  it('LISTING 29, hop history: every hop with its party and actions, in order', () => {
    const a = only(g2('LISTING_29_Hop_History.xml'));
    expect(a.hopHistory).toHaveLength(4);
    expect(a.hopHistory[0]).toEqual({
      seq: 1,
      timestamp: '2018-10-19T16:15:00.000Z',
      party: { qcode: 'comp:TR', uri: null, name: 'Thomson Reuters', type: null },
      actions: [{ qcode: 'hopaction:created', target: 'hatarget:content' }],
    });
    expect(a.hopHistory[1].actions).toEqual([
      { qcode: 'hopaction:transformed', target: 'hatarget:content' },
      { qcode: 'hopaction:enhanced', target: 'hatarget:metadata' },
    ]);
    expect(a.hopHistory.map((h) => h.party?.qcode)).toEqual(['comp:TR', 'comp:bwire', 'comp:aquiremedia', 'comp:AP']);
    expect(a).toMatchObject({ provider: { qcode: 'nprov:reuters' }, rights: { copyrightHolder: 'http://www.thomsonreuters.com' } });
  });

  it("AP metadata: a video item (not an article) whose subjects are named by the document's asserts", () => {
    const result = g2('ap_metadata_example.xml');
    expect(result.articles).toEqual([]);
    const video = result.others[0];
    expect(video).toMatchObject({
      guid: 'tag:example.com,2008:407624',
      version: 11,
      itemClass: 'video',
      provider: { qcode: 'providercode:AP' },
    });
    expect(video.subjects.map((s) => [s.type, s.name])).toEqual([
      ['cpnat:geoArea', 'Kentucky'],
      ['cpnat:person', 'Keegan Murray'],
      ['cpnat:organisation', 'Volkswagen AG'],
    ]);
  });
});

describe('IPTC ninjs 3.1 examples', () => {
  it('001, a simple text: uri, headline, byline, plain body as paragraphs', () => {
    const a = only(ninjs('001_simple_example.json'));
    expect(a).toMatchObject({
      format: 'ninjs',
      guid: 'http://ninjs.example.com/newsitems/20130709simp123',
      itemClass: 'text',
      title: 'Captain of wrecked cruise ship on trial in Italy',
      byline: "Paulo Santalucia and Frances d'Emilio",
      versionCreated: '2013-07-09T10:37:00.000Z',
      pubStatus: 'usable',
    });
    expect(a.bodyText).toMatch(/^GROSSETO, Italy \(AP\) -- The trial .* Schettino has denied wrongdoing\.$/);
  });

  it('003, associations: the composite is the article, its logo and photo references', () => {
    const a = only(ninjs('003_associations_example.json'));
    expect(a).toMatchObject({ itemClass: 'composite', version: 1, title: expect.stringMatching(/^Dell Redefines Workstation/) });
    expect(a.references.map((r) => [r.role, r.itemClass, r.guid])).toEqual([
      ['logo', 'graphic', 'http://mms.businesswire.com/media/newsItemId/en/221373/3/dell_blue_rgb.jpg'],
      ['photo', 'picture', 'http://mms.businesswire.com/media/newsItemId/en/369394/3/0025lf.jpg'],
    ]);
  });

  it('005, a complex text: the rich body preferred, language, copyright, located', () => {
    const a = only(ninjs('005_complex_text_article.json'));
    expect(a).toMatchObject({
      language: 'en',
      located: { name: 'Grossetto, Italy' },
      rights: { copyrightNotice: 'Copyright 2013 The News Agency, www.tna.org - all rights reserved.' },
    });
    expect(a.bodyHtml.match(/<p>/g)).toHaveLength(4); // the XHTML body, not the text one
  });

  it('006, a photo alone: no article; the picture kept with its description', () => {
    const result = ninjs('006_photo_only.json');
    expect(result.articles).toEqual([]);
    expect(result.others[0]).toMatchObject({ itemClass: 'picture', title: 'Costa Concordia cruise ship', byline: 'Paulo Santalucia' });
    expect(result.others[0].description).toMatch(/^The Costa Concordia cruise ship lies on its side/);
  });

  it('007, multimedia: the text with its pictures as references (rendition address and type)', () => {
    const a = only(ninjs('007_multimedia.json'));
    expect(a.references).toEqual([
      expect.objectContaining({ role: 'mainpic', itemClass: 'picture', contentType: 'image/jpg', title: 'Costa Concordia cruise ship' }),
      expect.objectContaining({ role: 'portrait', href: 'http://hosted.ap.org/photos/2/2643c588-dc8d-4923-bebd-e3b904xyz000-big.jpg' }),
    ]);
  });

  it('008, an event: declared ninjs 3.1, not an article', () => {
    const result = ninjs('008_event.json');
    expect(result).toMatchObject({ format: 'ninjs', formatVersion: '3.1', mediaType: 'application/ninjs+json', articles: [] });
    expect(result.others[0]).toMatchObject({ itemClass: 'event', title: '2023 NATO Summit Press Conference' });
  });
});
