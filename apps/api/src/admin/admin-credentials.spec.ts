import { adminCredentials } from './admin-credentials';

const basic = (userAndPassword: string): string => `Basic ${Buffer.from(userAndPassword, 'utf8').toString('base64')}`;

describe('adminCredentials', () => {
  it('reads a bearer key', () => {
    expect(adminCredentials('Bearer cdk_abc-123')).toEqual({ scheme: 'bearer', key: 'cdk_abc-123' });
    expect(adminCredentials('bearer   cdk_abc ')).toEqual({ scheme: 'bearer', key: 'cdk_abc' });
  });

  it('reads the key from the password of Basic auth, whatever the user name', () => {
    expect(adminCredentials(basic('admin:cdk_secret'))).toEqual({ scheme: 'basic', key: 'cdk_secret' });
    expect(adminCredentials(basic(':cdk_secret'))).toEqual({ scheme: 'basic', key: 'cdk_secret' });
    // Only the first colon separates: a key may contain more.
    expect(adminCredentials(basic('ops:a:b'))).toEqual({ scheme: 'basic', key: 'a:b' });
  });

  it('finds no key in a missing, empty or malformed header', () => {
    for (const header of [
      undefined,
      '',
      'Bearer',
      'Bearer a b',
      'Token abc',
      'Basic',
      'Basic !!!',
      basic('no-colon'),
      basic('user:'),
      basic('user:two words'),
    ]) {
      expect(adminCredentials(header)).toBeNull();
    }
  });
});
