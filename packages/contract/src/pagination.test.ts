import { describe, expect, it } from 'vitest';
import { learnerPage, positiveIntParam } from './pagination.js';

describe('learner list pagination', () => {
  it('reads a positive integer and falls back for anything else', () => {
    expect(positiveIntParam('3', 1)).toBe(3);
    for (const bad of [undefined, null, '', '0', '-1', '2.5', 'abc'])
      expect(positiveIntParam(bad, 7)).toBe(7);
  });

  it('defaults to page 1 of 10 and caps the page size at 100', () => {
    expect(learnerPage(undefined, undefined)).toEqual({ page: 1, pageSize: 10 });
    expect(learnerPage('2', '500')).toEqual({ page: 2, pageSize: 100 });
  });
});
