import { lookup } from 'node:dns/promises';
import { isIP, type Socket } from 'node:net';
import { buildConnector } from 'undici';
import { FetchError, FetchErrorCode } from '../fetch.error';
import { asError } from '../fetch-error.mapper';
import { type AddressPolicyOptions, classifyAddress, isAllowedClass } from './address.policy';

/** Resolves a host name to its addresses. Injected in tests to play DNS (rebinding, wildcard-DNS services). */
export type HostResolver = (hostname: string) => Promise<string[]>;

/**
 * Opens a socket; receives the already-checked IP address as `hostname` (and the original `host` for TLS SNI).
 * Undici's connector shape, so tests can pass a factory that refuses anything but loopback.
 */
export type SocketConnector = buildConnector.connector;

/** Options for {@link createGuardedConnector}. */
export interface GuardedConnectorOptions extends AddressPolicyOptions {
  connectTimeoutMs: number;
  resolve?: HostResolver;
  connect?: SocketConnector;
  /** Addresses tried in turn when the first will not connect. */
  maxAttempts?: number;
}

/** The operating system's resolver (getaddrinfo), every address, in the order it gives them. */
export const systemResolver: HostResolver = async (hostname) => {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map((answer) => answer.address);
};

/**
 * A connector for undici that resolves the host itself, refuses if ANY resolved address is forbidden, connects to
 * a checked IP literal (so DNS cannot change between check and connect), and checks the socket's remote address
 * once connected. A mixed public/private answer is refused outright: it is what a rebinding attack looks like.
 */
export function createGuardedConnector(options: GuardedConnectorOptions): SocketConnector {
  const resolve = options.resolve ?? systemResolver;
  const connect = options.connect ?? buildConnector({ timeout: options.connectTimeoutMs });
  const maxAttempts = options.maxAttempts ?? 2;

  return (connectOptions, callback) => {
    const port = Number(connectOptions.port) || (connectOptions.protocol === 'https:' ? 443 : 80);
    const policy = { ...options, port };
    resolveChecked(connectOptions.hostname, resolve, policy, options.connectTimeoutMs)
      .then((addresses) => connectFirst(addresses.slice(0, maxAttempts), connectOptions, connect, policy))
      .then(
        (socket) => callback(null, socket),
        (err: unknown) => callback(asError(err), null),
      );
  };
}

async function resolveChecked(
  hostname: string,
  resolve: HostResolver,
  policy: AddressPolicyOptions & { port: number },
  timeoutMs: number,
): Promise<string[]> {
  let addresses: string[];
  if (isIP(hostname) !== 0) {
    addresses = [hostname];
  } else {
    try {
      addresses = await withTimeout(resolve(hostname), timeoutMs, `resolving ${hostname}`);
    } catch (err) {
      if (err instanceof FetchError) throw err;
      throw new FetchError(FetchErrorCode.ConnectionFailed, `cannot resolve ${hostname}`, { cause: err });
    }
  }
  if (addresses.length === 0) throw new FetchError(FetchErrorCode.ConnectionFailed, `${hostname} has no address`);
  for (const address of addresses) assertAllowed(address, hostname, policy);
  return addresses;
}

function assertAllowed(address: string, hostname: string, policy: AddressPolicyOptions & { port: number }): void {
  const kind = classifyAddress(address);
  if (!isAllowedClass(kind, policy)) {
    throw new FetchError(FetchErrorCode.AddressRefused, `${hostname} resolves to ${address} (${kind}), which is not fetched`);
  }
}

async function connectFirst(
  addresses: string[],
  connectOptions: buildConnector.Options,
  connect: SocketConnector,
  policy: AddressPolicyOptions & { port: number },
): Promise<Socket> {
  let lastError: unknown;
  for (const address of addresses) {
    try {
      const socket = await connectTo(address, connectOptions, connect);
      // Belt and braces: the kernel's view of the peer, not ours, is what must be allowed.
      const remote = socket.remoteAddress;
      if (remote === undefined || !isAllowedClass(classifyAddress(remote), policy)) {
        socket.destroy();
        throw new FetchError(FetchErrorCode.AddressRefused, `connected to ${remote ?? 'an unknown address'}, which is not fetched`);
      }
      return socket;
    } catch (err) {
      if (err instanceof FetchError && err.code === FetchErrorCode.AddressRefused) throw err;
      lastError = err;
    }
  }
  throw lastError;
}

function connectTo(address: string, connectOptions: buildConnector.Options, connect: SocketConnector): Promise<Socket> {
  return new Promise((resolvePromise, reject) => {
    // `host` keeps the original name, from which undici derives the TLS server name (SNI and certificate check).
    connect({ ...connectOptions, hostname: address }, (err, socket) => {
      if (err) reject(err);
      else if (socket) resolvePromise(socket);
      else reject(new FetchError(FetchErrorCode.ConnectionFailed, 'connector returned no socket'));
    });
  });
}

// getaddrinfo can hang far longer than a fetch may; a stuck lookup would also hold up every request to that origin.
function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new FetchError(FetchErrorCode.Timeout, `${what} took over ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
