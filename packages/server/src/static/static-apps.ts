import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';

/**
 * Serves a built single-page app from `dir` (when it exists) with an SPA fallback: a GET for a
 * page that is not a file gets `index.html`, so client-side routes survive a reload. Returns
 * null when the app has not been built.
 */
export function staticApp(dir: string): Router | null {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return null;
  const router = express.Router();
  router.use(express.static(dir, { index: 'index.html', fallthrough: true }));
  router.get(/.*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    res.sendFile(index);
  });
  return router;
}
