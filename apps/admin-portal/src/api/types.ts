// The wire types of DESIGN.md's HTTP API are the contract's (`import type`: no zod in the
// bundle); these are the admin page's names for them.
import type {
  EnterprisePercentageDetail,
  Flag,
  EnterprisePercentage as StoredPercentage,
} from '@waffle-kit/contract';

export type {
  AdminEnterpriseCustomer as EnterpriseCustomer,
  AdminUser,
  AuditEntry,
  AuditValue,
  ExplainResponse as Explanation,
  Flag,
  FlagFields,
  FlagSet,
  Group,
  LinkedLearner as EnterpriseLearner,
  LinkLearnerBody,
  Sample,
  SessionUser,
  Switch,
} from '@waffle-kit/contract';

/** One enterprise percentage of a flag: the learner counts come with the flag's detail only. */
export type EnterprisePercentage = StoredPercentage &
  Partial<Pick<EnterprisePercentageDetail, 'linked_learners' | 'learners_on'>>;

/**
 * A flag as the page holds it: the contract's `FlagDetail`, or a write's answer (a `Flag`, whose
 * percentages have no counts) merged into it.
 */
export type FlagDetail = Omit<Flag, 'enterprise_percentages'> & {
  enterprise_percentages: EnterprisePercentage[];
};
