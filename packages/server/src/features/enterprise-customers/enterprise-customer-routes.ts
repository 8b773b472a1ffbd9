import { uuidSchema } from '@waffle-kit/contract';
import { API_PATHS } from '@waffle-kit/contract/routes';
import { type Request, Router } from 'express';
import { actorOf } from '../audit/actor.js';
import { adminPath } from '../shared/admin-path.js';
import { parseInput, parseParam } from '../shared/parse-input.js';
import { usernameSchema } from '../users/user-input.js';
import { createEnterpriseCustomerSchema, linkLearnerSchema } from './enterprise-customer-input.js';
import type { EnterpriseCustomerService } from './enterprise-customer-service.js';

const customerUuid = (req: Request) => parseParam(uuidSchema, req, 'uuid');

/** `/api/admin/enterprise-customers` and their learners. */
export function enterpriseCustomerRoutes(customers: EnterpriseCustomerService): Router {
  const router = Router();
  router.get(adminPath(API_PATHS.enterpriseCustomers), async (_req, res) => {
    const results = await customers.list();
    res.json({ count: results.length, results });
  });
  router.post(adminPath(API_PATHS.enterpriseCustomers), async (req, res) => {
    res
      .status(201)
      .json(await customers.create(parseInput(createEnterpriseCustomerSchema, req.body), actorOf(req)));
  });
  router.get(adminPath(API_PATHS.enterpriseCustomerLearners), async (req, res) => {
    const results = await customers.learners(customerUuid(req));
    res.json({ count: results.length, results });
  });
  router.post(adminPath(API_PATHS.enterpriseCustomerLearners), async (req, res) => {
    const uuid = customerUuid(req);
    const input = parseInput(linkLearnerSchema, req.body);
    res.status(201).json(await customers.linkLearner(uuid, input, actorOf(req)));
  });
  router.delete(adminPath(API_PATHS.enterpriseCustomerLearner), async (req, res) => {
    const uuid = customerUuid(req);
    await customers.unlinkLearner(uuid, parseParam(usernameSchema, req, 'username'), actorOf(req));
    res.status(204).end();
  });
  return router;
}
