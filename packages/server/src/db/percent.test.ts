import { describe, expect, it } from 'vitest';
import { fromTenths, toTenths } from './percent.js';

describe('percent tenths', () => {
  it('round-trips every one-decimal percentage exactly', () => {
    for (let tenths = 0; tenths <= 1000; tenths++) {
      const percent = Number((tenths / 10).toFixed(1));
      expect(toTenths(percent)).toBe(tenths);
      expect(fromTenths(toTenths(percent))).toBe(percent);
    }
  });
});
