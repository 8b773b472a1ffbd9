import type { ExplainResponse } from '@waffle-kit/contract';
import { describeEvaluation, evaluateFlag } from '@waffle-kit/core';
import { EnterpriseCustomer, User } from '../../db/models/index.js';
import { NotFoundError } from '../../errors/app-error.js';
import type { SnapshotCache } from '../../snapshot/snapshot-cache.js';
import { toFlagUser } from '../auth/request-user.js';
import { toRequestUser, USER_FOR_FLAGS_INCLUDE } from '../auth/session-store.js';

/** The wire shape of an explanation is the contract's. */
export type ExplainResult = ExplainResponse;

/**
 * Why a flag is on or off for a user (by username; none: anonymous without a cookie), optionally
 * for an enterprise customer: the same snapshot and evaluation as a real request.
 */
export async function explainFlag(
  snapshot: SnapshotCache,
  name: string,
  options: { username?: string; enterpriseCustomerUuid?: string },
): Promise<ExplainResult> {
  if (!snapshot.compiled.flagsByName.has(name))
    throw new NotFoundError(`This flag does not exist: "${name}".`);
  let user = null;
  if (options.username) {
    const row = await User.findOne({
      where: { username: options.username },
      include: USER_FOR_FLAGS_INCLUDE,
    });
    if (!row) throw new NotFoundError(`This user does not exist: "${options.username}".`);
    user = toRequestUser(row);
  }
  const uuid = options.enterpriseCustomerUuid;
  const customer = uuid ? await EnterpriseCustomer.findByPk(uuid) : null;
  if (uuid && !customer) throw new NotFoundError(`This enterprise customer does not exist: ${uuid}.`);
  const result = evaluateFlag(snapshot.compiled, name, {
    user: toFlagUser(user),
    enterpriseCustomerUuid: uuid ?? null,
  });
  return {
    is_active: result.value,
    reason: result.reason,
    description: describeEvaluation(result, customer ? { enterpriseName: customer.name } : {}),
    ...(result.bucket !== undefined ? { bucket: result.bucket } : {}),
    ...(result.percent !== undefined ? { percent: result.percent } : {}),
    ...(result.enterpriseCustomerUuid ? { enterprise_customer_uuid: result.enterpriseCustomerUuid } : {}),
  };
}
