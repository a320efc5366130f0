import { QueueName } from '@copydesk/contracts';
import { ApiProperty } from '@nestjs/swagger';

export class QueuePausedView {
  @ApiProperty({ enum: QueueName, enumName: 'QueueName' })
  queue: string;

  @ApiProperty()
  paused: boolean;
}

export class QueueRetriedView {
  @ApiProperty({ enum: QueueName, enumName: 'QueueName' })
  queue: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Failed jobs put back to wait' })
  retried: number;
}
