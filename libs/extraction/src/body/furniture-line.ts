import { BOILERPLATE_TEXT } from './boilerplate.patterns';

// Longer lines are prose, whatever words they start with.
const LINE_MAX = 200;

/** Path words of sign-up and subscription pages. */
const SUBSCRIPTION_PATH =
  /(?:^|[/_.-])(?:newsletters?|news-?letter|subscribe|subscriptions?|sign-?up|abonnement|abonnieren|abo|suscripcion|suscribete|iscriviti|inscription)(?=$|[/_.?#-])/i;

/** What the body writer saw on one line between `<br>`s. */
export interface LineSeen {
  readonly text: string;
  /** Hrefs of the links on the line (absolute, as written). */
  readonly links: readonly string[];
}

/**
 * True for a line set off by `<br>`s that is page furniture: the same short-block wording as whole blocks
 * (ad labels, server warnings, credits), or a short pitch whose every link goes to a sign-up or subscription page.
 * Such lines sit in the loose text of a wrapper, where no element can be removed for them.
 */
export function isFurnitureLine(line: LineSeen): boolean {
  const text = line.text;
  if (text.length === 0 || text.length >= LINE_MAX) return false;
  if (BOILERPLATE_TEXT.test(text)) return true;
  return line.links.length > 0 && line.links.every((href) => SUBSCRIPTION_PATH.test(pathOf(href)));
}

function pathOf(href: string): string {
  try {
    return new URL(href).pathname;
  } catch {
    return '';
  }
}
