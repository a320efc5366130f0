import { AppConfig } from '@copydesk/config';
import { type CandidateRow, RelationRepository, type RelationRow, type SameContentRow } from '@copydesk/database';
import {
  classifyRelation,
  containmentFromJaccard,
  contentWords,
  jaccard,
  minhashBands,
  minhashOfShingles,
  titleSimilarity,
  wordShingles,
} from '@copydesk/normalize';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What the detector needs to know about the article whose new revision is being stored. */
export interface FingerprintSubject {
  articleId: string;
  sourceId: string;
  revision: number;
  title: string;
  bodyText: string;
  contentHash: string;
  publishedAt: Date | null;
}

/** Below this many words a text has too few shingles for MinHash to mean anything: only exact copies count. */
const MIN_WORDS_FOR_MINHASH = 12;
/** Articles examined per band key: a lookup stops there however many texts share the key. */
const PER_BAND = 40;
/** Candidates whose signatures are compared, per article: those sharing the most band keys. */
const MAX_CANDIDATES = 100;

const toBuffer = (signature: Uint32Array): Buffer => Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength);
const toSignature = (buffer: Buffer): Uint32Array =>
  new Uint32Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
// PostgreSQL integers are signed; band keys are unsigned 32-bit. The same bits either way.
const toSigned = (key: number): number => key | 0;

function hoursBetween(a: Date | null, b: Date | null): number {
  return a && b ? Math.abs(a.getTime() - b.getTime()) / 3_600_000 : 0;
}

interface Fingerprinted {
  subject: FingerprintSubject;
  signature: Uint32Array;
  shingleCount: number;
  bands: number[];
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const bySimilarity = (a: RelationRow, b: RelationRow): number =>
  b.similarity - a.similarity || b.titleSimilarity - a.titleSimilarity || a.relatedArticleId.localeCompare(b.relatedArticleId);

/**
 * Finds the articles a new revision duplicates or rewrites: exact copies by content hash, near copies by MinHash
 * over word shingles with an LSH band index in PostgreSQL, each labelled `same-article-update`, `syndicated-copy`
 * or `rewrite` with its similarity. Each article keeps its RELATIONS_PER_ARTICLE best matches, and every lookup
 * examines a bounded number of candidates. Runs inside the revisions' transaction, so the index never disagrees
 * with them; several articles at once cost a handful of statements.
 */
@Injectable()
export class DuplicateDetector {
  private readonly keep: number;

  constructor(
    private readonly relations: RelationRepository,
    config: AppConfig,
  ) {
    this.keep = config.get('RELATIONS_PER_ARTICLE');
  }

  async index(subject: FingerprintSubject, manager: EntityManager): Promise<RelationRow[]> {
    return (await this.indexMany([subject], manager))[0];
  }

  /**
   * Indexes several revisions, in order: each may relate to the articles indexed before it (those of earlier
   * batches and those before it in this one), never to one after it, as if they had come one by one. Returns each
   * subject's relations.
   */
  async indexMany(subjects: FingerprintSubject[], manager: EntityManager): Promise<RelationRow[][]> {
    const position = new Map(subjects.map((s, i) => [s.articleId, i]));
    // Only what was indexed before the subject counts (the batch's later articles are visible in this transaction).
    const earlier = (subject: string, other: string): boolean => (position.get(other) ?? -1) < (position.get(subject) as number);
    const fingerprinted = subjects.flatMap((subject) => this.fingerprint(subject));
    const exact = await this.relations.sameContentMany(subjects, this.keep, manager);
    await this.relations.saveFingerprints(
      fingerprinted.map(({ subject, signature, shingleCount, bands }) => ({
        articleId: subject.articleId,
        sourceId: subject.sourceId,
        revision: subject.revision,
        minhash: toBuffer(signature),
        shingleCount,
        bands,
        title: subject.title,
        publishedAt: subject.publishedAt,
      })),
      manager,
    );
    const candidates = await this.relations.candidatesMany(
      fingerprinted.map((f) => ({ articleId: f.subject.articleId, bands: f.bands })),
      PER_BAND,
      MAX_CANDIDATES,
      manager,
    );

    const exactOf = groupBy(exact, (copy) => copy.subject);
    const candidatesOf = groupBy(candidates, (candidate) => candidate.subject as string);
    const printOf = new Map(fingerprinted.map((f) => [f.subject.articleId, f]));
    const found = subjects.map((subject) => {
      const id = subject.articleId;
      const mine = new Map<string, RelationRow>();
      for (const copy of exactOf.get(id) ?? []) if (earlier(id, copy.id)) this.exactCopy(subject, copy, mine);
      const print = printOf.get(id);
      for (const candidate of print ? (candidatesOf.get(id) ?? []) : []) {
        if (earlier(id, candidate.articleId)) this.nearCopy(print as Fingerprinted, candidate, mine);
      }
      return [...mine.values()].sort(bySimilarity).slice(0, this.keep);
    });
    await this.relations.replaceRelationsMany(
      subjects.map((s) => s.articleId),
      found.flat(),
      manager,
    );
    return found;
  }

  private fingerprint(subject: FingerprintSubject): Fingerprinted[] {
    const text = `${subject.title}\n${subject.bodyText}`;
    if (contentWords(text).length < MIN_WORDS_FOR_MINHASH) return [];
    const shingles = new Set(wordShingles(text));
    const signature = minhashOfShingles(shingles);
    return [{ subject, signature, shingleCount: shingles.size, bands: minhashBands(signature).map(toSigned) }];
  }

  private exactCopy(subject: FingerprintSubject, copy: SameContentRow, found: Map<string, RelationRow>): void {
    const titles = titleSimilarity(subject.title, copy.title ?? '');
    const label = classifyRelation({
      sameSource: copy.sourceId === subject.sourceId,
      similarity: 1,
      titleSimilarity: titles,
      timeGapHours: hoursBetween(subject.publishedAt, copy.publishedAt),
    });
    if (label)
      found.set(copy.id, {
        articleId: subject.articleId,
        relatedArticleId: copy.id,
        relation: label,
        similarity: 1,
        titleSimilarity: titles,
      });
  }

  private nearCopy({ subject, signature, shingleCount }: Fingerprinted, candidate: CandidateRow, found: Map<string, RelationRow>): void {
    if (found.has(candidate.articleId)) return;
    const similarity = jaccard(signature, toSignature(candidate.minhash));
    const titles = titleSimilarity(subject.title, candidate.title);
    const label = classifyRelation({
      sameSource: candidate.sourceId === subject.sourceId,
      similarity,
      titleSimilarity: titles,
      timeGapHours: hoursBetween(subject.publishedAt, candidate.publishedAt),
      containment: containmentFromJaccard(similarity, shingleCount, candidate.shingleCount),
      longerShingles: Math.max(shingleCount, candidate.shingleCount),
    });
    if (label)
      found.set(candidate.articleId, {
        articleId: subject.articleId,
        relatedArticleId: candidate.articleId,
        relation: label,
        similarity: Math.round(similarity * 1000) / 1000,
        titleSimilarity: Math.round(titles * 1000) / 1000,
      });
  }
}
