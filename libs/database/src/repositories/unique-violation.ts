import { QueryFailedError } from 'typeorm';

/** A row could not be stored because another already holds the same unique value (PostgreSQL 23505). */
export class UniqueViolationError extends Error {
  constructor(
    /** The entity's field that must be unique, as the service knows it (`slug`), not the constraint's name. */
    readonly field: string,
    cause: unknown,
  ) {
    super(`another row has the same ${field}`, { cause });
    this.name = 'UniqueViolationError';
  }
}

/**
 * Runs `write` and turns a unique violation of one of `constraints` (constraint name → field) into a
 * UniqueViolationError naming the field, so services never read PostgreSQL's constraint names.
 */
export async function translatingUniqueViolations<T>(constraints: Record<string, string>, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    const driver = err instanceof QueryFailedError ? (err.driverError as { code?: string; constraint?: string }) : undefined;
    const field = driver?.code === '23505' && driver.constraint ? constraints[driver.constraint] : undefined;
    if (field) throw new UniqueViolationError(field, err);
    throw err;
  }
}
