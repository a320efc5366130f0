/**
 * Namespace URIs → the prefix the readers match on. The core formats (RSS, RDF site summary, Atom and their
 * many historical namespaces) all map to '' so that `<rss:title>`, `<atom:link>` in RSS and `<title>` read alike.
 */
const CORE = [
  '',
  'http://backend.userland.com/rss',
  'http://blogs.law.harvard.edu/tech/rss',
  'http://purl.org/rss/1.0/',
  'http://my.netscape.com/rdf/simple/0.9/',
  'http://example.com/newformat#',
  'http://example.com/necho',
  'http://purl.org/echo/',
  'uri/of/echo/namespace#',
  'http://purl.org/pie/',
  'http://purl.org/atom/ns#',
  'http://www.w3.org/2005/atom',
  'http://purl.org/rss/1.0/modules/rss091#',
];

const MODULES: Readonly<Record<string, string>> = {
  'http://webns.net/mvcb/': 'admin',
  'http://purl.org/rss/1.0/modules/aggregation/': 'ag',
  'http://purl.org/rss/1.0/modules/annotate/': 'annotate',
  'http://media.tangent.org/rss/1.0/': 'audio',
  'http://backend.userland.com/blogchannelmodule': 'blogchannel',
  'http://creativecommons.org/ns#license': 'cc',
  'http://web.resource.org/cc/': 'cc',
  'http://cyber.law.harvard.edu/rss/creativecommonsrssmodule.html': 'creativecommons',
  'http://backend.userland.com/creativecommonsrssmodule': 'creativecommons',
  'http://purl.org/rss/1.0/modules/company': 'co',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://my.theinfo.org/changed/1.0/rss/': 'cp',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://purl.org/rss/1.0/modules/email/': 'email',
  'http://purl.org/rss/1.0/modules/event/': 'ev',
  'http://rssnamespace.org/feedburner/ext/1.0': 'feedburner',
  'http://freshmeat.net/rss/fm/': 'fm',
  'http://xmlns.com/foaf/0.1/': 'foaf',
  'http://www.w3.org/2003/01/geo/wgs84_pos#': 'geo',
  'http://www.georss.org/georss': 'georss',
  'http://www.opengis.net/gml': 'gml',
  'http://postneo.com/icbm/': 'icbm',
  'http://purl.org/rss/1.0/modules/image/': 'image',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.google.com/schemas/play-podcasts/1.0': 'googleplay',
  'http://example.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://purl.org/rss/1.0/modules/link/': 'l',
  'http://search.yahoo.com/mrss': 'media',
  'http://search.yahoo.com/mrss/': 'media',
  'http://madskills.com/public/xml/rss/module/pingback/': 'pingback',
  'http://prismstandard.org/namespaces/1.2/basic/': 'prism',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://www.w3.org/2000/01/rdf-schema#': 'rdfs',
  'http://purl.org/rss/1.0/modules/reference/': 'ref',
  'http://purl.org/rss/1.0/modules/richequiv/': 'reqv',
  'http://purl.org/rss/1.0/modules/search/': 'search',
  'http://purl.org/rss/1.0/modules/slash/': 'slash',
  'http://schemas.xmlsoap.org/soap/envelope/': 'soap',
  'http://purl.org/rss/1.0/modules/servicestatus/': 'ss',
  'http://hacks.benhammersley.com/rss/streaming/': 'str',
  'http://purl.org/rss/1.0/modules/subscription/': 'sub',
  'http://purl.org/rss/1.0/modules/syndication/': 'sy',
  'http://schemas.pocketsoap.com/rss/mydescmodule/': 'szf',
  'http://purl.org/rss/1.0/modules/taxonomy/': 'taxo',
  'http://purl.org/rss/1.0/modules/threading/': 'thr',
  'http://purl.org/rss/1.0/modules/textinput/': 'ti',
  'http://madskills.com/public/xml/rss/module/trackback/': 'trackback',
  'http://wellformedweb.org/commentapi/': 'wfw',
  'http://purl.org/rss/1.0/modules/wiki/': 'wiki',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://www.w3.org/1999/xlink': 'xlink',
  'http://www.w3.org/xml/1998/namespace': 'xml',
  'http://podlove.org/simple-chapters': 'psc',
  'http://www.sitemaps.org/schemas/sitemap/0.9': 'sitemap',
  'http://www.google.com/schemas/sitemap/0.84': 'sitemap',
  'http://www.google.com/schemas/sitemap-news/0.9': 'news',
  'http://www.google.com/schemas/sitemap-image/1.1': 'sitemapimage',
};

const CORE_SET = new Set(CORE);

/**
 * The prefix readers match an element or attribute by. `givenPrefix` (as written in the document) names
 * extensions in unknown namespaces and stands in when a prefix was never declared (a lenient reader still
 * reads an undeclared `dc:creator` as Dublin Core).
 */
export function canonicalPrefix(namespace: string, givenPrefix: string): string {
  const uri = namespace.toLowerCase();
  if (uri === '') return givenPrefix.toLowerCase();
  // Every backend.userland.com RSS namespace (rss, rss2, …) is RSS.
  if (CORE_SET.has(uri) || uri.includes('backend.userland.com/rss')) return '';
  return MODULES[uri] ?? givenPrefix.toLowerCase();
}

export const ATOM_10_NAMESPACE = 'http://www.w3.org/2005/atom';
export const RSS_10_NAMESPACE = 'http://purl.org/rss/1.0/';
export const RSS_090_NAMESPACE = 'http://my.netscape.com/rdf/simple/0.9/';
export const RDF_NAMESPACE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

/** The canonical prefix of a namespace this reader knows, or null (unknown namespaces get no prefix in markup). */
export function knownPrefix(namespace: string): string | null {
  const uri = namespace.toLowerCase();
  if (CORE_SET.has(uri)) return '';
  return MODULES[uri] ?? null;
}
