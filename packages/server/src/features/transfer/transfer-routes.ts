import { Router } from 'express';
import type { InTransaction } from '../../db/transaction.js';
import { actorOf } from '../audit/actor.js';
import { exportFlagState, importFlagState } from './transfer-service.js';

/** `GET /api/admin/export` and `POST /api/admin/import` (ours or Waffle's dumpdata). */
export function transferRoutes(inTransaction: InTransaction): Router {
  const router = Router();
  router.get('/export', async (_req, res) => {
    res.json(await exportFlagState());
  });
  router.post('/import', async (req, res) => {
    res.json(await importFlagState(inTransaction, req.body, actorOf(req)));
  });
  return router;
}
