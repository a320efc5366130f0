import { ApiProperty } from '@nestjs/swagger';

/** Counts keyed by status or origin; a key that would be 0 is left out. */
const counts = (description: string, keys: string[]) =>
  ({
    type: 'object',
    description: `${description}. Keys: ${keys.join(', ')}`,
    additionalProperties: { type: 'integer', minimum: 0 },
  }) as const;

const ARTICLE_STATUSES = ['received', 'extracted', 'enriched', 'published', 'failed', 'killed'];
const ORIGINS = ['api', 'webhook', 'feed', 'scrape', 'wire'];
const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'dead', 'cancelled'];

export class SourceStatsView {
  @ApiProperty({ format: 'uuid' })
  sourceId: string;

  @ApiProperty({ example: 'cms' })
  slug: string;

  @ApiProperty(counts('Inputs received in the window, by how they came (absent: none)', ORIGINS))
  inputs: Record<string, number>;

  @ApiProperty(counts('Articles first received in the window, by the stage they are at now (absent: none)', ARTICLE_STATUSES))
  articles: Record<string, number>;
}

export class StatsView {
  @ApiProperty({ format: 'date-time' })
  from: string;

  @ApiProperty({ format: 'date-time' })
  to: string;

  @ApiProperty(counts('Articles of every source in the window, by stage', ARTICLE_STATUSES))
  articles: Record<string, number>;

  @ApiProperty(counts('Inputs of every source in the window, by origin', ORIGINS))
  inputs: Record<string, number>;

  @ApiProperty({
    ...counts('Deliveries created in the window, by status; null for a key limited to sources', DELIVERY_STATUSES),
    nullable: true,
  })
  deliveries: Record<string, number> | null;

  @ApiProperty({ type: [SourceStatsView] })
  sources: SourceStatsView[];
}
