import { randomUUID } from 'node:crypto';
import {
  EnterpriseCourseEnrollment,
  EnterpriseCustomer,
  EnterpriseCustomerUser,
  EnterpriseFlagPercentageModel,
  FlagGroupModel,
  FlagModel,
  FlagUserModel,
  Group,
  User,
  UserGroup,
} from '../../src/db/models/index.js';
import { toTenths } from '../../src/db/percent.js';
import type { InTransaction } from '../../src/db/transaction.js';
import { hashPassword } from '../../src/features/auth/password.js';

/** One scrypt hash for every test user: hashing is slow on purpose, tests need not pay it each time. */
export const TEST_PASSWORD = 'correct horse';
let passwordHash: Promise<string> | undefined;

export interface UserSeed {
  username: string;
  isStaff?: boolean;
  isSuperuser?: boolean;
  language?: string | null;
  groups?: string[];
  /** Enterprise customer uuids to link (active, linked). */
  linkedTo?: string[];
}

/** Test data written through the same `inTransaction` as every real write. */
export function builders(inTransaction: InTransaction) {
  return {
    async user(seed: UserSeed): Promise<User> {
      passwordHash ??= hashPassword(TEST_PASSWORD);
      const hash = await passwordHash;
      return inTransaction(async ({ transaction }) => {
        const user = await User.create(
          {
            username: seed.username,
            passwordHash: hash,
            isStaff: seed.isStaff ?? false,
            isSuperuser: seed.isSuperuser ?? false,
            language: seed.language ?? null,
          },
          { transaction },
        );
        for (const name of seed.groups ?? []) {
          const [group] = await Group.findOrCreate({ where: { name }, transaction });
          await UserGroup.create({ userId: user.id, groupId: group.id }, { transaction });
        }
        for (const uuid of seed.linkedTo ?? []) {
          await EnterpriseCustomerUser.create(
            { userId: user.id, enterpriseCustomerUuid: uuid },
            { transaction },
          );
        }
        return user;
      });
    },

    async enterprise(slug: string, name = slug): Promise<EnterpriseCustomer> {
      return inTransaction(({ transaction }) =>
        EnterpriseCustomer.create({ uuid: randomUUID(), slug, name }, { transaction }),
      );
    },

    async enrollment(user: User, customer: EnterpriseCustomer, courseRunId: string): Promise<void> {
      await inTransaction(({ transaction }) =>
        EnterpriseCourseEnrollment.create(
          {
            userId: user.id,
            enterpriseCustomerUuid: customer.uuid,
            courseRunId,
            displayName: courseRunId,
            orgName: customer.slug,
            courseRunStatus: 'in_progress',
          },
          { transaction },
        ),
      );
    },

    async flag(
      name: string,
      fields: {
        everyone?: boolean | null;
        percent?: number | null;
        testing?: boolean;
        superusers?: boolean;
        staff?: boolean;
        authenticated?: boolean;
        languages?: string;
        users?: string[];
        groups?: string[];
        enterprise?: Record<string, number>;
      } = {},
    ): Promise<FlagModel> {
      const { percent, users = [], groups = [], enterprise = {}, ...rest } = fields;
      return inTransaction(async ({ transaction }) => {
        const flag = await FlagModel.create(
          {
            name,
            ...rest,
            percentTenths: percent === undefined || percent === null ? null : toTenths(percent),
          },
          { transaction },
        );
        for (const username of users) {
          const user = await User.findOne({ where: { username }, transaction, rejectOnEmpty: true });
          await FlagUserModel.create({ flagId: flag.id, userId: user.id }, { transaction });
        }
        for (const groupName of groups) {
          const group = await Group.findOne({ where: { name: groupName }, transaction, rejectOnEmpty: true });
          await FlagGroupModel.create({ flagId: flag.id, groupId: group.id }, { transaction });
        }
        for (const [uuid, value] of Object.entries(enterprise)) {
          await EnterpriseFlagPercentageModel.create(
            { flagId: flag.id, enterpriseCustomerUuid: uuid, percentTenths: toTenths(value) },
            { transaction },
          );
        }
        return flag;
      });
    },

    /** Changes a flag's global fields (a stand-in for the admin API until it exists). */
    async updateFlag(
      name: string,
      fields: { everyone?: boolean | null; percent?: number | null },
    ): Promise<void> {
      await inTransaction(async ({ transaction }) => {
        const flag = await FlagModel.findOne({ where: { name }, transaction, rejectOnEmpty: true });
        if ('everyone' in fields) flag.everyone = fields.everyone ?? null;
        if ('percent' in fields)
          flag.percentTenths = fields.percent == null ? null : toTenths(fields.percent);
        flag.version += 1;
        await flag.save({ transaction });
      });
    },
  };
}
