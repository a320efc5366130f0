import { ARTICLE_EVENT_TYPES, ArticleEventType } from '@copydesk/contracts';
import type { SubscriptionFormat } from '@copydesk/delivery';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNumber,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Optional } from '../../common/optional.decorator';
import { IsOutputFormat } from './output-format.decorator';

const MEDIA_TOPIC = /^(?:medtop:\d{8}|\d{8}|https?:\/\/cv\.iptc\.org\/newscodes\/mediatopic\/\d{8})$/i;
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/;
const CONTENT_TYPE = /^[a-z][a-z-]{0,39}$/;

/** What a subscriber wants. Every filter that is set must match; within one list, any entry may. */
export class SubscriptionFiltersDto {
  @ApiPropertyOptional({ description: 'Source slugs or ids', type: [String], example: ['cms', 'reuters'] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  sources?: string[];

  @ApiPropertyOptional({ description: 'BCP 47 tags; `en` matches en-GB and en-US too', type: [String], example: ['en', 'fr'] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(LANGUAGE_TAG, { each: true, message: 'each language must be a BCP 47 tag such as en or en-GB' })
  languages?: string[];

  @ApiPropertyOptional({
    description:
      'IPTC Media Topics (medtop:NNNNNNNN, the bare number or the cv.iptc.org URI); narrower topics match too: politics gets elections',
    type: [String],
    example: ['medtop:11000000'],
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(MEDIA_TOPIC, { each: true, message: 'each topic must be an IPTC Media Topic such as medtop:11000000' })
  topics?: string[];

  @ApiPropertyOptional({
    description: 'People, organisations or places, by whole name (case and accents do not matter)',
    type: [String],
    example: ['Keir Starmer'],
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  entities?: string[];

  @ApiPropertyOptional({ description: 'Content types as enrichment names them', type: [String], example: ['news', 'analysis'] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(CONTENT_TYPE, { each: true, message: 'each content type must be a lower-case name such as news or press-release' })
  contentTypes?: string[];

  @ApiPropertyOptional({ description: 'Full-text query over title and body: words, "phrases", -exclusions, OR', example: 'election -poll' })
  @Optional()
  @IsString()
  @MaxLength(1000)
  query?: string;

  @ApiPropertyOptional({ description: 'Minimum topic confidence, 0 to 1', minimum: 0, maximum: 1 })
  @Optional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  minConfidence?: number;
}

export class CreateSubscriptionDto {
  @ApiProperty({
    description: 'Where deliveries are POSTed; refused if it points inside the network',
    example: 'https://cms.example.com/hooks/copydesk',
  })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(4096)
  url: string;

  @ApiPropertyOptional({ example: 'Website CMS' })
  @Optional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ArticleEventType, isArray: true, description: 'All events when absent' })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(ARTICLE_EVENT_TYPES, { each: true })
  events?: ArticleEventType[];

  @Optional()
  @IsOutputFormat('How each delivery body is written')
  format?: SubscriptionFormat;

  @ApiPropertyOptional({ type: SubscriptionFiltersDto, description: 'No filter: every article' })
  @Optional()
  @ValidateNested()
  @Type(() => SubscriptionFiltersDto)
  filters?: SubscriptionFiltersDto;
}
