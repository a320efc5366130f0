import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { freePort } from './free-port';

function listenOn(port: number): Promise<() => Promise<void>> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(() => new Promise((done) => server.close(() => done()))));
  });
}

describe('freePort', () => {
  it('gives ports that can be bound, never the same one twice', async () => {
    const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));
    expect(new Set(ports).size).toBe(ports.length);
    const closers = await Promise.all(ports.map((port) => listenOn(port)));
    await Promise.all(closers.map((close) => close()));
  });

  it('keeps out of the range the kernel takes outgoing connections from', async () => {
    const range = (() => {
      try {
        return readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8');
      } catch {
        return null;
      }
    })();
    if (range === null) return; // Not Linux: nothing to keep out of.
    const start = Number(range.trim().split(/\s+/)[0]);
    for (let i = 0; i < 10; i++) expect(await freePort()).toBeLessThan(start);
  });
});
