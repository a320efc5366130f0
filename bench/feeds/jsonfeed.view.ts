import type { ParsedFeed } from '@copydesk/feeds';

import type { View } from './check.evaluator';

/**
 * The JSON Feed corpus's field names: `feed.title`, `entries[i].content_html`, `entries[i].published`…
 * Attachments answer to both JSON Feed's names (`url`, `mime_type`, `size_in_bytes`) and feedparser's
 * (`href`, `type`, `length`).
 */
export function jsonFeedView(feed: ParsedFeed): View {
  const author = feed.authors[0];
  return {
    bozo: !feed.wellFormed,
    version: feed.version,
    feed: {
      title: feed.title,
      link: feed.link,
      ...(feed.description !== null ? { description: feed.description, subtitle: feed.description } : {}),
      ...(feed.feedUrl ? { feed_url: feed.feedUrl } : {}),
      ...(feed.logo ? { icon: feed.logo } : {}),
      ...(feed.icon ? { favicon: feed.icon } : {}),
      ...(feed.language ? { language: feed.language } : {}),
      ...(author ? { author: author.name, author_detail: { name: author.name, ...(author.url ? { href: author.url } : {}) } } : {}),
    },
    entries: feed.items.map((item) => {
      const image = item.media.find((m) => m.kind === 'image');
      return {
        id: item.guid,
        link: item.link,
        title: item.title,
        content_html: item.contents.find((c) => c.type === 'text/html')?.value,
        content_text: item.contents.find((c) => c.type === 'text/plain')?.value,
        summary: item.summary,
        published: item.publishedAt,
        updated: item.updatedAt,
        ...(item.language ? { language: item.language } : {}),
        ...(item.authors[0] ? { author: item.authors[0].name } : {}),
        authors: item.authors.map((a) => ({ name: a.name, ...(a.url ? { url: a.url } : {}) })),
        tags: item.categories.map((c) => c.term),
        ...(image ? { image: image.url } : {}),
        enclosures: item.enclosures.map((e) => ({
          url: e.url,
          href: e.url,
          ...(e.type ? { type: e.type, mime_type: e.type } : {}),
          ...(e.length !== undefined ? { length: String(e.length), size_in_bytes: e.length } : {}),
        })),
      };
    }),
  };
}
