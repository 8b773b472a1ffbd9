import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import type { Logger } from '../logger.js';
import { errorHandler } from './error-handler.js';

const SECRET = 'body-s3cret-NEVER-logged';
const entries: unknown[] = [];
const logger: Logger = {
  info: (message, details) => entries.push({ message, details }),
  warn: (message, details) => entries.push({ message, details }),
  error: (message, details) => entries.push({ message, details }),
};

const app = express();
app.use(express.json({ limit: '1kb' }));
app.post('/fails', () => {
  throw new Error('the store broke');
});
app.use(errorHandler(logger));
const server = app.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

afterAll(() => new Promise((resolve) => server.close(resolve)));

const post = (path: string, body: string) =>
  fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('errorHandler', () => {
  it('logs a failed request without its body, and answers without echoing it', async () => {
    const responses = await Promise.all([
      post('/fails', JSON.stringify({ username: 'lina', password: SECRET })),
      post('/fails', `{"password": "${SECRET}"`),
      post('/fails', JSON.stringify({ password: SECRET, padding: 'x'.repeat(2000) })),
    ]);
    const texts = await Promise.all(responses.map((response) => response.text()));
    const logged = JSON.stringify(entries, (_key, value: unknown) =>
      value instanceof Error ? { ...value, message: value.message, stack: value.stack } : value,
    );
    console.log(
      `[access] error handler: ${responses.length} failing requests with a password in the body -> ${responses.map((r) => r.status).join(',')}, ${entries.length} log entries, password in logs: ${logged.includes(SECRET)}, in responses: ${texts.some((text) => text.includes(SECRET))}`,
    );

    expect(responses.map((response) => response.status)).toEqual([500, 400, 413]);
    expect(entries).toHaveLength(1);
    expect(logged).toContain('the store broke');
    expect(logged).not.toContain(SECRET);
    expect(texts.join('\n')).not.toContain(SECRET);
  });
});
