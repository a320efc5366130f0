import { ArticleStatus } from '@copydesk/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One input taken in: its article (followed at GET /v1/articles/{id}) and its processing job. */
export class ReceiptView {
  @ApiProperty({ format: 'uuid', description: 'The article’s id' })
  id: string;

  @ApiProperty({ enum: ArticleStatus, enumName: 'ArticleStatus' })
  status: string;

  @ApiProperty({ description: 'The processing job (GET /v1/jobs/{jobId})' })
  jobId: string;

  @ApiPropertyOptional({ format: 'uri', description: 'The page asked for (in a batch)' })
  url?: string;
}

export class ReceiptBatchView {
  @ApiProperty({ type: [ReceiptView] })
  items: ReceiptView[];
}

/** What a webhook call got: accepted (with one receipt per article or URL), or a replay of a webhook-id seen before. */
export class WebhookReceiptView {
  @ApiProperty({ enum: ['accepted', 'duplicate'] })
  status: 'accepted' | 'duplicate';

  @ApiPropertyOptional({ type: [ReceiptView], description: 'With accepted' })
  items?: ReceiptView[];

  @ApiPropertyOptional({ description: 'With duplicate: the webhook-id already received' })
  webhookId?: string;
}
