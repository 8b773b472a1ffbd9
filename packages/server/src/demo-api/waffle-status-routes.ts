import { sampleIsActive } from '@waffle-kit/core';
import { Router } from 'express';
import { type EmbedFlagsOptions, evaluateForResponse } from '../embedding/embed-flags.js';
import { getRequestUser } from '../embedding/request-user.js';
import { assertEnterpriseAccess } from './enterprise-access.js';
import { enterpriseUuidQuery } from './enterprise-params.js';

type Status = Record<string, { is_active: boolean; last_modified: string | null }>;

/**
 * `GET /waffle_status` (django-waffle compatible): `{ flags, switches, samples }`, each
 * `{ [name]: { is_active, last_modified } }`, plus the embedded `enterprise_features` fields.
 * Works anonymously (and sets the anonymous-id cookie); `?enterprise_customer_uuid=` evaluates
 * for a customer the user may see. No database query.
 */
export function waffleStatusRoutes(options: EmbedFlagsOptions): Router {
  const router = Router();
  router.get('/waffle_status', (req, res) => {
    const uuid = enterpriseUuidQuery(req.query);
    if (uuid) assertEnterpriseAccess(getRequestUser(req), uuid);
    const { state, compiled } = options.snapshot;
    const embedded = evaluateForResponse(req, res, options, { enterpriseCustomerUuid: uuid });
    const values = embedded.enterprise_features as Record<string, boolean>;
    const flags: Status = {};
    for (const [name, isActive] of Object.entries(values)) {
      flags[name] = { is_active: isActive, last_modified: state.modified.flags.get(name) ?? null };
    }
    const switches: Status = {};
    for (const item of state.snapshot.switches ?? []) {
      switches[item.name] = {
        is_active: item.active,
        last_modified: state.modified.switches.get(item.name) ?? null,
      };
    }
    const samples: Status = {};
    for (const item of state.snapshot.samples ?? []) {
      samples[item.name] = {
        is_active: sampleIsActive(compiled, item.name),
        last_modified: state.modified.samples.get(item.name) ?? null,
      };
    }
    res.set('Cache-Control', 'private, no-store');
    res.json({ flags, switches, samples, ...embedded });
  });
  return router;
}
