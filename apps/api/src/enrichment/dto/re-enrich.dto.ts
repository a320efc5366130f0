import type { ArticleStatus } from '@copydesk/contracts';
import { DEFAULT_RE_ENRICH_LIMIT, MAX_RE_ENRICH_LIMIT, RE_ENRICHABLE_STATUSES, type ReEnrichRequest } from '@copydesk/pipeline';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsDateString, IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Optional } from '../../common/optional.decorator';

const version = (what: string) => ({
  description: `Only articles whose stored ${what} is not this one (or that have none); \`current\` means this installation's`,
});

/** Which articles to enrich again: every condition given must hold. Killed articles and articles without content never are. */
export class ReEnrichDto implements ReEnrichRequest {
  @ApiPropertyOptional({ type: [String], example: ['cms'], description: 'Source slugs' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { each: true, message: 'sources must be source slugs (lower-case letters, digits, -)' })
  sources?: string[];

  @ApiPropertyOptional({ enum: RE_ENRICHABLE_STATUSES, isArray: true })
  @Optional()
  @IsArray()
  @IsIn(RE_ENRICHABLE_STATUSES, {
    each: true,
    message: `statuses must be among ${RE_ENRICHABLE_STATUSES.join(', ')} (killed articles are never enriched again)`,
  })
  statuses?: ArticleStatus[];

  @ApiPropertyOptional({ ...version('enricher version'), example: 'current' })
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  enricherVersionNot?: string;

  @ApiPropertyOptional({ ...version('IPTC scheme release'), example: 'current' })
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  schemeVersionNot?: string;

  @ApiPropertyOptional({
    description: 'Only articles whose topics came from another topic model version (or none), e.g. after ENRICHMENT_TOPIC_MODEL changed',
  })
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  topicModelVersionNot?: string;

  @ApiPropertyOptional({ description: 'Published at or after (ISO 8601)' })
  @Optional()
  @IsDateString({ strict: true }, { message: 'publishedFrom must be an ISO 8601 date' })
  publishedFrom?: string;

  @ApiPropertyOptional({ description: 'Published before (ISO 8601)' })
  @Optional()
  @IsDateString({ strict: true }, { message: 'publishedTo must be an ISO 8601 date' })
  publishedTo?: string;

  @ApiPropertyOptional({ description: 'First received at or after (ISO 8601)' })
  @Optional()
  @IsDateString({ strict: true }, { message: 'receivedFrom must be an ISO 8601 date' })
  receivedFrom?: string;

  @ApiPropertyOptional({ description: 'First received before (ISO 8601); never later than the request' })
  @Optional()
  @IsDateString({ strict: true }, { message: 'receivedTo must be an ISO 8601 date' })
  receivedTo?: string;

  @ApiPropertyOptional({ default: DEFAULT_RE_ENRICH_LIMIT, maximum: MAX_RE_ENRICH_LIMIT, description: 'Most articles to queue' })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(MAX_RE_ENRICH_LIMIT)
  limit?: number;
}

export class ReEnrichReceiptDto {
  @ApiProperty({ format: 'uuid', description: 'Names the jobs of this request (`re-enrich.<article>.<revision>.<requestId>`)' })
  requestId: string;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Articles covered now, at most `limit`: each is enriched again in the background',
  })
  matched: number;

  @ApiProperty({ type: 'integer', minimum: 1 })
  limit: number;

  @ApiProperty({ enum: ['queued'] })
  status: 'queued';

  @ApiProperty({ type: String, nullable: true, description: 'The first page job (GET /v1/jobs/{jobId}); null when nothing matched' })
  jobId: string | null;
}

export class ArticleReEnrichReceiptDto {
  @ApiProperty({ format: 'uuid' })
  articleId: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'The revision that will be enriched (the current one)' })
  revision: number;

  @ApiProperty({ description: "The request's correlation id" })
  requestId: string;

  @ApiProperty({ enum: ['queued'] })
  status: 'queued';

  @ApiProperty({ description: 'The job (GET /v1/jobs/{jobId})' })
  jobId: string;
}
