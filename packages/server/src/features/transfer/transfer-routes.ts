import { nameSchema } from '@waffle-kit/contract';
import { API_PATHS } from '@waffle-kit/contract/routes';
import { Router } from 'express';
import { z } from 'zod';
import type { InTransaction } from '../../db/transaction.js';
import { actorOf } from '../audit/actor.js';
import { adminPath } from '../shared/admin-path.js';
import { parseInput } from '../shared/parse-input.js';
import { exportFlagState, importFlagState } from './transfer-service.js';

/** `?default_set=`: the flag set a Waffle dump's flags join (DEFAULT_IMPORT_SET without it). */
const importQuerySchema = z.object({ default_set: nameSchema.optional() });

/** `GET /api/admin/export` and `POST /api/admin/import` (ours or Waffle's dumpdata). */
export function transferRoutes(inTransaction: InTransaction): Router {
  const router = Router();
  router.get(adminPath(API_PATHS.export), async (_req, res) => {
    res.json(await exportFlagState());
  });
  router.post(adminPath(API_PATHS.import), async (req, res) => {
    const { default_set: defaultSet } = parseInput(importQuerySchema, req.query);
    res.json(await importFlagState(inTransaction, req.body, actorOf(req), { defaultSet }));
  });
  return router;
}
