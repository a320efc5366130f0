export * from './command';
export { main } from './main';
