/**
 * One token bucket in a Redis hash, taken atomically: refill by the time passed (Redis's own clock, so every API
 * process agrees), then take `cost` tokens if there are that many. `cost` 0 only looks.
 * KEYS[1] the bucket; ARGV capacity, window in ms, cost.
 * Returns {allowed (0|1), tokens left ×1000, ms until one token, ms until full}.
 */
export const TOKEN_BUCKET_SCRIPT = `
local capacity = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
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
  redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
  redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / rate) + 1000)
end
local untilOne = 0
if tokens < 1 then untilOne = math.ceil((1 - tokens) / rate) end
return {allowed, math.floor(tokens * 1000), untilOne, math.ceil((capacity - tokens) / rate)}
`;
