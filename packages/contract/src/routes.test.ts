import { describe, expect, it } from 'vitest';
import { ADMIN_PREFIX, API_PATHS, below, pathTo } from './routes.js';

describe('the API paths', () => {
  it('fill each parameter URL-encoded, keeping dots', () => {
    expect(pathTo(API_PATHS.flag, { name: 'enterprise.dashboard_v2' })).toBe(
      '/api/admin/flags/enterprise.dashboard_v2',
    );
    expect(pathTo(API_PATHS.enterpriseCustomerLearner, { uuid: 'a/b', username: 'al ice' })).toBe(
      '/api/admin/enterprise-customers/a%2Fb/learners/al%20ice',
    );
  });

  it('give a router mounted at a prefix the rest of the path, and refuse a path outside it', () => {
    expect(below(ADMIN_PREFIX, API_PATHS.flagExplain)).toBe('/flags/:name/explain');
    expect(() => below(ADMIN_PREFIX, API_PATHS.waffleStatus)).toThrow(/not below \/api\/admin/);
  });
});
