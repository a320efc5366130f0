import { ArticleStatus } from '@copydesk/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsEnum, IsIn, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { Optional } from '../../common/optional.decorator';
import { QueryInt } from '../../common/query-int.decorator';

export class ListArticlesDto {
  @ApiPropertyOptional({
    description: 'Full-text query (websearch syntax: words, "phrases", -exclusions, OR), matched in each article’s language',
    example: 'harbour -ferry',
    minLength: 1,
    maxLength: 500,
  })
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  q?: string;

  @ApiPropertyOptional({
    enum: ['relevance', 'newest'],
    description:
      'relevance (the default with q): best match first, with highlighted passages; newest: newest first (by publication when publishedFrom or publishedTo is given, else by arrival)',
  })
  @Optional()
  @IsIn(['relevance', 'newest'])
  sort?: 'relevance' | 'newest';

  @ApiPropertyOptional({ enum: ArticleStatus, enumName: 'ArticleStatus' })
  @Optional()
  @IsEnum(ArticleStatus)
  status?: ArticleStatus;

  @ApiPropertyOptional({ description: 'Source slug or id', maxLength: 64 })
  @Optional()
  @IsString()
  @MaxLength(64)
  source?: string;

  @ApiPropertyOptional({ example: 'en', description: 'BCP 47; en also finds en-GB', pattern: '^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$' })
  @Optional()
  @Matches(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, { message: 'language must be a BCP 47 tag' })
  language?: string;

  @ApiPropertyOptional({
    example: 'medtop:11000000',
    description: 'An IPTC Media Topic: articles with it or any narrower topic (politics finds elections)',
    pattern: '^medtop:\\d{8}$',
  })
  @Optional()
  @Matches(/^medtop:\d{8}$/, { message: 'topic must be an IPTC Media Topic qcode such as medtop:11000000' })
  topic?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Published at or after' })
  @Optional()
  @IsDateString({ strict: true }, { message: 'publishedFrom must be an ISO 8601 date' })
  publishedFrom?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Published before' })
  @Optional()
  @IsDateString({ strict: true }, { message: 'publishedTo must be an ISO 8601 date' })
  publishedTo?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Articles of this story cluster' })
  @Optional()
  @IsUUID()
  cluster?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200, type: 'integer' })
  @QueryInt(1, 200)
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page (with the same filters and sort)', maxLength: 200 })
  @Optional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
