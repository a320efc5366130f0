import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, IsUrl, Matches, MaxLength, MinLength } from 'class-validator';
import { Optional } from '../../common/optional.decorator';

/** The most URLs one call may ask for; larger lists are split by the caller or polled as a source. */
export const MAX_URLS_PER_CALL = 100;

export class IngestUrlDto {
  @ApiPropertyOptional({ example: 'https://www.example.com/news/2026/11/27/bridge-reopens' })
  @Optional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an http(s) URL' })
  @MaxLength(4096)
  url?: string;

  @ApiPropertyOptional({ type: [String], maxItems: MAX_URLS_PER_CALL, description: 'Several pages at once (instead of url)' })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_URLS_PER_CALL, { message: `urls may list at most ${MAX_URLS_PER_CALL} pages` })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { each: true, message: 'each of urls must be an http(s) URL' },
  )
  urls?: string[];

  @ApiPropertyOptional({ description: 'Source slug; the key default or "web" when absent' })
  @Optional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'source must be a source slug' })
  source?: string;

  @ApiPropertyOptional({ description: 'Your id for the story (only with url); the canonical URL when absent' })
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(512)
  externalId?: string;
}
