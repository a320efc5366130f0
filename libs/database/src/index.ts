export * from './entities';
export * from './repositories';
export * from './migrations';
export * from './data-source';
export * from './database.module';
