import { User } from '../../db/models/index.js';
import { hashPassword } from './password.js';

/**
 * `WAFFLE_SUPERUSER=name:password`: creates that user as an active staff superuser, or resets
 * the password and rights of an existing one, so a fresh install has its first admin.
 */
export async function ensureSuperuser(username: string, password: string): Promise<User> {
  const passwordHash = await hashPassword(password);
  const existing = await User.findOne({ where: { username } });
  if (existing) {
    existing.set({ passwordHash, isStaff: true, isSuperuser: true, isActive: true });
    existing.version += 1;
    return existing.save();
  }
  return User.create({ username, passwordHash, isStaff: true, isSuperuser: true, isActive: true });
}
