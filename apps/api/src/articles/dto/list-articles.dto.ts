import { ArticleStatus } from '@copydesk/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export class ListArticlesDto {
  @ApiPropertyOptional({ description: 'Full-text query (websearch syntax: words, "phrases", -exclusions, OR)', example: 'harbour -ferry' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  q?: string;

  @ApiPropertyOptional({ enum: ArticleStatus })
  @IsOptional()
  @IsEnum(ArticleStatus)
  status?: ArticleStatus;

  @ApiPropertyOptional({ description: 'Source slug or id' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  source?: string;

  @ApiPropertyOptional({ example: 'en' })
  @IsOptional()
  @Matches(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, { message: 'language must be a BCP 47 tag' })
  language?: string;

  @ApiPropertyOptional({ description: 'Published at or after (ISO 8601)' })
  @IsOptional()
  @IsDateString({ strict: true })
  publishedFrom?: string;

  @ApiPropertyOptional({ description: 'Published before (ISO 8601)' })
  @IsOptional()
  @IsDateString({ strict: true })
  publishedTo?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  cluster?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
