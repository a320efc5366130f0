import { ApiProperty } from '@nestjs/swagger';

/** What a takedown removed, counted (the audit log keeps these numbers, never what they held). */
export class TakedownCountsView {
  @ApiProperty({ type: 'integer' })
  revisions: number;

  @ApiProperty({ type: 'integer' })
  rawItems: number;

  @ApiProperty({ type: 'integer' })
  relations: number;

  @ApiProperty({ type: 'integer' })
  deliveries: number;

  @ApiProperty({ type: 'integer' })
  deliveryAttempts: number;

  @ApiProperty({ type: 'integer' })
  editorialCorrections: number;
}

export class TakedownView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: TakedownCountsView })
  removed: TakedownCountsView;

  @ApiProperty({ type: 'integer', description: 'Subscriptions sent article.killed (those that may hold the article)' })
  killsSent: number;
}
