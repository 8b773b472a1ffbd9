import {
  type FlagBulkResponse,
  type FlagListResponse,
  flagBulkBodySchema,
  nameSchema,
  uuidSchema,
} from '@waffle-kit/contract';
import { API_PATHS } from '@waffle-kit/contract/routes';
import { type Request, Router } from 'express';
import { z } from 'zod';
import { actorOf } from '../audit/actor.js';
import { adminPath } from '../shared/admin-path.js';
import { expectedVersion, parseInput, parseParam } from '../shared/parse-input.js';
import { createFlagSchema, setEnterprisePercentageSchema, updateFlagSchema } from './flag-input.js';
import type { FlagService } from './flag-service.js';

const flagName = (req: Request) => parseParam(nameSchema, req, 'name');
const customerUuid = (req: Request) => parseParam(uuidSchema, req, 'uuid');

/** `?set=<name>`: only the flags of that set. */
const setQuerySchema = z.object({ set: nameSchema });

/** The flag routes of DESIGN.md under `/api/admin` (mounted behind `requireAdmin`). */
export function flagRoutes(flags: FlagService): Router {
  const router = Router();

  router.get(adminPath(API_PATHS.flags), async (req, res) => {
    const search = typeof req.query.search === 'string' ? req.query.search : undefined;
    const set = req.query.set === undefined ? undefined : parseInput(setQuerySchema, req.query).set;
    const results = await flags.list(search, set);
    res.json({ count: results.length, results } satisfies FlagListResponse);
  });

  router.post(adminPath(API_PATHS.flags), async (req, res) => {
    const flag = await flags.create(parseInput(createFlagSchema, req.body), actorOf(req));
    res.status(201).set('ETag', `"${flag.version}"`).json(flag);
  });

  router.post(adminPath(API_PATHS.flagsBulk), async (req, res) => {
    const input = parseInput(flagBulkBodySchema, req.body);
    res.json({
      action: input.action,
      count: await flags.bulk(input, actorOf(req)),
    } satisfies FlagBulkResponse);
  });

  router.get(adminPath(API_PATHS.flag), async (req, res) => {
    const flag = await flags.get(flagName(req));
    res.set('ETag', `"${flag.version}"`).json(flag);
  });

  router.patch(adminPath(API_PATHS.flag), async (req, res) => {
    const name = flagName(req);
    const input = parseInput(updateFlagSchema, req.body);
    const flag = await flags.update(name, input, actorOf(req), expectedVersion(req));
    res.set('ETag', `"${flag.version}"`).json(flag);
  });

  router.delete(adminPath(API_PATHS.flag), async (req, res) => {
    await flags.remove(flagName(req), actorOf(req), expectedVersion(req));
    res.status(204).end();
  });

  router.put(adminPath(API_PATHS.flagEnterprisePercentage), async (req, res) => {
    const [name, uuid] = [flagName(req), customerUuid(req)];
    const { percent } = parseInput(setEnterprisePercentageSchema, req.body);
    const flag = await flags.setEnterprisePercentage(name, uuid, percent, actorOf(req));
    res.set('ETag', `"${flag.version}"`).json(flag);
  });

  router.delete(adminPath(API_PATHS.flagEnterprisePercentage), async (req, res) => {
    const flag = await flags.deleteEnterprisePercentage(flagName(req), customerUuid(req), actorOf(req));
    res.set('ETag', `"${flag.version}"`).json(flag);
  });

  return router;
}
