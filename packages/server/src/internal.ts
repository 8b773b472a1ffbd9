/**
 * `@waffle-kit/server/internal`: parts that the project's own tools (the bench's hand-written
 * floor) use and applications should not: no stability promise.
 */
export { type HotQuery, type Row, rawReader, timestampMs, truthy } from './db/raw-query.js';
export { LEARNER_QUERIES } from './demo-api/learner-store.js';
export { SESSION_QUERY } from './features/auth/session-store.js';
