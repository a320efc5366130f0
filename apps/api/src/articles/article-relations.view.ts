import { ApiProperty } from '@nestjs/swagger';
import { ClusterArticleView } from './cluster.view';

/** A related article as a cluster lists it (id, title, source, publication, status), and how it relates. */
export class DuplicateView extends ClusterArticleView {
  @ApiProperty({ enum: ['same-article-update', 'syndicated-copy', 'rewrite'] })
  label: string;

  @ApiProperty({ type: Number, minimum: 0, maximum: 1, description: 'Estimated Jaccard similarity of word shingles' })
  similarity: number;

  @ApiProperty({ enum: ['earlier', 'later'], description: 'Whether the other article came before or after this one' })
  direction: string;
}

export class DuplicateListView {
  @ApiProperty({ format: 'uuid' })
  articleId: string;

  @ApiProperty({ type: [DuplicateView] })
  items: DuplicateView[];
}
