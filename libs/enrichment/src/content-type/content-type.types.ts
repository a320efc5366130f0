/** Kinds of article Copydesk tells apart. */
export type ContentType = 'news' | 'opinion' | 'analysis' | 'press-release' | 'live-blog' | 'obituary' | 'review' | 'interview' | 'other';

/** The article type, how sure the classifier is, and the signals that decided it. */
export interface ContentTypeResult {
  type: ContentType;
  confidence: number;
  evidence: string[];
}
