import { DeliveryStatus } from '@copydesk/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsDateString, IsEnum, IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { Optional } from '../../common/optional.decorator';
import { QueryInt } from '../../common/query-int.decorator';

const SETTLED_STATUSES = [DeliveryStatus.Delivered, DeliveryStatus.Failed, DeliveryStatus.Dead, DeliveryStatus.Cancelled] as const;

export class ListDeliveriesQueryDto {
  @ApiPropertyOptional({
    enum: DeliveryStatus,
    description:
      'dead: retries used up; failed: refused by the subscriber (4xx); cancelled: superseded by a kill, or the subscription was disabled',
  })
  @Optional()
  @IsEnum(DeliveryStatus)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  articleId?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @Optional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50, type: 'integer' })
  @QueryInt(1, 200)
  limit?: number;
}

export class BulkReplayDto {
  @ApiPropertyOptional({ enum: SETTLED_STATUSES, isArray: true, default: [DeliveryStatus.Dead, DeliveryStatus.Failed] })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(SETTLED_STATUSES, { each: true })
  status?: DeliveryStatus[];

  @ApiPropertyOptional({ format: 'date-time', description: 'Only deliveries created at or after this instant' })
  @Optional()
  @IsDateString({ strict: true }, { message: 'since must be an ISO 8601 date' })
  since?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only deliveries created before this instant' })
  @Optional()
  @IsDateString({ strict: true }, { message: 'until must be an ISO 8601 date' })
  until?: string;
}
