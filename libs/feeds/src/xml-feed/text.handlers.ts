import { HTML_TYPES } from '../text/feed-text';
import type { ElementHandler } from './container.draft';
import { nameOf } from './element.helpers';
import { readTextConstruct } from './text-construct.reader';

const title: ElementHandler = (el, draft, _kind, scope) => {
  const construct = readTextConstruct(el, 'text/plain', scope);
  // The first non-empty title wins; an empty one only holds the place.
  if (draft.title === null || (draft.title.value === '' && construct.value !== '')) draft.title = construct;
};

// Publishers that add a Dublin Core title beside the RSS 2.0 one put the full, curated title there (the RSS one is
// often a shortened or kicker form); it wins over a plain title wherever it comes. RSS 1.0 (RDF) is Dublin Core's
// home format, where dc:title is the fallback for an item without its own title (as Miniflux's RDF reader takes it).
const dcTitle: ElementHandler = (el, draft, kind, scope) => {
  const construct = readTextConstruct(el, 'text/plain', scope);
  const rdf = scope.version === 'rss10' || scope.version === 'rss090';
  if (kind === 'entry' && construct.value !== '' && !rdf) draft.title = construct;
  else title(el, draft, kind, scope);
};

const subtitle: ElementHandler = (el, draft, _kind, scope) => {
  draft.subtitle = readTextConstruct(el, 'text/plain', scope);
};

/** description, summary, abstract: the feed's subtitle, or an entry's summary (a second one is content). */
function summaryHandler(defaultType: string): ElementHandler {
  return (el, draft, kind, scope) => {
    const construct = readTextConstruct(el, defaultType, scope);
    if (kind !== 'entry') {
      if (draft.subtitle === null || nameOf(el).endsWith('description')) draft.subtitle = construct;
    } else if (draft.summary !== null && !draft.summaryFromContent && draft.contents.length === 0) {
      draft.contents.push(construct);
    } else {
      draft.summary = construct;
      draft.summaryFromContent = false;
    }
  };
}

function contentHandler(defaultType: string): ElementHandler {
  return (el, draft, _kind, scope) => {
    const construct = readTextConstruct(el, defaultType, scope);
    draft.contents.push(construct);
    if (draft.summary === null && (construct.type === 'text/plain' || HTML_TYPES.has(construct.type))) {
      draft.summary = construct;
      draft.summaryFromContent = true;
    }
  };
}

const rights: ElementHandler = (el, draft, _kind, scope) => {
  draft.rights = readTextConstruct(el, 'text/plain', scope);
};

const info: ElementHandler = (el, draft, _kind, scope) => {
  draft.info = readTextConstruct(el, 'text/plain', scope);
};

const mediaTitle: ElementHandler = (el, draft, _kind, scope) => {
  draft.mediaTitle ??= readTextConstruct(el, 'text/plain', scope);
};

const mediaDescription: ElementHandler = (el, draft, _kind, scope) => {
  draft.mediaDescription ??= readTextConstruct(el, 'text/plain', scope);
};

/** Titles, subtitles, summaries, contents, rights: every element whose value is a text construct. */
export const TEXT_HANDLERS: Readonly<Record<string, ElementHandler>> = {
  title: title,
  'dc:title': dcTitle,
  'media:title': mediaTitle,
  subtitle: subtitle,
  tagline: subtitle,
  'itunes:subtitle': subtitle,
  description: summaryHandler('text/html'),
  'dc:description': summaryHandler('text/html'),
  summary: summaryHandler('text/plain'),
  abstract: summaryHandler('text/plain'),
  // Captions and podcast blurbs stand in for a missing description; they never turn a description into content.
  'media:description': mediaDescription,
  'itunes:summary': mediaDescription,
  'googleplay:description': mediaDescription,
  content: contentHandler('text/plain'),
  'content:encoded': contentHandler('text/html'),
  fullitem: contentHandler('text/html'),
  body: contentHandler('application/xhtml+xml'),
  'xhtml:body': contentHandler('application/xhtml+xml'),
  rights: rights,
  copyright: rights,
  'dc:rights': rights,
  info: info,
  'feedburner:browserfriendly': info,
};
