import type { AdminUserDetail } from '@waffle-kit/contract';
import { API_PATHS } from '@waffle-kit/contract/routes';
import { type Request, Router } from 'express';
import { actorOf } from '../audit/actor.js';
import { adminPath } from '../shared/admin-path.js';
import { expectedVersion, parseInput, parseParam } from '../shared/parse-input.js';
import { createGroupSchema, createUserSchema, updateUserSchema, usernameSchema } from './user-input.js';
import type { UserService } from './user-service.js';

const username = (req: Request) => parseParam(usernameSchema, req, 'username');

/** `/api/admin/users[/:username]` and `/api/admin/groups`. */
export function userRoutes(users: UserService): Router {
  const router = Router();
  router.get(adminPath(API_PATHS.users), async (req, res) => {
    const results = await users.list(typeof req.query.search === 'string' ? req.query.search : undefined);
    res.json({ count: results.length, results });
  });
  router.post(adminPath(API_PATHS.users), async (req, res) => {
    res.status(201).json(await users.create(parseInput(createUserSchema, req.body), actorOf(req)));
  });
  router.get(adminPath(API_PATHS.user), async (req, res) => {
    const user = await users.get(username(req));
    const detail: AdminUserDetail = { ...user, enterprise_links: await users.links(user.username) };
    res.set('ETag', `"${user.version}"`).json(detail);
  });
  router.patch(adminPath(API_PATHS.user), async (req, res) => {
    const name = username(req);
    const input = parseInput(updateUserSchema, req.body);
    const user = await users.update(name, input, actorOf(req), expectedVersion(req));
    res.set('ETag', `"${user.version}"`).json(user);
  });
  router.get(adminPath(API_PATHS.groups), async (_req, res) => {
    const results = await users.listGroups();
    res.json({ count: results.length, results });
  });
  router.post(adminPath(API_PATHS.groups), async (req, res) => {
    const { name } = parseInput(createGroupSchema, req.body);
    res.status(201).json(await users.createGroup(name, actorOf(req)));
  });
  return router;
}
