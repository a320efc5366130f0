import { SourceType } from '@copydesk/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmptyObject,
  IsObject,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Optional } from '../../common/optional.decorator';

/** How Copydesk authenticates to the source. Never returned by the API or logged. */
export class SourceCredentialsDto {
  @ApiProperty({ enum: ['basic', 'bearer', 'headers'] })
  @IsIn(['basic', 'bearer', 'headers'])
  type: 'basic' | 'bearer' | 'headers';

  @ApiPropertyOptional()
  @ValidateIf((o: SourceCredentialsDto) => o.type === 'basic')
  @IsString()
  @MinLength(1)
  username?: string;

  @ApiPropertyOptional()
  @ValidateIf((o: SourceCredentialsDto) => o.type === 'basic')
  @IsString()
  password?: string;

  @ApiPropertyOptional()
  @ValidateIf((o: SourceCredentialsDto) => o.type === 'bearer')
  @IsString()
  @MinLength(1)
  token?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  @ValidateIf((o: SourceCredentialsDto) => o.type === 'headers')
  @IsObject()
  @IsNotEmptyObject()
  headers?: Record<string, string>;
}

/** The source's own politeness, on top of the installation's; only ever stricter. */
export class SourcePolitenessDto {
  @ApiPropertyOptional({ description: 'Minimum time between two requests to this source’s hosts', example: 5000 })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  minIntervalMs?: number;

  @ApiPropertyOptional({ description: 'Requests in flight to this source’s hosts at once', example: 1 })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(64)
  concurrency?: number;
}

class SourceFieldsDto {
  @ApiPropertyOptional({
    description: 'A folder source: the absolute path of the directory agencies drop files into',
    example: '/srv/wire/drops',
  })
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  path?: string;

  @ApiPropertyOptional({ description: 'A folder source: a glob file names must match (every file when absent)', example: '*.xml' })
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  pattern?: string;

  @ApiPropertyOptional({ example: 'https://partner.example.com/feed.xml' })
  @Optional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(4096)
  url?: string;

  @ApiPropertyOptional({ default: true })
  @Optional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Starting poll interval; adaptive polling moves it between the bounds', example: 600 })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 3600)
  pollIntervalSeconds?: number;

  @ApiPropertyOptional({ description: 'Adaptive polling never polls more often than this' })
  @Optional()
  @IsInt()
  @Min(1)
  minIntervalSeconds?: number;

  @ApiPropertyOptional({ description: 'Adaptive polling never waits longer than this, even for an idle or failing source' })
  @Optional()
  @IsInt()
  @Min(1)
  maxIntervalSeconds?: number;

  @ApiPropertyOptional({ description: 'IANA zone for dates the source gives without an offset', example: 'Europe/Paris' })
  @Optional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({ type: SourcePolitenessDto })
  @Optional()
  @ValidateNested()
  @Type(() => SourcePolitenessDto)
  politeness?: SourcePolitenessDto;

  @ApiPropertyOptional({ type: SourceCredentialsDto })
  @Optional()
  @ValidateNested()
  @Type(() => SourceCredentialsDto)
  credentials?: SourceCredentialsDto;
}

export class CreateSourceDto extends SourceFieldsDto {
  @ApiProperty({ example: 'partner-wire', description: 'Lower-case letters, digits and -' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'slug must be lower-case letters, digits and -, at most 63 characters' })
  slug: string;

  @ApiProperty({ example: 'Partner wire' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: SourceType })
  @IsEnum(SourceType)
  type: SourceType;
}

export class UpdateSourceDto extends SourceFieldsDto {
  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;
}

export class RotateSecretDto {
  @ApiPropertyOptional({ description: 'How long the previous secret keeps verifying', default: 86400 })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(30 * 24 * 3600)
  overlapSeconds?: number;
}
