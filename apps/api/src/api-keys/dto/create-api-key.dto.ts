import { ApiScope } from '@copydesk/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsEnum, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Optional } from '../../common/optional.decorator';
import { OptionalDateTime } from '../../common/validators';

const SOURCE_REF = /^(?:[a-z0-9][a-z0-9-]{0,62}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export class CreateApiKeyDto {
  @ApiProperty({
    example: 'CMS production',
    minLength: 1,
    maxLength: 200,
    description: 'Who uses the key; shown in lists and in the audit log',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({
    enum: ApiScope,
    enumName: 'ApiScope',
    isArray: true,
    minItems: 1,
    maxItems: 4,
    uniqueItems: true,
    example: ['ingest', 'read'],
    description:
      'ingest (push, scrape, webhooks), read (articles, search, sources), manage (kill, corrections, sources, subscriptions, replays), admin (everything, keys and audit)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsEnum(ApiScope, { each: true })
  scopes: ApiScope[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: 100,
    uniqueItems: true,
    example: ['partner-wire'],
    description: 'Limit the key to these sources (ids or slugs): it pushes only into them and sees only their articles',
  })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(SOURCE_REF, { each: true, message: 'each source must be a source id or slug' })
  sources?: string[];

  @ApiPropertyOptional({
    example: 'partner-wire',
    maxLength: 64,
    description: 'Where pushes without a source land (id or slug); one of sources when those are given',
  })
  @Optional()
  @Matches(SOURCE_REF, { message: 'defaultSource must be a source id or slug' })
  defaultSource?: string;

  @OptionalDateTime({ example: '2027-06-30T00:00:00Z', description: 'After this instant the key is refused (401)' })
  expiresAt?: string;
}
