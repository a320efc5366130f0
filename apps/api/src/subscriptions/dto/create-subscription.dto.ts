import { ARTICLE_EVENT_TYPES, ArticleEventType, SubscriptionFormat } from '@copydesk/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class SubscriptionFiltersDto {
  @ApiPropertyOptional({ description: 'Source slugs or ids', type: [String] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @ArrayMaxSize(500)
  sources?: string[];

  @ApiPropertyOptional({ type: [String], example: ['en', 'fr'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  languages?: string[];

  @ApiPropertyOptional({ description: 'IPTC Media Topic qcodes; descendants match too', type: [String], example: ['medtop:11000000'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  topics?: string[];

  @ApiPropertyOptional({ description: 'People, organisations or places, by name', type: [String] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  entities?: string[];

  @ApiPropertyOptional({ type: [String], example: ['news', 'analysis'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  contentTypes?: string[];

  @ApiPropertyOptional({ description: 'Full-text query: words, "phrases", -exclusions, OR', example: 'election -poll' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  query?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 1 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  minConfidence?: number;
}

export class CreateSubscriptionDto {
  @ApiProperty({ example: 'https://cms.example.com/hooks/copydesk' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(4096)
  url: string;

  @ApiPropertyOptional({ example: 'Website CMS' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ArticleEventType, isArray: true, description: 'All events when absent' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(ARTICLE_EVENT_TYPES, { each: true })
  events?: ArticleEventType[];

  @ApiPropertyOptional({ enum: SubscriptionFormat, default: SubscriptionFormat.Native })
  @IsOptional()
  @IsEnum(SubscriptionFormat)
  format?: SubscriptionFormat;

  @ApiPropertyOptional({ type: SubscriptionFiltersDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SubscriptionFiltersDto)
  filters?: SubscriptionFiltersDto;
}
