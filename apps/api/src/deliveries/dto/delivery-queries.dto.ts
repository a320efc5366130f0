import { DeliveryStatus } from '@copydesk/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

const SETTLED_STATUSES = [DeliveryStatus.Delivered, DeliveryStatus.Failed, DeliveryStatus.Dead, DeliveryStatus.Cancelled] as const;

export class ListDeliveriesQueryDto {
  @ApiPropertyOptional({
    enum: DeliveryStatus,
    description:
      'dead: retries used up; failed: refused by the subscriber (4xx); cancelled: superseded by a kill, or the subscription was disabled',
  })
  @IsOptional()
  @IsEnum(DeliveryStatus)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  articleId?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class BulkReplayDto {
  @ApiPropertyOptional({ enum: SETTLED_STATUSES, isArray: true, default: [DeliveryStatus.Dead, DeliveryStatus.Failed] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(SETTLED_STATUSES, { each: true })
  status?: DeliveryStatus[];

  @ApiPropertyOptional({ format: 'date-time', description: 'Only deliveries created at or after this instant' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'since must be an ISO 8601 date' })
  since?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only deliveries created before this instant' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'until must be an ISO 8601 date' })
  until?: string;
}
