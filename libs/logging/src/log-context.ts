import { AsyncLocalStorage } from 'node:async_hooks';

/** Fields every log line written inside a job carries: correlationId, jobId, articleId... */
export type LogContext = Record<string, string | number | undefined>;

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `work` with `context` attached to every log line it writes, however deep the call. */
export function withLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, work);
}

export function currentLogContext(): LogContext {
  return storage.getStore() ?? {};
}
