import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox('k'.repeat(40));

  it('round-trips a secret and never stores it in the clear', () => {
    const sealed = box.seal('hunter2-partner-token');
    expect(sealed).not.toContain('hunter2');
    expect(box.open(sealed)).toBe('hunter2-partner-token');
    expect(box.openJson(box.sealJson({ type: 'basic', username: 'a', password: 'b' }))).toEqual({
      type: 'basic',
      username: 'a',
      password: 'b',
    });
  });

  it('uses a fresh IV each time', () => {
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('refuses a value sealed under another key or altered', () => {
    const sealed = box.seal('secret');
    expect(() => new SecretBox('x'.repeat(40)).open(sealed)).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
    expect(() => box.open('plain text')).toThrow('not a sealed secret');
  });

  it('refuses a short key', () => {
    expect(() => new SecretBox('short')).toThrow(RangeError);
  });
});
