import { Group, User } from '../../db/models/index.js';
import type { InTransaction } from '../../db/transaction.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/audit-store.js';
import { hashPassword } from '../auth/password.js';
import { parseInput } from '../shared/parse-input.js';
import { createUserSchema } from './user-input.js';
import { type UserJson, userJson } from './user-service.js';

/**
 * `WAFFLE_SUPERUSER=name:password` and `waffle-kit createsuperuser`: creates that user as an
 * active staff superuser, or resets the password and rights of an existing one, so a fresh
 * install has its first admin. The username and password follow the API's user rules (a
 * ValidationError otherwise: a short password is refused here as in `POST /api/admin/users`). Audited like every other change to a user.
 */
export async function ensureSuperuser(
  inTransaction: InTransaction,
  actor: Actor,
  username: string,
  password: string,
): Promise<UserJson> {
  parseInput(createUserSchema.pick({ username: true, password: true }), { username, password });
  const passwordHash = await hashPassword(password);
  const withGroups = { include: [{ model: Group, as: 'groups', through: { attributes: [] } }] };
  return inTransaction(async (ctx) => {
    const { transaction } = ctx;
    const existing = await User.findOne({ where: { username }, ...withGroups, transaction });
    const before = existing ? userJson(existing) : null;
    const rights = { passwordHash, isStaff: true, isSuperuser: true, isActive: true };
    if (existing) {
      existing.set({ ...rights, version: existing.version + 1 });
      await existing.save({ transaction });
    } else {
      await User.create({ username, ...rights }, { transaction });
    }
    const after = userJson((await User.findOne({ where: { username }, ...withGroups, transaction }))!);
    await recordAudit(ctx, actor, {
      action: existing ? 'update' : 'create',
      objectType: 'user',
      objectName: username,
      before,
      after,
    });
    return after;
  });
}
