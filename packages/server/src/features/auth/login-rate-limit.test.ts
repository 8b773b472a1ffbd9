import { describe, expect, it } from 'vitest';
import { LoginRateLimiter } from './login-rate-limit.js';

describe('LoginRateLimiter', () => {
  it('blocks a key after the allowed failures until the window has passed', () => {
    let now = 0;
    const limiter = new LoginRateLimiter(3, 1000, () => now);
    for (let i = 0; i < 3; i++) limiter.fail('ip:lina');

    expect(limiter.retryAfterMs('ip:lina')).toBe(1000);
    expect(limiter.retryAfterMs('ip:other')).toBe(0);
    now = 1001;
    expect(limiter.retryAfterMs('ip:lina')).toBe(0);
  });

  it('forgets failures of a key on reset', () => {
    const limiter = new LoginRateLimiter(1, 1000);
    limiter.fail('k');
    limiter.reset('k');
    expect(limiter.retryAfterMs('k')).toBe(0);
  });

  it('takes back only the newest failure on forgive', () => {
    const limiter = new LoginRateLimiter(2, 1000);
    limiter.fail('k');
    limiter.fail('k');
    limiter.forgive('k');
    expect(limiter.retryAfterMs('k')).toBe(0);
    limiter.fail('k');
    expect(limiter.retryAfterMs('k')).toBeGreaterThan(0);
  });
});
