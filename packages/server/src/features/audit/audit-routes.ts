import { ADMIN_PREFIX, API_PATHS, below } from '@waffle-kit/contract/routes';
import { Router } from 'express';
import { listAudit } from './audit-store.js';

/** `GET /api/admin/audit?object_type=&object_name=&limit=`: newest first. */
export function auditRoutes(): Router {
  const router = Router();
  router.get(below(ADMIN_PREFIX, API_PATHS.audit), async (req, res) => {
    const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
    const limit = Math.min(Math.max(Number(req.query.limit) || 100, 1), 1000);
    const results = await listAudit({
      objectType: text(req.query.object_type),
      objectName: text(req.query.object_name),
      limit,
    });
    res.json({ count: results.length, results });
  });
  return router;
}
