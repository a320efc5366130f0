import { QueueName } from '@copydesk/contracts';
import { ApiProperty } from '@nestjs/swagger';

export class JobView {
  @ApiProperty({ example: 'raw.5b0c2f0e-…' })
  id: string;

  @ApiProperty({ enum: QueueName, enumName: 'QueueName' })
  queue: string;

  @ApiProperty({ example: 'ingest.process-raw-item' })
  name: string;

  @ApiProperty({ enum: ['waiting', 'delayed', 'prioritized', 'waiting-children', 'active', 'completed', 'failed', 'unknown'] })
  state: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  attemptsMade: number;

  @ApiProperty({ type: 'integer', minimum: 1 })
  maxAttempts: number;

  @ApiProperty({ type: String, nullable: true, description: 'Why the last attempt failed' })
  failedReason: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  processedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The article the job works on, if any' })
  articleId: string | null;
}
