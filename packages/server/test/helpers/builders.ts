import { randomUUID } from 'node:crypto';
import {
  EnterpriseCourseEnrollment,
  EnterpriseCustomer,
  EnterpriseCustomerUser,
  FlagModel,
  Group,
  User,
  UserGroup,
} from '../../src/db/models/index.js';
import { toTenths } from '../../src/db/percent.js';
import type { InTransaction } from '../../src/db/transaction.js';
import { hashPassword } from '../../src/features/auth/password.js';
import type { CreateFlagInput } from '../../src/features/flags/flag-input.js';
import { insertFlag } from '../../src/features/flags/flag-service.js';

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

    /** A flag written as the API writes it (its users and groups must exist), without an audit entry. */
    async flag(
      name: string,
      {
        enterprise = {},
        ...fields
      }: Omit<CreateFlagInput, 'name'> & { enterprise?: Record<string, number> } = {},
    ): Promise<FlagModel> {
      const enterprisePercentages = Object.entries(enterprise).map(([uuid, percent]) => ({
        enterprise_customer_uuid: uuid,
        percent,
      }));
      return inTransaction((ctx) =>
        insertFlag(ctx, { name, ...fields, enterprise_percentages: enterprisePercentages }),
      );
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
