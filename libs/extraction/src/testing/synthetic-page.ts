/**
 * Builders for synthetic news pages used by the specs: realistic page furniture around an article, written
 * for these tests (no third-party text).
 */

/** Prose paragraphs long enough to read as an article. */
export const STORY = [
  'The city council voted on Tuesday to expand the harbour ferry service, adding two night crossings and a weekend route to the islands after a year of complaints from commuters.',
  'Officials said the new crossings would start in the spring, once the operator has hired crews, and that fares would stay at the current level until at least the end of next year.',
  'Residents of the outer islands, who depend on the ferry for work and school, welcomed the decision but warned that the boats were already crowded on weekday mornings.',
  'The harbour authority will publish a revised timetable next month, and a public meeting is planned for the week after, where riders can comment on the proposed schedule.',
];

export interface PageParts {
  readonly title?: string;
  readonly head?: string;
  /** HTML placed before the article inside <body>. */
  readonly before?: string;
  /** HTML inside the article container, before the paragraphs. */
  readonly intro?: string;
  readonly paragraphs?: readonly string[];
  /** HTML inside the article container, after the paragraphs. */
  readonly inside?: string;
  /** HTML placed after the article inside <body>. */
  readonly after?: string;
}

/** Standard furniture: navigation, a cookie banner, a sidebar and a footer. */
export const FURNITURE = {
  nav: '<nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li></ul></nav>',
  cookie:
    '<div class="cookie-banner"><p>We use cookies to improve your experience. By continuing you accept our cookie policy.</p><button>Accept</button></div>',
  sidebar:
    '<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Storm closes the coastal road for a second night</a></li><li><a href="/b">New bakery opens in the old station building</a></li></ul></aside>',
  footer: '<footer class="site-footer"><p>© Harbour Gazette. All rights reserved. Contact the newsroom at desk@example.com.</p></footer>',
};

/** A full page: furniture around an `<article>` holding the headline and the paragraphs. */
export function newsPage(parts: PageParts = {}): string {
  const title = parts.title ?? 'Council expands harbour ferry service';
  const paragraphs = (parts.paragraphs ?? STORY).map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><title>${title} | Harbour Gazette</title>${parts.head ?? ''}</head>
<body>${FURNITURE.nav}${FURNITURE.cookie}${parts.before ?? ''}
<main><article class="story"><h1>${title}</h1>${parts.intro ?? ''}<div class="story-body">
${paragraphs}
${parts.inside ?? ''}</div></article>${FURNITURE.sidebar}</main>${parts.after ?? ''}${FURNITURE.footer}</body></html>`;
}
