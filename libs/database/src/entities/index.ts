import { ApiKeyEntity } from './api-key.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { ArticleRevisionEntity } from './article-revision.entity';
import { ArticleEntity } from './article.entity';
import { DeliveryAttemptEntity } from './delivery-attempt.entity';
import { DeliveryEntity } from './delivery.entity';
import { EditorialCorrectionEntity } from './editorial-correction.entity';
import { RawItemEntity } from './raw-item.entity';
import { SourceEntity } from './source.entity';
import { SubscriptionEntity } from './subscription.entity';

export {
  ApiKeyEntity,
  AuditEntryEntity,
  ArticleEntity,
  ArticleRevisionEntity,
  DeliveryAttemptEntity,
  DeliveryEntity,
  RawItemEntity,
  SourceEntity,
  SubscriptionEntity,
};
export type { SubscriptionSecret } from './subscription.entity';
export { EditorialCorrectionEntity };
export type { CorrectedEntities, EditorialCorrectionKind } from './editorial-correction.entity';

/** Listed as classes, not globs, so SWC builds, jest and the CLI all find them (a glob matches .ts under jest, .js in dist). */
export const ENTITIES = [
  SourceEntity,
  ApiKeyEntity,
  ArticleEntity,
  RawItemEntity,
  ArticleRevisionEntity,
  SubscriptionEntity,
  DeliveryEntity,
  DeliveryAttemptEntity,
  EditorialCorrectionEntity,
  AuditEntryEntity,
];
