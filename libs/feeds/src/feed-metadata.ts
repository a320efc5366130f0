import type { FeedMetadata } from './feed.types';

/** A feed's metadata before any of it is read: every field present, empty. */
export function emptyFeedMetadata(): FeedMetadata {
  return {
    title: null,
    titleDetail: null,
    subtitleDetail: null,
    rightsDetail: null,
    infoDetail: null,
    link: null,
    links: [],
    id: null,
    authors: [],
    contributors: [],
    publisher: null,
    categories: [],
    generator: null,
    icon: null,
    logo: null,
    publishedAt: null,
    updatedAt: null,
    createdAt: null,
    rawDates: {},
    extensions: [],
  };
}
