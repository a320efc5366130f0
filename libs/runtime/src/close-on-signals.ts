import type { INestApplicationContext } from '@nestjs/common';

/**
 * SIGTERM / SIGINT (or losing the launcher) close the Nest application (HTTP server stops accepting, BullMQ workers finish their in-flight
 * job) and then exit 0, so a supervisor sees a clean stop. Nest's own enableShutdownHooks re-raises the signal
 * after closing, which reads as a crash to the launcher and to container runtimes.
 */
export function closeOnSignals(app: INestApplicationContext, onClosed: (signal: NodeJS.Signals) => void = () => undefined): void {
  let closing = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    app
      .close()
      .then(() => {
        onClosed(signal);
        process.exit(0);
      })
      .catch((err: unknown) => {
        process.stderr.write(`shutdown failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        process.exit(1);
      });
  };
  process.once('SIGTERM', handler);
  process.once('SIGINT', handler);
  // Started by the launcher with an IPC channel: the channel closes when the launcher dies, even by SIGKILL, and a
  // process left without its launcher stops as if told to, instead of holding the port and the queues.
  if (process.send) process.once('disconnect', () => handler('SIGTERM'));
}
