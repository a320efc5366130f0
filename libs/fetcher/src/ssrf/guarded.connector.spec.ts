import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { buildConnector } from 'undici';
import { FetchError, FetchErrorCode } from '../fetch.error';
import { readSsrfList } from '../testing/ssrf-lists.testing';
import { classifyAddress } from './address.policy';
import { createGuardedConnector, type GuardedConnectorOptions, type SocketConnector } from './guarded.connector';

const realConnect = buildConnector({ timeout: 2000 });

describe('createGuardedConnector', () => {
  let server: Server;
  let port: number;
  let accepted: number;
  let attempts: string[];

  // The rule for the private list: a socket factory that refuses anything but loopback, so a bug cannot reach out.
  const loopbackOnly: SocketConnector = (options, callback) => {
    attempts.push(options.hostname);
    if (classifyAddress(options.hostname) !== 'loopback') {
      callback(new Error(`test refused to connect to ${options.hostname}`), null);
      return;
    }
    realConnect(options, callback);
  };

  beforeAll(async () => {
    server = createServer((socket) => {
      accepted++;
      socket.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    accepted = 0;
    attempts = [];
  });

  function connectVia(answers: string[] | Error, options: Partial<GuardedConnectorOptions> = {}): Promise<Socket> {
    const connector = createGuardedConnector({
      connectTimeoutMs: 2000,
      resolve: () => (answers instanceof Error ? Promise.reject(answers) : Promise.resolve(answers)),
      connect: loopbackOnly,
      ...options,
    });
    return new Promise((resolve, reject) => {
      connector({ hostname: 'feed.example', host: 'feed.example', protocol: 'http:', port: String(port) }, (err, socket) => {
        if (err) reject(err);
        else resolve(socket);
      });
    });
  }

  async function refusalOf(promise: Promise<Socket>): Promise<FetchErrorCode | 'connected'> {
    try {
      (await promise).destroy();
      return 'connected';
    } catch (err) {
      if (err instanceof FetchError) return err.code;
      throw err;
    }
  }

  it('refuses a name resolving to any address of the private SSRF list, without opening a socket', async () => {
    const addresses = readSsrfList('private')
      .map((line) => new URL(line).hostname)
      .filter((host) => /^[\d.]+$/.test(host) || host.startsWith('['))
      .map((host) => host.replace(/^\[|\]$/g, ''));
    for (const address of addresses) {
      expect({ address, code: await refusalOf(connectVia([address], { allowLoopback: true })) }).toEqual({
        address,
        code: FetchErrorCode.AddressRefused,
      });
    }
    expect(attempts).toEqual([]);
  });

  it('refuses a mixed public/private answer outright (a rebinding signature)', async () => {
    expect(await refusalOf(connectVia(['93.184.215.14', '10.0.0.1']))).toBe(FetchErrorCode.AddressRefused);
    expect(attempts).toEqual([]);
  });

  it('refuses a name resolving to loopback unless loopback is allowed', async () => {
    expect(await refusalOf(connectVia(['127.0.0.1']))).toBe(FetchErrorCode.AddressRefused);
    expect(accepted).toBe(0);
    expect(await refusalOf(connectVia(['127.0.0.1'], { allowLoopback: true }))).toBe('connected');
    expect(attempts).toEqual(['127.0.0.1']);
  });

  it('connects to the checked address itself, not to the name again', async () => {
    await refusalOf(connectVia(['::ffff:127.0.0.1'], { allowLoopback: true }));
    expect(attempts).toEqual(['::ffff:127.0.0.1']);
  });

  it('checks the address the socket actually reached', async () => {
    // The resolver says "public" but the route lands on loopback (a hijacked route, a proxying resolver...).
    const misrouting: SocketConnector = (options, callback) => {
      attempts.push(options.hostname);
      realConnect({ ...options, hostname: '127.0.0.1' }, callback);
    };
    expect(await refusalOf(connectVia(['93.184.215.14'], { connect: misrouting }))).toBe(FetchErrorCode.AddressRefused);
    expect(attempts).toEqual(['93.184.215.14']);
  });

  it('reports resolver failures as connection failures', async () => {
    const err = await connectVia(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).code).toBe(FetchErrorCode.ConnectionFailed);
    expect((err as FetchError).retryable).toBe(true);
    expect(await refusalOf(connectVia([]))).toBe(FetchErrorCode.ConnectionFailed);
  });

  it('gives up on a resolver that hangs', async () => {
    const hanging = createGuardedConnector({
      connectTimeoutMs: 50,
      resolve: () => new Promise<string[]>(() => undefined),
      connect: loopbackOnly,
    });
    const err = await new Promise<Error | null>((resolve) => {
      hanging({ hostname: 'slow.example', host: 'slow.example', protocol: 'http:', port: String(port) }, (...args) => resolve(args[0]));
    });
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).code).toBe(FetchErrorCode.Timeout);
    expect(attempts).toEqual([]);
  });

  it('tries the next checked address when the first will not connect', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer();
      probe.listen(0, '127.0.0.1', () => {
        const free = (probe.address() as AddressInfo).port;
        probe.close(() => resolve(free));
      });
    });
    const portSwap: SocketConnector = (options, callback) => {
      attempts.push(options.hostname);
      // First address: a closed port (refused); second: the live server.
      realConnect({ ...options, port: String(options.hostname === '127.0.0.2' ? closed : port) }, callback);
    };
    expect(await refusalOf(connectVia(['127.0.0.2', '127.0.0.1'], { allowLoopback: true, connect: portSwap }))).toBe('connected');
    expect(attempts).toEqual(['127.0.0.2', '127.0.0.1']);
  });
});
