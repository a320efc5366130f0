import { wireFixture } from '../fixtures/wire-fixtures';
import { rootElementName, sniffWireFormat, syntaxOfMediaType } from './wire-format.sniffer';

const text = (path: string) => wireFixture(path).toString('latin1');

describe('sniffWireFormat', () => {
  it('by content: root element after the prolog, comments and a DOCTYPE with an internal subset', () => {
    expect(sniffWireFormat(text('iptc/newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml'))).toEqual({
      format: 'newsml-g2',
      root: 'newsItem',
      mediaType: 'application/vnd.iptc.g2.newsitem+xml',
    });
    expect(sniffWireFormat(text('iptc/newsml-g2/LISTING_24_News_Message_conveying_a_complete_News_Package.xml'))?.mediaType).toBe(
      'application/vnd.iptc.g2.newsmessage+xml',
    );
    expect(sniffWireFormat(text('edge/nitf-3.6-document.xml'))).toMatchObject({ format: 'nitf', mediaType: 'application/nitf+xml' });
    expect(sniffWireFormat(text('edge/g2-prefixed-namespaces.xml'))).toMatchObject({ format: 'newsml-g2', root: 'newsItem' });
    expect(rootElementName('\uFEFF<?xml version="1.0"?>\n<!-- a > b -->\n<!DOCTYPE x [ <!ELEMENT x ANY> ]>\n<x:packageItem/>')).toBe(
      'packageItem',
    );
    expect(sniffWireFormat(text('iptc/newsml-g2/LISTING_28_Illustrating_Located_Subject_and_Dateline.xml'))?.mediaType).toBe(
      'application/xml',
    );
  });

  it('ninjs by its fields, with or without a media type', () => {
    expect(sniffWireFormat(text('iptc/ninjs/001_simple_example.json'))).toEqual({
      format: 'ninjs',
      root: null,
      mediaType: 'application/ninjs+json',
    });
    expect(sniffWireFormat(text('edge/ninjs-1.x-superdesk.json'), 'application/json')?.format).toBe('ninjs');
    expect(sniffWireFormat('{"name": "package.json", "version": "1.0.0"}')).toBeNull();
  });

  it('refuses what is not wire copy, and what the media type says is something else', () => {
    expect(sniffWireFormat('<rss version="2.0"/>')).toBeNull();
    expect(sniffWireFormat('<html><body/></html>', 'text/xml')).toBeNull();
    expect(sniffWireFormat(text('edge/g2-version-1.xml'), 'text/html')).toBeNull();
    expect(sniffWireFormat('plain words')).toBeNull();
  });

  it('reads the syntax a media type announces', () => {
    expect(syntaxOfMediaType('application/vnd.iptc.g2.newsitem+xml; charset=utf-8')).toBe('xml');
    expect(syntaxOfMediaType('text/xml')).toBe('xml');
    expect(syntaxOfMediaType('application/ninjs+json')).toBe('json');
    expect(syntaxOfMediaType('application/octet-stream')).toBe('unknown');
    expect(syntaxOfMediaType(undefined)).toBe('unknown');
    expect(syntaxOfMediaType('image/jpeg')).toBeNull();
  });
});
