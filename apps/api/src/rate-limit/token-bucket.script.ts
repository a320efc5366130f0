/**
 * One token bucket in a Redis hash, taken atomically: refill by the time passed (Redis's own clock, so every API
 * process agrees), then take `cost` tokens if there are that many. `cost` 0 only looks.
 * Returns {allowed (0|1), tokens left ×1000, ms until one token, ms until full}.
 */
const BUCKET_FUNCTION = `
local function bucket(key, capacity, window, cost, now)
  local state = redis.call('HMGET', key, 'tokens', 'at')
  local tokens = tonumber(state[1])
  local at = tonumber(state[2])
  if tokens == nil or at == nil then
    tokens = capacity
    at = now
  end
  local rate = capacity / window
  tokens = math.min(capacity, tokens + math.max(0, now - at) * rate)
  local allowed = 0
  if tokens >= cost then
    tokens = tokens - cost
    allowed = 1
  end
  if cost > 0 then
    redis.call('HSET', key, 'tokens', tostring(tokens), 'at', tostring(now))
    redis.call('PEXPIRE', key, math.ceil((capacity - tokens) / rate) + 1000)
  end
  local untilOne = 0
  if tokens < 1 then untilOne = math.ceil((1 - tokens) / rate) end
  return {allowed, math.floor(tokens * 1000), untilOne, math.ceil((capacity - tokens) / rate)}
end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
`;

/**
 * KEYS[1] the bucket; ARGV capacity, window in ms, cost. Returns the bucket's answer (see BUCKET_FUNCTION), then the
 * API keys' version (KEYS[2], when given).
 */
export const TOKEN_BUCKET_SCRIPT = `${BUCKET_FUNCTION}
local result = bucket(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), now)
if KEYS[2] then table.insert(result, redis.call('GET', KEYS[2]) or '0') end
return result
`;

/**
 * A keyed request's whole admission in one round trip. KEYS[1] the address's failed-authentication bucket, only
 * looked at: with less than one token left the request is refused before the key counts (blocked = 1, the failure
 * bucket's answer). Otherwise a token from KEYS[2], the key's bucket for the scope (blocked = 0, that bucket's
 * answer). Last, the API keys' version (KEYS[3]), which tells a process whether the key it remembers may have changed.
 * ARGV failure capacity, failure window in ms, key capacity, key window in ms.
 */
export const ADMIT_SCRIPT = `${BUCKET_FUNCTION}
local version = redis.call('GET', KEYS[3]) or '0'
local failures = bucket(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), 0, now)
if failures[2] < 1000 then return {1, failures[1], failures[2], failures[3], failures[4], version} end
local taken = bucket(KEYS[2], tonumber(ARGV[3]), tonumber(ARGV[4]), 1, now)
return {0, taken[1], taken[2], taken[3], taken[4], version}
`;
