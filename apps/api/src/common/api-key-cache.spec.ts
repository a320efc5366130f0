import { ApiScope } from '@copydesk/contracts';
import { ApiKeyCache } from './api-key-cache';
import type { AuthContext } from './auth-context';

const auth: AuthContext = { keyId: 'k1', keyName: 'cms', scopes: [ApiScope.Read], sourceIds: null, defaultSourceId: null };

describe('ApiKeyCache', () => {
  it('remembers a key with the version it was looked up at', () => {
    const cache = new ApiKeyCache(1000);
    cache.set('h', auth, null, '7', 0);
    expect(cache.get('h', 500)).toMatchObject({ auth, version: '7' });
    expect(cache.get('other', 500)).toBeNull();
  });

  it('forgets a key once its time is up, or once the key has expired', () => {
    const cache = new ApiKeyCache(1000);
    cache.set('old', auth, null, '1', 0);
    expect(cache.get('old', 1000)).toBeNull();
    cache.set('expiring', auth, new Date(600), '1', 0);
    expect(cache.get('expiring', 599)).not.toBeNull();
    expect(cache.get('expiring', 600)).toBeNull();
  });

  it('forgets a key on request', () => {
    const cache = new ApiKeyCache(1000);
    cache.set('h', auth, null, '1', 0);
    cache.delete('h');
    expect(cache.get('h', 1)).toBeNull();
  });
});
