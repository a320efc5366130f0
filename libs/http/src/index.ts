export * from './retry-after';
export { iso } from './iso-date';
