import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type EditorialCorrectionKind = 'topics' | 'entities';

/** The names an editor gave, per kind; a kind left out stays the machine's. */
export interface CorrectedEntities {
  people?: string[];
  organisations?: string[];
  places?: string[];
}

/** One editor's correction of an article's topics or entities. The latest of each kind is in force. */
@Entity({ name: 'editorial_corrections' })
export class EditorialCorrectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Creation order (bigint, read as a string). */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @Column({ type: 'text' })
  kind: EditorialCorrectionKind;

  @Column({ type: 'text', array: true, nullable: true })
  topics: string[] | null;

  @Column({ type: 'jsonb', nullable: true })
  entities: CorrectedEntities | null;

  @Column({ name: 'scheme_version', type: 'text', nullable: true })
  schemeVersion: string | null;

  @Column({ name: 'article_revision', type: 'integer' })
  articleRevision: number;

  /** Null: the installation's admin key. */
  @Column({ name: 'api_key_id', type: 'uuid', nullable: true })
  apiKeyId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
