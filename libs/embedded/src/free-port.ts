import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Ports below the kernel's ephemeral range start here; the range below holds no well-known service's port. */
const LOW = 20_000;
const TRIES = 50;
/** Ports handed out by this process: a caller may not bind its port for seconds, so none is given twice. */
const given = new Set<number>();

/**
 * A TCP port nothing listens on right now, on 127.0.0.1, for a server started a moment later (often by a child
 * process). Taken from below the kernel's ephemeral range: a port from `listen(0)` comes from that range, and any
 * outgoing connection made before the server binds (the child's own database and Redis connections) may take it
 * and make the bind fail with EADDRINUSE.
 */
export async function freePort(): Promise<number> {
  const high = ephemeralStart() - 1;
  for (let i = 0; high > LOW && i < TRIES; i++) {
    const port = LOW + Math.floor(Math.random() * (high - LOW + 1));
    if (given.has(port)) continue;
    if (await bindable(port)) {
      given.add(port);
      return port;
    }
  }
  return anyPort();
}

function ephemeralStart(): number {
  try {
    const start = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(start) ? start : 0;
  } catch {
    // Not Linux: no range to keep out of.
    return 0;
  }
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function anyPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
