import { randomBytes } from 'node:crypto';
import { User } from '../../db/models/index.js';
import { hashPassword, verifyPassword } from './password.js';

let dummyHash: Promise<string> | undefined;

/**
 * The active user with this username and password, or null. An unknown username costs the same
 * scrypt run as a known one, so timing does not tell which names exist.
 */
export async function checkCredentials(username: string, password: string): Promise<User | null> {
  const user = await User.findOne({ where: { username } });
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
  return user?.isActive && valid ? user : null;
}
