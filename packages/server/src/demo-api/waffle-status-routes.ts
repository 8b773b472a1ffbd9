import type { WaffleStatusItems } from '@waffle-kit/contract';
import { API_PATHS } from '@waffle-kit/contract/routes';
import { sampleIsActive } from '@waffle-kit/core';
import { Router } from 'express';
import type { Embedding } from '../embedding/embedding.js';
import { getRequestUser } from '../features/auth/request-user.js';
import type { SnapshotCache } from '../snapshot/snapshot-cache.js';
import { assertEnterpriseAccess } from './enterprise-access.js';
import { enterpriseUuidQuery, flagSetsQuery } from './enterprise-params.js';

type Status = WaffleStatusItems;

/**
 * `GET /waffle_status` (django-waffle compatible): `{ flags, switches, samples }`, each
 * `{ [name]: { is_active, last_modified } }`, plus the embedded `enterprise_features` fields.
 * `?set=learner-portal,admin` evaluates only those flag sets (default: the app's sets).
 * Works anonymously (and sets the anonymous-id cookie); `?enterprise_customer_uuid=` evaluates
 * for a customer the user may see. No database query. Its `flags` are the embedding's own
 * `enterprise_features`, so the two never disagree (empty when evaluation failed, which is logged).
 */
export function waffleStatusRoutes(embedding: Embedding, snapshot: SnapshotCache): Router {
  const router = Router();
  router.get(API_PATHS.waffleStatus, (req, res) => {
    const uuid = enterpriseUuidQuery(req.query);
    if (uuid) assertEnterpriseAccess(getRequestUser(req), uuid);
    const sets = flagSetsQuery(req.query);
    const { state, compiled } = snapshot;
    res.set('Cache-Control', 'private, no-store');
    embedding.send(
      req,
      res,
      (embedded) => {
        const flags: Status = {};
        for (const [name, isActive] of Object.entries(embedded?.enterprise_features ?? {})) {
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
        return { flags, switches, samples };
      },
      { enterpriseCustomerUuid: uuid, ...(sets ? { sets } : {}) },
    );
  });
  return router;
}
