import { nameSchema } from '@waffle-kit/contract';
import { API_PATHS } from '@waffle-kit/contract/routes';
import { Router } from 'express';
import type { SnapshotCache } from '../../snapshot/snapshot-cache.js';
import { adminPath } from '../shared/admin-path.js';
import { parseParam } from '../shared/parse-input.js';
import { explainFlag } from './explain-service.js';

/** `GET /api/admin/flags/:name/explain?username=&enterprise_customer_uuid=`. */
export function explainRoutes(snapshot: SnapshotCache): Router {
  const router = Router();
  router.get(adminPath(API_PATHS.flagExplain), async (req, res) => {
    const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
    res.json(
      await explainFlag(snapshot, parseParam(nameSchema, req, 'name'), {
        username: text(req.query.username),
        enterpriseCustomerUuid: text(req.query.enterprise_customer_uuid),
      }),
    );
  });
  return router;
}
