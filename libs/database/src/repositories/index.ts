export * from './api-key.repository';
export * from './article.repository';
export * from './delivery.repository';
export * from './raw-item.repository';
export * from './source.repository';
export * from './source-item.repository';
export * from './subscription.repository';
export * from './relation.repository';
