/**
 * `@copydesk/pipeline/publish`: what the publish worker needs and nothing more. Subscription checks (Media Topics
 * from the enrichment library), takedowns and the other stages stay behind `@copydesk/pipeline`.
 */
export * from './route-and-deliver.module';
export * from './article-router.service';
export * from './delivery-runner.service';
export * from './delivery-sweeper.service';
