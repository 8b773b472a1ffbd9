import { createWaffle, type Waffle } from '@waffle-kit/server';
import express, { type Express } from 'express';

export async function createHostApp(databaseUrl: string): Promise<{ app: Express; waffle: Waffle }> {
  const waffle = await createWaffle({ databaseUrl });
  const app = express();
  // Every JSON object this app sends now carries the global enterprise_features and their meta.
  app.use(waffle.middleware);
  app.get('/api/courses', (req, res) => {
    const enterpriseCustomerUuid = String(req.query.enterprise_customer_uuid ?? '') || null;
    const v2 = waffle.isEnabled('enterprise.dashboard_v2', req, { enterpriseCustomerUuid });
    // send: the same res.json, with the flags evaluated for the customer this response is about.
    waffle.send(req, res, { layout: v2 ? 'v2' : 'classic', courses: [] }, { enterpriseCustomerUuid });
  });
  return { app, waffle };
}
