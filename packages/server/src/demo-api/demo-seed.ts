import { DEMO_CUSTOMERS } from '@waffle-kit/contract/demo';
import {
  EnterpriseCourseEnrollment,
  EnterpriseCustomer,
  EnterpriseCustomerUser,
  FlagModel,
  Group,
  SampleModel,
  SwitchModel,
  User,
  UserGroup,
} from '../db/models/index.js';
import { toTenths } from '../db/percent.js';
import type { InTransaction, WriteContext } from '../db/transaction.js';
import { hashPassword } from '../features/auth/password.js';
import type { CreateFlagInput } from '../features/flags/flag-input.js';
import { insertFlag } from '../features/flags/flag-service.js';

/** The demo's enterprise customers: three, with different percentages for the same flag. */
export const DEMO_ENTERPRISES = [
  { ...DEMO_CUSTOMERS.acme, dashboardPercent: 100 },
  { ...DEMO_CUSTOMERS.bluebird, dashboardPercent: 30 },
  { ...DEMO_CUSTOMERS.cedar, dashboardPercent: 0 },
] as const;

/** Demo accounts (listed in the package README). */
export const DEMO_ACCOUNTS = [
  {
    username: 'alice',
    password: 'alice-demo',
    note: 'learner linked to Acme (100%) and Bluebird (30%); in beta-testers',
  },
  { username: 'bob', password: 'bob-demo', note: 'learner linked to Bluebird (30%)' },
  { username: 'carol', password: 'carol-demo', note: 'learner linked to Cedar (0%), language es' },
  { username: 'dave', password: 'dave-demo', note: 'learner linked to no enterprise' },
  { username: 'staff', password: 'staff-demo', note: 'staff user: admin pages, sees any enterprise' },
  { username: 'admin', password: 'admin-demo', note: 'superuser' },
] as const;

/** Flags that between them exercise every rule of the evaluation order. */
const DEMO_FLAGS: CreateFlagInput[] = [
  {
    name: 'enterprise.dashboard_v2',
    percent: 10,
    note: 'The new learner dashboard: 100% at Acme, 30% at Bluebird, 0% at Cedar, 10% elsewhere.',
    enterprise_percentages: DEMO_ENTERPRISES.map((e) => ({
      enterprise_customer_uuid: e.uuid,
      percent: e.dashboardPercent,
    })),
  },
  { name: 'enterprise.new_catalog_search', everyone: true, note: 'On for everyone.' },
  { name: 'enterprise.legacy_reports', everyone: false, note: 'Off for everyone, even staff.' },
  { name: 'enterprise.beta_tools', testing: true, note: 'Testing mode: try ?dwft_enterprise.beta_tools=1.' },
  { name: 'enterprise.spanish_copy', languages: ['es'], note: 'On for requests in Spanish.' },
  { name: 'enterprise.staff_debug_panel', staff: true, note: 'On for staff (and superusers).' },
  { name: 'enterprise.signed_in_banner', authenticated: true, note: 'On for every signed-in user.' },
  { name: 'enterprise.pilot_feature', users: ['bob'], note: 'On for bob only.' },
  { name: 'enterprise.beta_group_feature', groups: ['beta-testers'], note: 'On for the beta-testers group.' },
  {
    name: 'enterprise.gradual_rollout',
    percent: 50,
    note: 'Half of all users, anonymous visitors included.',
  },
  {
    name: 'enterprise.superusers_only',
    superusers: true,
    note: 'Superusers only (the Waffle default rule).',
  },
];

const ENROLLMENTS = [
  {
    user: 'alice',
    slug: 'acme',
    courseRunId: 'course-v1:Acme+DS101+2026',
    displayName: 'Data Science 101',
    status: 'in_progress',
  },
  {
    user: 'alice',
    slug: 'acme',
    courseRunId: 'course-v1:Acme+SQL+2026',
    displayName: 'SQL for Analysts',
    status: 'completed',
  },
  {
    user: 'alice',
    slug: 'bluebird',
    courseRunId: 'course-v1:Bluebird+HIST1+2026',
    displayName: 'World History',
    status: 'upcoming',
  },
  {
    user: 'bob',
    slug: 'bluebird',
    courseRunId: 'course-v1:Bluebird+BIO2+2026',
    displayName: 'Biology II',
    status: 'in_progress',
  },
  {
    user: 'carol',
    slug: 'cedar',
    courseRunId: 'course-v1:Cedar+NURS1+2026',
    displayName: 'Clinical Basics',
    status: 'in_progress',
  },
];

async function seedUsers(
  { transaction }: WriteContext,
  hashes: Map<string, string>,
): Promise<Map<string, User>> {
  const users = new Map<string, User>();
  const [betaTesters] = await Group.findOrCreate({ where: { name: 'beta-testers' }, transaction });
  for (const account of DEMO_ACCOUNTS) {
    const [user] = await User.findOrCreate({
      where: { username: account.username },
      defaults: {
        username: account.username,
        passwordHash: hashes.get(account.username) ?? null,
        email: `${account.username}@example.com`,
        isStaff: account.username === 'staff' || account.username === 'admin',
        isSuperuser: account.username === 'admin',
        language: account.username === 'carol' ? 'es' : null,
      },
      transaction,
    });
    users.set(account.username, user);
  }
  await UserGroup.findOrCreate({
    where: { userId: users.get('alice')!.id, groupId: betaTesters.id },
    transaction,
  });
  return users;
}

async function seedEnterprises({ transaction }: WriteContext, users: Map<string, User>): Promise<void> {
  for (const { uuid, slug, name } of DEMO_ENTERPRISES) {
    await EnterpriseCustomer.findOrCreate({ where: { uuid }, defaults: { uuid, slug, name }, transaction });
  }
  const uuidOf = (slug: string) => DEMO_ENTERPRISES.find((e) => e.slug === slug)!.uuid;
  const links: Array<[string, string]> = [
    ['alice', 'acme'],
    ['alice', 'bluebird'],
    ['bob', 'bluebird'],
    ['carol', 'cedar'],
  ];
  for (const [username, slug] of links) {
    const where = { userId: users.get(username)!.id, enterpriseCustomerUuid: uuidOf(slug) };
    await EnterpriseCustomerUser.findOrCreate({
      where,
      defaults: { ...where, active: true, linked: true },
      transaction,
    });
  }
  for (const e of ENROLLMENTS) {
    const where = {
      userId: users.get(e.user)!.id,
      enterpriseCustomerUuid: uuidOf(e.slug),
      courseRunId: e.courseRunId,
    };
    await EnterpriseCourseEnrollment.findOrCreate({
      where,
      defaults: { ...where, displayName: e.displayName, orgName: e.slug, courseRunStatus: e.status },
      transaction,
    });
  }
}

async function seedFlags(ctx: WriteContext): Promise<void> {
  const { transaction } = ctx;
  for (const flag of DEMO_FLAGS) {
    if (!(await FlagModel.findOne({ where: { name: flag.name }, transaction }))) await insertFlag(ctx, flag);
  }
  const switches = [
    { name: 'enterprise.maintenance_banner', active: false, note: 'Shows a maintenance banner.' },
    { name: 'enterprise.emails_enabled', active: true, note: 'Sends learner emails.' },
  ];
  for (const item of switches)
    await SwitchModel.findOrCreate({ where: { name: item.name }, defaults: item, transaction });
  const samples = [
    { name: 'enterprise.sampled_logging', percentTenths: toTenths(25), note: 'Logs a quarter of requests.' },
    {
      name: 'enterprise.survey_prompt',
      percentTenths: toTenths(33.3),
      note: 'Asks a third of visits for feedback.',
    },
  ];
  for (const item of samples)
    await SampleModel.findOrCreate({ where: { name: item.name }, defaults: item, transaction });
}

/**
 * `WAFFLE_SEED=demo`: loads the demo enterprises, learners, flags, switches, samples and
 * enrollments in one write transaction. Idempotent: what exists already is left as it is.
 */
export async function seedDemoData(inTransaction: InTransaction): Promise<void> {
  const hashes = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) hashes.set(account.username, await hashPassword(account.password));
  await inTransaction(async (ctx) => {
    const users = await seedUsers(ctx, hashes);
    await seedEnterprises(ctx, users);
    await seedFlags(ctx);
  });
}
