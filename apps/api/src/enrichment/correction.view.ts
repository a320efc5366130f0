import type { ArticleTopic, EditedEnrichment } from '@copydesk/enrichment';
import type { CorrectionOutcome } from '@copydesk/pipeline';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

type Entities = EditedEnrichment['entities'];

/** What an editor's correction did: the article's topics and entities with it merged in. */
export class CorrectionView {
  @ApiProperty({ format: 'uuid' })
  articleId: string;

  @ApiProperty({ description: 'The revision the correction was made on' })
  revision: number;

  @ApiProperty({ format: 'uuid' })
  correctionId: string;

  @ApiProperty({ nullable: true, description: 'The API key id; null for the installation admin key' })
  correctedBy: string | null;

  @ApiProperty({ format: 'date-time' })
  correctedAt: string;

  @ApiProperty({ description: 'Whether subscribers get the article again as article.updated' })
  rerouted: boolean;

  @ApiPropertyOptional({
    nullable: true,
    description: 'Merged topics (editor topics: source editor, confidence 1); null until the first enrichment',
  })
  topics: ArticleTopic[] | null;

  @ApiPropertyOptional({ nullable: true, description: 'Merged people, organisations and places; null until the first enrichment' })
  entities: Entities | null;
}

export function toCorrectionView(outcome: CorrectionOutcome): CorrectionView {
  return {
    articleId: outcome.articleId,
    revision: outcome.revision,
    correctionId: outcome.correctionId,
    correctedBy: outcome.correctedBy,
    correctedAt: outcome.correctedAt,
    rerouted: outcome.rerouted,
    topics: outcome.enrichment?.topics ?? null,
    entities: outcome.enrichment?.entities ?? null,
  };
}
