import { nameSchema } from '@waffle-kit/contract';
import type { ApiPath } from '@waffle-kit/contract/routes';
import { type Request, Router } from 'express';
import type { z } from 'zod';
import { actorOf } from '../audit/actor.js';
import { adminPath } from './admin-path.js';
import type { NamedObjectService } from './named-object-service.js';
import { expectedVersion, parseInput, parseParam } from './parse-input.js';

const objectName = (req: Request) => parseParam(nameSchema, req, 'name');

/** `GET|POST <collection>`, `GET|PATCH|DELETE <item>` (`.../:name`) for a flat named object. */
export function namedObjectRoutes<Json extends { version: number }, Input>(
  paths: { readonly collection: ApiPath; readonly item: ApiPath },
  service: NamedObjectService<Json, Input>,
  schemas: { create: z.ZodType<Partial<Input> & { name: string }>; update: z.ZodType<Partial<Input>> },
): Router {
  const router = Router();
  const [collection, item] = [adminPath(paths.collection), adminPath(paths.item)];
  router.get(collection, async (req, res) => {
    const results = await service.list(typeof req.query.search === 'string' ? req.query.search : undefined);
    res.json({ count: results.length, results });
  });
  router.post(collection, async (req, res) => {
    const created = await service.create(parseInput(schemas.create, req.body), actorOf(req));
    res.status(201).set('ETag', `"${created.version}"`).json(created);
  });
  router.get(item, async (req, res) => {
    const found = await service.get(objectName(req));
    res.set('ETag', `"${found.version}"`).json(found);
  });
  router.patch(item, async (req, res) => {
    const name = objectName(req);
    const input = parseInput(schemas.update, req.body);
    const updated = await service.update(name, input, actorOf(req), expectedVersion(req));
    res.set('ETag', `"${updated.version}"`).json(updated);
  });
  router.delete(item, async (req, res) => {
    await service.remove(objectName(req), actorOf(req), expectedVersion(req));
    res.status(204).end();
  });
  return router;
}
