import type { DraftFields } from '@copydesk/pipeline';
import { wireFixture } from '../fixtures/wire-fixtures';
import { parseWire } from '../parse-wire';
import { wireDraftFields, wireKillReason } from './wire-draft.mapper';

describe('wire articles in the push/draft shape', () => {
  const article = parseWire(wireFixture('iptc/newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml')).articles[0];

  it('maps field for field onto DraftFields, agency metadata under metadata.wire', () => {
    // Typed against libs/pipeline: the compiler proves the shapes agree.
    const fields: DraftFields = wireDraftFields(article);
    expect(fields).toMatchObject({
      title: 'Fed to halt QE to avert "bubble"',
      byline: 'Meredith Jameson',
      language: 'en-GB',
      publishedAt: '2016-10-18T18:12:21.000Z',
      modifiedAt: '2018-10-21T21:25:32.000Z',
      embargoUntil: '2018-10-23T12:00:00.000Z',
    });
    expect(fields.metadata).toMatchObject({
      wire: { guid: article.guid, version: 11, rights: article.rights, mediaTopics: article.mediaTopics, genres: article.genres },
    });
    expect(Object.keys(fields.metadata?.wire as object)).not.toContain('bodyText');
  });

  it('gives a kill its reason: the agency note, else a plain statement', () => {
    const kill = parseWire(wireFixture('edge/g2-version-3-kill.xml')).articles[0];
    expect(wireKillReason(kill)).toBe('KILL. The story is withdrawn: the bridge was not closed.');
    expect(wireKillReason({ ...kill, edNote: null })).toBe('canceled by the agency (urn:newsml:copydesk.test:20240310:bridge, version 3)');
    expect(wireKillReason(article)).toBeNull();
  });
});
