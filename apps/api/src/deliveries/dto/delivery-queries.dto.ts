import { DeliveryStatus } from '@copydesk/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsEnum, IsIn } from 'class-validator';
import { Optional } from '../../common/optional.decorator';
import { PageQueryDto } from '../../common/page-query.dto';
import { OptionalDateTime, OptionalUuid } from '../../common/validators';

const SETTLED_STATUSES = [DeliveryStatus.Delivered, DeliveryStatus.Failed, DeliveryStatus.Dead, DeliveryStatus.Cancelled] as const;

export class ListDeliveriesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: DeliveryStatus,
    description:
      'dead: retries used up; failed: refused by the subscriber (4xx); cancelled: superseded by a kill, or the subscription was disabled',
  })
  @Optional()
  @IsEnum(DeliveryStatus)
  status?: DeliveryStatus;

  @OptionalUuid()
  articleId?: string;
}

export class BulkReplayDto {
  @ApiPropertyOptional({ enum: SETTLED_STATUSES, isArray: true, default: [DeliveryStatus.Dead, DeliveryStatus.Failed] })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(SETTLED_STATUSES, { each: true })
  status?: DeliveryStatus[];

  @OptionalDateTime({ description: 'Only deliveries created at or after this instant' })
  since?: string;

  @OptionalDateTime({ description: 'Only deliveries created before this instant' })
  until?: string;
}
