import { ArticleStatus } from '@copydesk/contracts';
import type { ArticlePush } from '@copydesk/pipeline';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsString, IsUrl, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { Optional } from '../../common/optional.decorator';

const describesContent = (dto: PushArticleDto): boolean => dto.pubStatus !== 'canceled';

/** What a CMS pushes. Unknown fields are refused, so a typo never silently drops data. */
export class PushArticleDto implements ArticlePush {
  @ApiProperty({ example: 'Council approves new budget', maxLength: 1000, description: 'Required unless pubStatus is canceled' })
  @ValidateIf(describesContent)
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(1000)
  title: string;

  @ApiProperty({
    description: 'HTML or plain text; required unless pubStatus is canceled',
    example: '<p>The council voted 7-2 on Tuesday...</p>',
  })
  @ValidateIf(describesContent)
  @IsString()
  @MinLength(1, { message: 'body must not be empty' })
  body: string;

  @ApiPropertyOptional({ enum: ['html', 'text'], description: 'Sniffed from the body when absent' })
  @Optional()
  @IsIn(['html', 'text'])
  bodyFormat?: 'html' | 'text';

  @ApiPropertyOptional({ example: 'https://example.com/news/budget' })
  @Optional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(4096)
  url?: string;

  @ApiPropertyOptional({ example: 'By Jane Doe and John Roe' })
  @Optional()
  @IsString()
  @MaxLength(1000)
  byline?: string;

  @ApiPropertyOptional({ example: '2026-11-27T09:30:00+01:00', description: 'ISO 8601; stored in UTC' })
  @Optional()
  @IsDateString({ strict: true }, { message: 'publishedAt must be an ISO 8601 date' })
  publishedAt?: string;

  @ApiPropertyOptional({ description: 'ISO 8601; stored in UTC' })
  @Optional()
  @IsDateString({ strict: true }, { message: 'modifiedAt must be an ISO 8601 date' })
  modifiedAt?: string;

  @ApiPropertyOptional({ description: 'Your id for the story: a second push with the same id updates the article', example: 'cms-4711' })
  @ValidateIf((dto: PushArticleDto) => dto.pubStatus === 'canceled' || dto.externalId !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(512)
  externalId?: string;

  @ApiPropertyOptional({ description: "Slug of the source; the key's default push source when absent", example: 'cms' })
  @Optional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'source must be a source slug (lower-case letters, digits, -)' })
  source?: string;

  @ApiPropertyOptional({ example: 'en-GB', description: 'BCP 47; detected when absent' })
  @Optional()
  @Matches(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/, { message: 'language must be a BCP 47 tag such as en or en-GB' })
  language?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ description: 'Not delivered to subscribers before this instant (ISO 8601)' })
  @Optional()
  @IsDateString({ strict: true }, { message: 'embargoUntil must be an ISO 8601 date' })
  embargoUntil?: string;

  @ApiPropertyOptional({ enum: ['usable', 'canceled'], description: 'canceled withdraws (kills) the article externalId names' })
  @Optional()
  @IsIn(['usable', 'canceled'])
  pubStatus?: 'usable' | 'canceled';

  @ApiPropertyOptional({ description: 'Why the article is withdrawn (with pubStatus canceled)' })
  @Optional()
  @IsString()
  @MaxLength(1000)
  killReason?: string;
}

export class KillArticleDto {
  @ApiPropertyOptional({ example: 'Legal: withdrawn pending review' })
  @Optional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class ArticleReceiptDto {
  @ApiProperty({ format: 'uuid', description: 'The article’s id: follow it at GET /v1/articles/{id}' })
  id: string;

  @ApiProperty({ enum: ArticleStatus, enumName: 'ArticleStatus', example: 'received' })
  status: string;

  @ApiProperty({ example: 'raw.5b0c…', description: 'The processing job: GET /v1/jobs/{jobId}' })
  jobId: string;

  @ApiPropertyOptional({
    type: () => [ArticleReceiptDto],
    description: 'A wire document of several text items: one receipt per item (the first is the one above)',
  })
  items?: ArticleReceiptDto[];
}
