import { Router } from 'express';
import type { InTransaction } from '../../db/transaction.js';
import { auditRoutes } from '../audit/audit-routes.js';
import { flagRoutes } from '../flags/flag-routes.js';
import { flagService } from '../flags/flag-service.js';
import { requireAdmin } from './require-admin.js';

/** Everything under `/api/admin`: staff or superusers only. */
export function adminRoutes(inTransaction: InTransaction): Router {
  const router = Router();
  router.use(requireAdmin);
  router.use(flagRoutes(flagService(inTransaction)));
  router.use(auditRoutes());
  return router;
}
