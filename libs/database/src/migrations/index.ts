import { InitialSchema1764250000000 } from './1764250000000-initial-schema';
import { SourceItems1764260000000 } from './1764260000000-source-items';

/** In order. Listed as classes, not globs (STACK.md trap 4). */
export const MIGRATIONS = [InitialSchema1764250000000, SourceItems1764260000000];
