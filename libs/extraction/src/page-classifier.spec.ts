import { classifyPage } from './page-classifier';

const prose = 'The council voted on Tuesday to expand the ferry service, adding night crossings and a weekend route.';

describe('classifyPage', () => {
  it('accepts a page with a body of prose', () => {
    expect(
      classifyPage({
        title: 'Ferry',
        bodyText: [prose, prose, prose].join('\n'),
        declaredArticle: true,
        pageTextLength: 4000,
        bodyLinkDensity: 0,
      }),
    ).toBeNull();
  });

  it('names empty pages, error pages and pages without main content', () => {
    expect(classifyPage({ title: '', bodyText: '', declaredArticle: false, pageTextLength: 10, bodyLinkDensity: 0 })).toBe('empty-page');
    expect(
      classifyPage({ title: 'Error 404 - Not Found', bodyText: 'Sorry.', declaredArticle: false, pageTextLength: 500, bodyLinkDensity: 0 }),
    ).toBe('error-page');
    expect(classifyPage({ title: 'Ferry', bodyText: 'Too short.', declaredArticle: true, pageTextLength: 3000, bodyLinkDensity: 0 })).toBe(
      'no-main-content',
    );
  });

  it('names a list of short linked teaser lines a listing, unless the page declares an article or the lines are not links', () => {
    const teasers = Array.from({ length: 12 }, (_, i) => `Headline number ${i} about the harbour and the islands`).join('\n');
    const listing = { title: 'Local news', bodyText: teasers, declaredArticle: false, pageTextLength: 3000, bodyLinkDensity: 0.8 };
    expect(classifyPage(listing)).toBe('listing-page');
    expect(classifyPage({ ...listing, declaredArticle: true })).toBeNull();
    expect(classifyPage({ ...listing, bodyLinkDensity: 0 })).toBeNull();
  });

  it('does not call a long article with "404" in its headline an error page', () => {
    const body = Array.from({ length: 20 }, () => prose).join('\n');
    expect(
      classifyPage({
        title: 'Flight 404 lands safely after engine scare',
        bodyText: body,
        declaredArticle: true,
        pageTextLength: 5000,
        bodyLinkDensity: 0,
      }),
    ).toBeNull();
  });
});
