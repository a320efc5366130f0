import { ArticleStatus } from '@copydesk/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsEnum, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { Optional } from '../../common/optional.decorator';
import { QueryInt } from '../../common/query-int.decorator';

export class ListArticlesDto {
  @ApiPropertyOptional({ description: 'Full-text query (websearch syntax: words, "phrases", -exclusions, OR)', example: 'harbour -ferry' })
  @Optional()
  @IsString()
  @MaxLength(500)
  q?: string;

  @ApiPropertyOptional({ enum: ArticleStatus })
  @Optional()
  @IsEnum(ArticleStatus)
  status?: ArticleStatus;

  @ApiPropertyOptional({ description: 'Source slug or id' })
  @Optional()
  @IsString()
  @MaxLength(64)
  source?: string;

  @ApiPropertyOptional({ example: 'en' })
  @Optional()
  @Matches(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, { message: 'language must be a BCP 47 tag' })
  language?: string;

  @ApiPropertyOptional({ description: 'Published at or after (ISO 8601)' })
  @Optional()
  @IsDateString({ strict: true })
  publishedFrom?: string;

  @ApiPropertyOptional({ description: 'Published before (ISO 8601)' })
  @Optional()
  @IsDateString({ strict: true })
  publishedTo?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsUUID()
  cluster?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200, type: 'integer' })
  @QueryInt(1, 200)
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @Optional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
