import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import type { TLSSocket } from 'node:tls';
import { join } from 'node:path';
import { buildConnector } from 'undici';
import { FetchErrorCode } from './fetch.error';
import { closeTestFetchers, fetchErrorOf, fakeDns, testFetcher } from './testing/fetcher.testing';

// The connector dials the checked IP, not the name: these tests show TLS still verifies the certificate against the
// name (SNI and hostname check come from the URL's host).
describe('Fetcher over TLS', () => {
  let server: Server;
  let port: number;
  let cert: Buffer;
  let directory: string;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'copydesk-fetcher-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=feed.example',
        '-addext',
        'subjectAltName=DNS:feed.example',
        '-keyout',
        join(directory, 'key.pem'),
        '-out',
        join(directory, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    cert = readFileSync(join(directory, 'cert.pem'));
    server = createServer({ key: readFileSync(join(directory, 'key.pem')), cert }, (request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' }).end(`sni=${String((request.socket as TLSSocket).servername)}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await closeTestFetchers();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(directory, { recursive: true, force: true });
  });

  const resolve = fakeDns({ 'feed.example': ['127.0.0.1'], 'other.example': ['127.0.0.1'] });
  const trusting = () => buildConnector({ ca: cert, timeout: 2000 });

  it('verifies the certificate against the host name while connecting to the checked address', async () => {
    const result = await testFetcher({ resolve, connect: trusting() }).fetch(`https://feed.example:${port}/`);
    expect(result.text).toBe('sni=feed.example');
  });

  it('refuses a certificate for another name', async () => {
    const error = await fetchErrorOf(testFetcher({ resolve, connect: trusting() }).fetch(`https://other.example:${port}/`));
    expect([error.code, error.retryable]).toEqual([FetchErrorCode.TlsFailed, false]);
  });

  it('refuses an untrusted (self-signed) certificate by default', async () => {
    const error = await fetchErrorOf(testFetcher({ resolve }).fetch(`https://feed.example:${port}/`));
    expect(error.code).toBe(FetchErrorCode.TlsFailed);
  });
});
