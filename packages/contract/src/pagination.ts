// How the learner list reads `?page=` and `?page_size=`, once for the server and its mocks. No
// zod here, so the MSW kit's entries stay free of it.

/** `?page_size=` of `GET /enterprise/api/v1/enterprise-learner/`: 10 unless given, at most 100. */
export const LEARNER_PAGE_SIZE = { default: 10, max: 100 } as const;

/**
 * A page number or size from the query: a positive integer (capped at `max`), anything else
 * (missing, `0`, `-1`, `2.5`, `abc`) the fallback, as edx-enterprise's paginator does.
 */
export function positiveIntParam(value: unknown, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const number = Number(value ?? undefined);
  return Number.isInteger(number) && number > 0 ? Math.min(number, max) : fallback;
}

/** The page and page size a learner list request asks for. */
export function learnerPage(page: unknown, pageSize: unknown): { page: number; pageSize: number } {
  return {
    page: positiveIntParam(page, 1),
    pageSize: positiveIntParam(pageSize, LEARNER_PAGE_SIZE.default, LEARNER_PAGE_SIZE.max),
  };
}
