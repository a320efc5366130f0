import { ArticleStatus } from '@copydesk/contracts';
import { ApiProperty } from '@nestjs/swagger';

export class DuplicateView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['same-article-update', 'syndicated-copy', 'rewrite'] })
  label: string;

  @ApiProperty({ type: Number, minimum: 0, maximum: 1, description: 'Estimated Jaccard similarity of word shingles' })
  similarity: number;

  @ApiProperty({ enum: ['earlier', 'later'], description: 'Whether the other article came before or after this one' })
  direction: string;

  @ApiProperty({ type: String, nullable: true })
  title: string | null;

  @ApiProperty({ format: 'uuid' })
  sourceId: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: string | null;

  @ApiProperty({ enum: ArticleStatus, enumName: 'ArticleStatus' })
  status: string;
}

export class DuplicateListView {
  @ApiProperty({ format: 'uuid' })
  articleId: string;

  @ApiProperty({ type: [DuplicateView] })
  items: DuplicateView[];
}
