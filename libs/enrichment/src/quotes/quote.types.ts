/** A direct quote and who said it. */
export interface ArticleQuote {
  text: string;
  /** Canonical name of the person or organisation, a description ("senior administration official"), or null. */
  speaker: string | null;
  speakerType: 'person' | 'organisation' | 'description' | 'unknown';
}
