import { API_PATHS } from '@waffle-kit/contract/routes';
import { Router } from 'express';
import type { InTransaction } from '../../db/transaction.js';
import type { SnapshotCache } from '../../snapshot/snapshot-cache.js';
import { auditRoutes } from '../audit/audit-routes.js';
import { enterpriseCustomerRoutes } from '../enterprise-customers/enterprise-customer-routes.js';
import { enterpriseCustomerService } from '../enterprise-customers/enterprise-customer-service.js';
import { explainRoutes } from '../explain/explain-routes.js';
import { createFlagSetSchema, updateFlagSetSchema } from '../flag-sets/flag-set-input.js';
import { flagSetService } from '../flag-sets/flag-set-service.js';
import { flagRoutes } from '../flags/flag-routes.js';
import { flagService } from '../flags/flag-service.js';
import { createSampleSchema, updateSampleSchema } from '../samples/sample-input.js';
import { sampleService } from '../samples/sample-service.js';
import { namedObjectRoutes } from '../shared/named-object-routes.js';
import { createSwitchSchema, updateSwitchSchema } from '../switches/switch-input.js';
import { switchService } from '../switches/switch-service.js';
import { transferRoutes } from '../transfer/transfer-routes.js';
import { userRoutes } from '../users/user-routes.js';
import { userService } from '../users/user-service.js';
import { requireAdmin } from './require-admin.js';

/** Everything under `/api/admin`: staff or superusers only. */
export function adminRoutes(inTransaction: InTransaction, snapshot: SnapshotCache): Router {
  const router = Router();
  router.use(requireAdmin);
  router.use(explainRoutes(snapshot));
  router.use(flagRoutes(flagService(inTransaction)));
  router.use(
    namedObjectRoutes(
      { collection: API_PATHS.switches, item: API_PATHS.switch },
      switchService(inTransaction),
      {
        create: createSwitchSchema,
        update: updateSwitchSchema,
      },
    ),
  );
  router.use(
    namedObjectRoutes(
      { collection: API_PATHS.samples, item: API_PATHS.sample },
      sampleService(inTransaction),
      {
        create: createSampleSchema,
        update: updateSampleSchema,
      },
    ),
  );
  router.use(
    namedObjectRoutes(
      { collection: API_PATHS.flagSets, item: API_PATHS.flagSet },
      flagSetService(inTransaction),
      {
        create: createFlagSetSchema,
        update: updateFlagSetSchema,
      },
    ),
  );
  router.use(userRoutes(userService(inTransaction)));
  router.use(enterpriseCustomerRoutes(enterpriseCustomerService(inTransaction)));
  router.use(transferRoutes(inTransaction));
  router.use(auditRoutes());
  return router;
}
