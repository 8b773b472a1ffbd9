import { uuidSchema } from '@waffle-kit/contract';
import { type Request, Router } from 'express';
import { actorOf } from '../audit/actor.js';
import { parseInput, parseParam } from '../shared/parse-input.js';
import { usernameSchema } from '../users/user-input.js';
import { createEnterpriseCustomerSchema, linkLearnerSchema } from './enterprise-customer-input.js';
import type { EnterpriseCustomerService } from './enterprise-customer-service.js';

const customerUuid = (req: Request) => parseParam(uuidSchema, req, 'uuid');

/** `/api/admin/enterprise-customers` and their learners. */
export function enterpriseCustomerRoutes(customers: EnterpriseCustomerService): Router {
  const router = Router();
  router.get('/enterprise-customers', async (_req, res) => {
    const results = await customers.list();
    res.json({ count: results.length, results });
  });
  router.post('/enterprise-customers', async (req, res) => {
    res
      .status(201)
      .json(await customers.create(parseInput(createEnterpriseCustomerSchema, req.body), actorOf(req)));
  });
  router.get('/enterprise-customers/:uuid/learners', async (req, res) => {
    const results = await customers.learners(customerUuid(req));
    res.json({ count: results.length, results });
  });
  router.post('/enterprise-customers/:uuid/learners', async (req, res) => {
    const uuid = customerUuid(req);
    const input = parseInput(linkLearnerSchema, req.body);
    res.status(201).json(await customers.linkLearner(uuid, input, actorOf(req)));
  });
  router.delete('/enterprise-customers/:uuid/learners/:username', async (req, res) => {
    const uuid = customerUuid(req);
    await customers.unlinkLearner(uuid, parseParam(usernameSchema, req, 'username'), actorOf(req));
    res.status(204).end();
  });
  return router;
}
