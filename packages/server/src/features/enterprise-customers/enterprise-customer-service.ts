import { randomUUID } from 'node:crypto';
import type { AdminEnterpriseCustomer, LinkedLearner } from '@waffle-kit/contract';
import { Op } from 'sequelize';
import { EnterpriseCustomer, EnterpriseCustomerUser, User } from '../../db/models/index.js';
import type { InTransaction } from '../../db/transaction.js';
import { NotFoundError, ValidationError } from '../../errors/app-error.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit, recordCreation } from '../audit/audit-store.js';
import type { CreateEnterpriseCustomerInput, LinkLearnerInput } from './enterprise-customer-input.js';

/** An enterprise customer as the admin API shows it: the contract's `AdminEnterpriseCustomer`. */
export type EnterpriseCustomerJson = AdminEnterpriseCustomer;

const json = (c: EnterpriseCustomer): EnterpriseCustomerJson => ({
  uuid: c.uuid,
  slug: c.slug,
  name: c.name,
  active: Boolean(c.active),
  version: c.version,
});

/** Enterprise customers and their learners (enterprise customer users). */
export function enterpriseCustomerService(inTransaction: InTransaction) {
  const find = async (uuid: string) => {
    const customer = await EnterpriseCustomer.findByPk(uuid);
    if (!customer) throw new NotFoundError(`This enterprise customer does not exist: ${uuid}.`);
    return customer;
  };

  return {
    async list(): Promise<EnterpriseCustomerJson[]> {
      return (await EnterpriseCustomer.findAll({ order: [['name', 'ASC']] })).map(json);
    },

    create(input: CreateEnterpriseCustomerInput, actor: Actor): Promise<EnterpriseCustomerJson> {
      return inTransaction(async (ctx) => {
        const { transaction } = ctx;
        const uuid = input.uuid?.toLowerCase() ?? randomUUID();
        const clash = await EnterpriseCustomer.findOne({
          where: { [Op.or]: [{ uuid }, { slug: input.slug }] },
          transaction,
        });
        if (clash) {
          const field = clash.uuid === uuid ? 'uuid' : 'slug';
          throw new ValidationError('This enterprise customer exists already.', {
            [field]: 'Already in use.',
          });
        }
        const customer = await EnterpriseCustomer.create(
          { uuid, slug: input.slug, name: input.name, active: input.active ?? true },
          { transaction },
        );
        return recordCreation(ctx, actor, 'enterprise_customer', uuid, json(customer));
      });
    },

    async learners(uuid: string): Promise<LinkedLearner[]> {
      await find(uuid);
      const links = await EnterpriseCustomerUser.findAll({
        where: { enterpriseCustomerUuid: uuid },
        include: [{ model: User, as: 'user', attributes: ['username'] }],
        order: [['id', 'ASC']],
      });
      return links.map(
        (l): LinkedLearner => ({
          username: (l as EnterpriseCustomerUser & { user?: User }).user?.username ?? null,
          active: Boolean(l.active),
          linked: Boolean(l.linked),
        }),
      );
    },

    linkLearner(uuid: string, input: LinkLearnerInput, actor: Actor): Promise<LinkedLearner> {
      return inTransaction(async (ctx) => {
        const { transaction } = ctx;
        await find(uuid);
        const user = await User.findOne({ where: { username: input.username }, transaction });
        if (!user)
          throw new ValidationError('Unknown user.', { username: `Unknown user: ${input.username}.` });
        const where = { enterpriseCustomerUuid: uuid, userId: user.id };
        const existing = await EnterpriseCustomerUser.findOne({ where, transaction });
        const values = { active: input.active ?? true, linked: input.linked ?? true };
        const before = existing
          ? { username: input.username, active: existing.active, linked: existing.linked }
          : null;
        if (existing) await existing.update({ ...values, version: existing.version + 1 }, { transaction });
        else await EnterpriseCustomerUser.create({ ...where, ...values }, { transaction });
        const after: LinkedLearner = { username: input.username, ...values };
        await recordAudit(ctx, actor, {
          action: existing ? 'update' : 'create',
          objectType: 'enterprise_customer_user',
          objectName: `${uuid}:${input.username}`,
          before,
          after,
        });
        return after;
      });
    },

    unlinkLearner(uuid: string, username: string, actor: Actor): Promise<void> {
      return inTransaction(async (ctx) => {
        const { transaction } = ctx;
        const user = await User.findOne({ where: { username }, transaction });
        const link = user
          ? await EnterpriseCustomerUser.findOne({
              where: { enterpriseCustomerUuid: uuid, userId: user.id },
              transaction,
            })
          : null;
        if (!link) throw new NotFoundError(`${username} is not a learner of enterprise customer ${uuid}.`);
        const before = { username, active: link.active, linked: link.linked };
        await link.destroy({ transaction });
        await recordAudit(ctx, actor, {
          action: 'delete',
          objectType: 'enterprise_customer_user',
          objectName: `${uuid}:${username}`,
          before,
          after: null,
        });
      });
    },
  };
}

export type EnterpriseCustomerService = ReturnType<typeof enterpriseCustomerService>;
