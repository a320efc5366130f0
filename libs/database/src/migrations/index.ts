import { InitialSchema1764250000000 } from './1764250000000-initial-schema';
import { SourceItems1764260000000 } from './1764260000000-source-items';
import { Relations1764265000000 } from './1764265000000-relations';
import { PublishDeliveryState1764312000000 } from './1764312000000-publish-delivery-state';
import { EditorialCorrections1764330000000 } from './1764330000000-editorial-corrections';
import { RecoveryAndAudit1764400000000 } from './1764400000000-recovery-and-audit';
import { RecoveryIndexes1764400100000 } from './1764400100000-recovery-indexes';
import { ApiKeyScopes1764410000000 } from './1764410000000-api-key-scopes';
import { AuditLog1764411000000 } from './1764411000000-audit-log';
import { IdempotencyKeys1764412000000 } from './1764412000000-idempotency-keys';
import { ArticleSearch1764413000000 } from './1764413000000-article-search';
import { PipelineThroughput1764500000000 } from './1764500000000-pipeline-throughput';
import { WireRevisions1765170000000 } from './1765170000000-wire-revisions';
import { DashboardIndexes1765200000000 } from './1765200000000-dashboard-indexes';
import { SearchCandidates1765300000000 } from './1765300000000-search-candidates';
import { SearchCandidateIndexes1765300100000 } from './1765300100000-search-candidate-indexes';
import { SearchSourceVectorIndex1765400000000 } from './1765400000000-search-source-vector-index';
import { MinhashBandsWithoutForeignKey1765410000000 } from './1765410000000-minhash-bands-without-foreign-key';
import { ArticlesFewerIndexes1765420000000 } from './1765420000000-articles-fewer-indexes';
import { SearchPendingListLimit1765500000000 } from './1765500000000-search-pending-list-limit';
import { DerivedTablesWithoutForeignKeys1765510000000 } from './1765510000000-derived-tables-without-foreign-keys';

/** In order. Listed as classes, not globs: a glob finds .ts under jest but .js under the SWC build, and the CLI finds neither reliably. */
export const MIGRATIONS = [
  InitialSchema1764250000000,
  SourceItems1764260000000,
  Relations1764265000000,
  PublishDeliveryState1764312000000,
  EditorialCorrections1764330000000,
  RecoveryAndAudit1764400000000,
  RecoveryIndexes1764400100000,
  ApiKeyScopes1764410000000,
  AuditLog1764411000000,
  IdempotencyKeys1764412000000,
  ArticleSearch1764413000000,
  PipelineThroughput1764500000000,
  WireRevisions1765170000000,
  DashboardIndexes1765200000000,
  SearchCandidates1765300000000,
  SearchCandidateIndexes1765300100000,
  SearchSourceVectorIndex1765400000000,
  MinhashBandsWithoutForeignKey1765410000000,
  ArticlesFewerIndexes1765420000000,
  SearchPendingListLimit1765500000000,
  DerivedTablesWithoutForeignKeys1765510000000,
];
