import { Router } from 'express';
import { actorOf } from '../admin/require-admin.js';
import { parseInput } from '../shared/parse-input.js';
import { createEnterpriseCustomerSchema, linkLearnerSchema } from './enterprise-customer-input.js';
import type { EnterpriseCustomerService } from './enterprise-customer-service.js';

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
    const results = await customers.learners(req.params.uuid);
    res.json({ count: results.length, results });
  });
  router.post('/enterprise-customers/:uuid/learners', async (req, res) => {
    const input = parseInput(linkLearnerSchema, req.body);
    res.status(201).json(await customers.linkLearner(req.params.uuid, input, actorOf(req)));
  });
  router.delete('/enterprise-customers/:uuid/learners/:username', async (req, res) => {
    await customers.unlinkLearner(req.params.uuid, req.params.username, actorOf(req));
    res.status(204).end();
  });
  return router;
}
