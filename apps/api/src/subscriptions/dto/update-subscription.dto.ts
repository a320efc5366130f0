import { ARTICLE_EVENT_TYPES, ArticleEventType, SubscriptionStatus } from '@copydesk/contracts';
import type { SubscriptionFormat } from '@copydesk/delivery';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsIn,
  IsInt,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Optional, OptionalNullable } from '../../common/optional.decorator';
import { SubscriptionFiltersDto } from './create-subscription.dto';
import { IsOutputFormat } from './output-format.decorator';

// Absent means unchanged; null is only meaningful for the name.
const IfPresent = (): PropertyDecorator => ValidateIf((_object: unknown, value: unknown) => value !== undefined);

/** Changes to a subscription; absent fields stay as they are. */
export class UpdateSubscriptionDto {
  @ApiPropertyOptional({ description: 'Checked like a new subscription URL; pending deliveries go to the new one' })
  @IfPresent()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(4096)
  url?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'null clears it' })
  @OptionalNullable()
  @IsString()
  @MaxLength(200)
  name?: string | null;

  @ApiPropertyOptional({ enum: ArticleEventType, isArray: true })
  @IfPresent()
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(ARTICLE_EVENT_TYPES, { each: true })
  events?: ArticleEventType[];

  @IfPresent()
  @IsOutputFormat('Applies to deliveries created from now on')
  format?: SubscriptionFormat;

  @ApiPropertyOptional({ type: SubscriptionFiltersDto, description: 'Replaces the filters as a whole; {} removes them all' })
  @IfPresent()
  @ValidateNested()
  @Type(() => SubscriptionFiltersDto)
  filters?: SubscriptionFiltersDto;

  @ApiPropertyOptional({
    enum: SubscriptionStatus,
    description:
      'paused: deliveries wait and are sent, in order, on resume. disabled: nothing is delivered and pending deliveries are cancelled. active: resumes or re-enables.',
  })
  @IfPresent()
  @IsEnum(SubscriptionStatus)
  status?: SubscriptionStatus;
}

export class RotateSubscriptionSecretDto {
  @ApiPropertyOptional({
    description: 'How long the previous secret keeps signing, in seconds (0 to 7 days)',
    default: 86_400,
    minimum: 0,
    maximum: 604_800,
  })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(604_800)
  overlapSeconds?: number;
}

export class ListSubscriptionsQueryDto {
  @ApiPropertyOptional({ enum: SubscriptionStatus })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsEnum(SubscriptionStatus)
  status?: SubscriptionStatus;
}
