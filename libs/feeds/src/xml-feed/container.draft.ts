import type {
  FeedCategory,
  FeedExtension,
  FeedGenerator,
  FeedImage,
  FeedLink,
  FeedMedia,
  FeedPerson,
  FeedSource,
  FeedTextInput,
  TextConstruct,
} from '../feed.types';
import { repairText, squash } from '../text/feed-text';
import type { XmlElement } from '../xml/xml.types';
import type { FeedScope } from './element.helpers';
import { ownText } from './element.helpers';

/**
 * Everything a channel, entry or source element can say, collected while its children are read.
 * One shape for all three because feeds freely use channel elements in items and the reverse.
 */
export interface ContainerDraft {
  title: TextConstruct | null;
  /** Media RSS titles yield to a real title wherever it appears. */
  mediaTitle: TextConstruct | null;
  subtitle: TextConstruct | null;
  summary: TextConstruct | null;
  /** True while `summary` is only a copy of the content (a real summary element replaces it). */
  summaryFromContent: boolean;
  mediaDescription: TextConstruct | null;
  contents: TextConstruct[];
  rights: TextConstruct | null;
  info: TextConstruct | null;
  links: FeedLink[];
  /** Links whose type is only the default every link gets (`text/html`), not something the feed said. */
  untypedLinks: Set<FeedLink>;
  link: string | null;
  id: string | null;
  guidIsPermaLink: boolean;
  /** A permalink guid stands in for a missing link. */
  guidLink: string | null;
  authors: FeedPerson[];
  contributors: FeedPerson[];
  publisher: FeedPerson | null;
  categories: FeedCategory[];
  media: FeedMedia[];
  dates: { published?: string; updated?: string; created?: string; expired?: string };
  validity: string | null;
  generator: FeedGenerator | null;
  language: string | null;
  comments: string | null;
  source: FeedSource | null;
  image: FeedImage | null;
  textInput: FeedTextInput | null;
  cloud: Record<string, string> | null;
  docs: string | null;
  ttl: string | null;
  icon: string | null;
  logo: string | null;
  newLocation: string | null;
  extensions: FeedExtension[];
}

export function emptyDraft(): ContainerDraft {
  return {
    title: null,
    mediaTitle: null,
    subtitle: null,
    summary: null,
    summaryFromContent: false,
    mediaDescription: null,
    contents: [],
    rights: null,
    info: null,
    links: [],
    untypedLinks: new Set(),
    link: null,
    id: null,
    guidIsPermaLink: true,
    guidLink: null,
    authors: [],
    contributors: [],
    publisher: null,
    categories: [],
    media: [],
    dates: {},
    validity: null,
    generator: null,
    language: null,
    comments: null,
    source: null,
    image: null,
    textInput: null,
    cloud: null,
    docs: null,
    ttl: null,
    icon: null,
    logo: null,
    newLocation: null,
    extensions: [],
  };
}

export function addCategory(draft: ContainerDraft, category: FeedCategory): void {
  if (!category.term && !category.scheme && !category.label) return;
  const same = (c: FeedCategory): boolean => c.term === category.term && c.scheme === category.scheme && c.label === category.label;
  if (!draft.categories.some(same)) draft.categories.push(category);
}

/** Which element is being read: a channel/feed, an item/entry, or an entry's Atom source. */
export type ContainerKind = 'feed' | 'entry' | 'source';

/** Reads one child element into the draft of the container it sits in. */
export type ElementHandler = (el: XmlElement, draft: ContainerDraft, kind: ContainerKind, scope: FeedScope) => void;

/** An element's own text, encoding repaired, white space collapsed. */
export const plainText = (el: XmlElement): string => squash(repairText(ownText(el)));

/** `{ key: value }` when the value is a non-blank string, else nothing (for spreading into optional fields). */
export function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined || value.trim() === '' ? {} : ({ [key]: value.trim() } as Record<K, string>);
}
