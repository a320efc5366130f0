import { ApiScope } from '@copydesk/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Keys are stored as SHA-256 hashes; the key itself is shown once, when it is created. */
@Entity({ name: 'api_keys' })
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'key_hash', type: 'text', unique: true })
  keyHash: string;

  /** The first characters of the key, enough to recognise it in a list. */
  @Column({ name: 'key_prefix', type: 'text' })
  keyPrefix: string;

  @Column({ type: 'text', array: true })
  scopes: ApiScope[];

  /** The sources the key is limited to; null for every source. */
  @Column({ name: 'source_ids', type: 'uuid', array: true, nullable: true })
  sourceIds: string[] | null;

  @Column({ name: 'default_source_id', type: 'uuid', nullable: true })
  defaultSourceId: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  /** Null for keys created by the installation itself (the bootstrap admin key) or inserted by hand. */
  @Column({ name: 'created_by_key_id', type: 'uuid', nullable: true })
  createdByKeyId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
