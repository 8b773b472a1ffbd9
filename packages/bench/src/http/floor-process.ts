/**
 * The hand-written floor for the server-cost part: a minimal Express app on the same driver
 * (sqlite3) and the same SQLite file as the bench server, answering the learner routes with the
 * same statements (imported from `@waffle-kit/server/internal`) written out by hand: no
 * Sequelize, no middleware but JSON parsing, no flags, CSRF, security headers or fallbacks. What
 * the server costs beyond this is what its own layers cost. Reports its URL over IPC like
 * `server-process.ts`. Configured by environment: BENCH_DATABASE_URL (sqlite:), BENCH_SECRET.
 */
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  type HotQuery,
  LEARNER_QUERIES,
  type Row,
  SESSION_QUERY,
  timestampMs,
  truthy,
} from '@waffle-kit/server/internal';
import express, { type Request } from 'express';
import sqlite3 from 'sqlite3';
import type { ServerMessage } from './server-messages.js';

const file = (process.env.BENCH_DATABASE_URL ?? '').replace(/^sqlite:/, '');
const secret = process.env.BENCH_SECRET ?? 'bench-secret';
const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
db.configure('busyTimeout', 5000);

const all = (query: HotQuery | string, params: readonly unknown[]) =>
  new Promise<Row[]>((resolve, reject) =>
    db.all(typeof query === 'string' ? query : query.sql, params, (error, rows) =>
      error ? reject(error) : resolve(rows as Row[]),
    ),
  );

interface FloorUser {
  id: number;
  username: string;
  groups: string[];
  links: string[];
}
const users = new Map<number, { version: number; user: FloorUser | null }>();

async function loadUser(id: number): Promise<FloorUser | null> {
  const [row] = await all('SELECT id, username, is_active FROM waffle_users WHERE id = ?', [id]);
  if (!row || !truthy(row.is_active)) return null;
  const groups = await all(
    'SELECT g.name FROM waffle_user_groups ug JOIN waffle_groups g ON g.id = ug.group_id WHERE ug.user_id = ?',
    [id],
  );
  const links = await all(
    'SELECT enterprise_customer_uuid FROM waffle_enterprise_customer_users WHERE user_id = ? AND active = 1 AND linked = 1',
    [id],
  );
  return {
    id,
    username: String(row.username),
    groups: groups.map((g) => String(g.name)),
    links: links.map((l) => String(l.enterprise_customer_uuid)),
  };
}

/** The session row and version in one statement, the user from memory unless the version moved. */
async function identity(req: Request): Promise<FloorUser | null> {
  const token = /(?:^|;\s*)waffle_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  if (!token) return null;
  const [row] = await all(SESSION_QUERY, [createHmac('sha256', secret).update(token).digest('hex')]);
  if (!row || timestampMs(row.expires_at) < Date.now()) return null;
  const id = Number(row.user_id);
  const version = Number(row.version);
  const cached = users.get(id);
  if (cached?.version === version) return cached.user;
  const user = await loadUser(id);
  users.set(id, { version, user });
  return user;
}

const customerJson = (row: Row, active: unknown) => ({
  uuid: row.uuid,
  slug: row.slug,
  name: row.name,
  active: truthy(active),
});
const linkJson = (row: Row, username: string) => ({
  id: Number(row.id),
  active: truthy(row.active),
  linked: truthy(row.linked),
  user_id: Number(row.user_id),
  user: { id: Number(row.user_id), username },
  enterprise_customer: row.uuid == null ? null : customerJson(row, row.customer_active),
});

const app = express();
app.disable('x-powered-by');
app.use(express.json());

app.get(['/api/auth/me', '/waffle_status'], async (req, res) => {
  const user = await identity(req);
  if (!user) return void res.status(401).json({ detail: 'not signed in' });
  res.json({ user: { id: user.id, username: user.username, groups: user.groups, linked: user.links } });
});

app.get('/enterprise/api/v1/enterprise-learner/', async (req, res) => {
  const user = await identity(req);
  if (!user) return void res.status(401).json({ detail: 'not signed in' });
  const [counted] = await all(LEARNER_QUERIES.linkCount, [user.id, true]);
  const rows = await all(LEARNER_QUERIES.linkPage, [user.id, true, 10, 0]);
  const count = Number(counted?.n ?? 0);
  res.json({
    count,
    next: null,
    previous: null,
    num_pages: Math.max(1, Math.ceil(count / 10)),
    current_page: 1,
    start: 0,
    results: rows.map((row) => linkJson(row, user.username)),
  });
});

app.post('/api/v1/bffs/learner/dashboard/', async (req, res) => {
  const user = await identity(req);
  if (!user) return void res.status(401).json({ detail: 'not signed in' });
  const links = await all(LEARNER_QUERIES.allLinks, [user.id, true]);
  const [customer] = await all(LEARNER_QUERIES.customerBySlug, [String(req.body?.enterprise_customer_slug)]);
  const enrollments = customer ? await all(LEARNER_QUERIES.enrollments, [user.id, customer.uuid]) : [];
  const active = links.find((link) => truthy(link.active) && link.uuid != null);
  res.json({
    enterprise_customer: customer ? customerJson(customer, customer.active) : null,
    all_linked_enterprise_customer_users: links.map((row) => linkJson(row, user.username)),
    active_enterprise_customer: active ? customerJson(active, active.customer_active) : null,
    enterprise_course_enrollments: enrollments.map((row) => ({
      course_run_id: row.course_run_id,
      display_name: row.display_name,
      org_name: row.org_name,
      course_run_status: row.course_run_status,
      created: new Date(timestampMs(row.created_at)).toISOString(),
    })),
    errors: [],
    warnings: [],
  });
});

const server = app.listen(0, '127.0.0.1', () => {
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ready: ServerMessage = { type: 'ready', embeddedUrl: url, plainUrl: url };
  process.send?.(ready);
});
const stop = () => {
  server.closeAllConnections();
  server.close();
  db.close(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('disconnect', stop);
