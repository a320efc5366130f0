import { RelationRepository, type RelationRow } from '@copydesk/database';
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
/** Band collisions to examine at most; a lookup stays bounded whatever the index holds. */
const MAX_CANDIDATES = 200;

const toBuffer = (signature: Uint32Array): Buffer => Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength);
const toSignature = (buffer: Buffer): Uint32Array =>
  new Uint32Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
// PostgreSQL integers are signed; band keys are unsigned 32-bit. The same bits either way.
const toSigned = (key: number): number => key | 0;

function hoursBetween(a: Date | null, b: Date | null): number {
  return a && b ? Math.abs(a.getTime() - b.getTime()) / 3_600_000 : 0;
}

/**
 * Finds the articles a new revision duplicates or rewrites: exact copies by content hash, near copies by MinHash
 * over word shingles with an LSH band index in PostgreSQL, each labelled `same-article-update`, `syndicated-copy`
 * or `rewrite` with its similarity. Runs inside the revision's transaction, so the index never disagrees with it.
 */
@Injectable()
export class DuplicateDetector {
  constructor(private readonly relations: RelationRepository) {}

  async index(subject: FingerprintSubject, manager: EntityManager): Promise<RelationRow[]> {
    const text = `${subject.title}\n${subject.bodyText}`;
    const found = new Map<string, RelationRow>();

    for (const copy of await this.relations.sameContent(subject.articleId, subject.contentHash, MAX_CANDIDATES, manager)) {
      const label = classifyRelation({
        sameSource: copy.sourceId === subject.sourceId,
        similarity: 1,
        titleSimilarity: titleSimilarity(subject.title, copy.title ?? ''),
        timeGapHours: hoursBetween(subject.publishedAt, copy.publishedAt),
      });
      if (label)
        found.set(copy.id, {
          articleId: subject.articleId,
          relatedArticleId: copy.id,
          relation: label,
          similarity: 1,
          titleSimilarity: titleSimilarity(subject.title, copy.title ?? ''),
        });
    }

    if (contentWords(text).length >= MIN_WORDS_FOR_MINHASH) {
      const shingles = new Set(wordShingles(text));
      const signature = minhashOfShingles(shingles);
      const shingleCount = shingles.size;
      const bands = minhashBands(signature).map(toSigned);
      await this.relations.saveFingerprint(
        {
          articleId: subject.articleId,
          sourceId: subject.sourceId,
          revision: subject.revision,
          minhash: toBuffer(signature),
          shingleCount,
          bands,
          title: subject.title,
          publishedAt: subject.publishedAt,
        },
        manager,
      );
      for (const candidate of await this.relations.candidates(subject.articleId, bands, MAX_CANDIDATES, manager)) {
        if (found.has(candidate.articleId)) continue;
        const similarity = jaccard(signature, toSignature(candidate.minhash));
        const titles = titleSimilarity(subject.title, candidate.title);
        const label = classifyRelation({
          sameSource: candidate.sourceId === subject.sourceId,
          similarity,
          titleSimilarity: titles,
          timeGapHours: hoursBetween(subject.publishedAt, candidate.publishedAt),
          containment: containmentFromJaccard(similarity, shingleCount, candidate.shingleCount),
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

    const relations = [...found.values()];
    await this.relations.replaceRelations(subject.articleId, relations, manager);
    return relations;
  }
}
