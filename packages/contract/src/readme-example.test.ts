import { describe, expect, it } from 'vitest';
import { dashboard, drifted, notFound } from '../examples/validate-response.js';

describe('the README example', () => {
  it('accepts the dashboard as the server sends it and rejects one evaluated for another customer', () => {
    expect(dashboard.success).toBe(true);
    expect(drifted.success).toBe(false);
    expect(notFound.error.code).toBe('not_found');
  });
});
