import type { NoArticleReason } from './article.types';

/** What the classifier looks at. */
export interface PageEvidence {
  readonly title: string;
  readonly bodyText: string;
  /** The page declares itself an article (JSON-LD article type, `og:type=article`, article dates). */
  readonly declaredArticle: boolean;
  /** Visible text of the whole page, in characters. */
  readonly pageTextLength: number;
  /** Share of the body text inside links. */
  readonly bodyLinkDensity: number;
}

const ERROR_TITLE =
  /\b(?:404|410|page not found|not found|error 404|page (?:does not|doesn't) exist|seite nicht gefunden|nicht gefunden|page introuvable|página no encontrada|pagina non trovata|access denied|forbidden|server error|service unavailable)\b/i;

const LISTING_LINK_DENSITY = 0.3;
// A body shorter than this is not an article, whatever the page claims.
const MIN_BODY = 200;

/**
 * Decides whether a page holds an article. Returns null for an article, else the reason: an empty page,
 * an error page (404 titles with little text), a listing (short teaser lines, many of them) or no main content.
 */
export function classifyPage(evidence: PageEvidence): NoArticleReason | null {
  const body = evidence.bodyText;
  if (evidence.pageTextLength < 50) return 'empty-page';
  if (ERROR_TITLE.test(evidence.title) && body.length < 1500) return 'error-page';
  if (body.length < MIN_BODY) return 'no-main-content';
  // Teasers are headlines that link to the stories; short lines without links are a story's list or a poem.
  if (!evidence.declaredArticle && evidence.bodyLinkDensity >= LISTING_LINK_DENSITY && looksLikeListing(body)) return 'listing-page';
  return null;
}

/** Many short lines and hardly a sentence among them: teasers, not prose. */
function looksLikeListing(body: string): boolean {
  const lines = body.split('\n').filter((line) => line.trim().length > 0);
  if (lines.length < 8) return false;
  let prose = 0;
  for (const line of lines) if (line.length >= 150 && /[.!?。]["”’)]?\s*$/.test(line.trim())) prose++;
  return prose / lines.length < 0.15;
}
