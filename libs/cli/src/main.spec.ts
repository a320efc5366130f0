import { PassThrough } from 'node:stream';
import { main } from './main';

// Records which command modules get required (the real modules still load).
const mockLoaded: string[] = [];
jest.mock('./commands/extract.command', () => {
  mockLoaded.push('extract');
  return jest.requireActual<object>('./commands/extract.command');
});
jest.mock('./commands/enrich.command', () => {
  mockLoaded.push('enrich');
  return jest.requireActual<object>('./commands/enrich.command');
});

function io(): { stdout: PassThrough; stderr: PassThrough; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks: Buffer[] = [];
  stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stdout, stderr, err: () => Buffer.concat(chunks).toString('utf8') };
}

describe('copydesk main', () => {
  it('lists every command with its summary without loading them', async () => {
    const streams = io();
    expect(await main([], streams)).toBe(2);
    expect(streams.err()).toMatch(/enrich +enrich articles/);
    expect(streams.err()).toMatch(/extract +extract articles/);
  });

  it('refuses an unknown command with a message and exit code 2', async () => {
    const streams = io();
    expect(await main(['publish'], streams)).toBe(2);
    expect(streams.err()).toContain('unknown command "publish"');
  });

  it('loads only the command it runs', async () => {
    expect(mockLoaded).toEqual([]);
    expect(await main(['extract', '--help'], io())).toBe(0);
    expect(mockLoaded).toEqual(['extract']);
    expect(await main(['enrich', '--help'], io())).toBe(0);
    expect(mockLoaded).toEqual(['extract', 'enrich']);
  });
});
