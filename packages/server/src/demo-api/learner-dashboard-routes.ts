import { type LearnerDashboardHostData, uuidSchema } from '@waffle-kit/contract';
import { API_PATHS } from '@waffle-kit/contract/routes';
import { Router } from 'express';
import { z } from 'zod';
import type { Embedding } from '../embedding/embedding.js';
import { NotFoundError, ValidationError } from '../errors/app-error.js';
import { getRequestUser, type RequestUser } from '../features/auth/request-user.js';
import { parseInput } from '../features/shared/parse-input.js';
import type { Logger } from '../logger.js';
import { assertEnterpriseAccess, requireUser } from './enterprise-access.js';
import { LastGoodHostData } from './last-good-host-data.js';
import type { CustomerRow, LearnerStore, LinkRow } from './learner-store.js';
import { enrollmentJson, enterpriseCustomerJson, enterpriseCustomerUserJson } from './serializers.js';

/** The dashboard request: a JSON object naming the customer by slug or uuid (or neither). */
const dashboardRequestSchema = z.object(
  {
    enterprise_customer_slug: z.string('Must be a string.').nullish(),
    enterprise_customer_uuid: uuidSchema.nullish(),
  },
  'Send a JSON object.',
);

type DashboardRequest = z.infer<typeof dashboardRequestSchema>;

/** The dashboard's host data, without the flags (the embedding adds those). */
type Dashboard = Omit<LearnerDashboardHostData, 'errors' | 'warnings'>;

const EMPTY_DASHBOARD: Dashboard = {
  enterprise_customer: null,
  all_linked_enterprise_customer_users: [],
  active_enterprise_customer: null,
  enterprise_course_enrollments: [],
};

const DATABASE_WARNING = {
  code: 'database_unavailable',
  developer_message: 'The database is unavailable: this is the last known data (or none).',
};

/** The customer a request names (checked against the user's links), or the first active link's. */
async function findCustomer(
  store: LearnerStore,
  user: RequestUser,
  { enterprise_customer_slug: slug, enterprise_customer_uuid: uuid }: DashboardRequest,
  links: readonly LinkRow[],
): Promise<CustomerRow | null> {
  if (!slug && !uuid) return links.find((link) => link.active)?.customer ?? null;
  const customer = await store.customer(uuid ? { uuid } : { slug: slug! });
  if (!customer)
    throw new NotFoundError(`No enterprise customer with ${uuid ? `uuid ${uuid}` : `slug "${slug}"`}.`);
  assertEnterpriseAccess(user, customer.uuid);
  if (slug && customer.slug !== slug) {
    throw new ValidationError(
      'enterprise_customer_slug and enterprise_customer_uuid name different customers.',
      {
        enterprise_customer_slug: 'Does not match enterprise_customer_uuid.',
      },
    );
  }
  return customer;
}

async function loadDashboard(
  store: LearnerStore,
  user: RequestUser,
  request: DashboardRequest,
): Promise<Dashboard> {
  const links = await store.links(user.id);
  const customer = await findCustomer(store, user, request, links);
  const enrollments = customer ? await store.enrollments(user.id, customer.uuid) : [];
  const activeCustomer = links.find((link) => link.active)?.customer;
  return {
    enterprise_customer: customer ? enterpriseCustomerJson(customer) : null,
    all_linked_enterprise_customer_users: links.map((link) =>
      enterpriseCustomerUserJson(link, user.username),
    ),
    active_enterprise_customer: activeCustomer ? enterpriseCustomerJson(activeCustomer) : null,
    enterprise_course_enrollments: enrollments.map(enrollmentJson),
  };
}

/**
 * `POST /api/v1/bffs/learner/dashboard/` `{ enterprise_customer_slug?, enterprise_customer_uuid? }`:
 * the learner dashboard payload, with `enterprise_features` evaluated for that customer. Without
 * either, the user's first active link is the customer. Works with the session cookie or a
 * bearer token (BFF). While the database is unavailable it answers the last good dashboard of
 * that user and question, with a `database_unavailable` warning, so the flags still arrive.
 */
export function learnerDashboardRoutes(embedding: Embedding, store: LearnerStore, logger: Logger): Router {
  const router = Router();
  const lastGood = new LastGoodHostData<Dashboard>(logger);
  router.post(API_PATHS.learnerDashboard, async (req, res) => {
    const user = requireUser(getRequestUser(req));
    const request = parseInput(dashboardRequestSchema, req.body ?? {});
    const named = request.enterprise_customer_slug || request.enterprise_customer_uuid;
    const { data, stale } = await lastGood.read(
      `${user.id}\n${request.enterprise_customer_slug ?? ''}\n${request.enterprise_customer_uuid ?? ''}`,
      () => loadDashboard(store, user, request),
      EMPTY_DASHBOARD,
    );
    const uuid = data.enterprise_customer?.uuid ?? null;
    // A remembered dashboard is shown only to a user who may still see that customer.
    if (stale && uuid && named) assertEnterpriseAccess(user, uuid);
    const body: LearnerDashboardHostData = { ...data, errors: [], warnings: stale ? [DATABASE_WARNING] : [] };
    embedding.send(req, res, body, { enterpriseCustomerUuid: uuid });
  });
  return router;
}
