import { type RequestHandler, Router } from 'express';
import {
  EnterpriseCourseEnrollment,
  EnterpriseCustomer,
  EnterpriseCustomerUser,
} from '../db/models/index.js';
import { flagScope } from '../embedding/embed-flags.js';
import { getRequestUser, type RequestUser } from '../embedding/request-user.js';
import { NotFoundError, ValidationError } from '../errors/app-error.js';
import type { Logger } from '../logger.js';
import { assertEnterpriseAccess, requireUser } from './enterprise-access.js';
import { LastGoodHostData } from './last-good-host-data.js';
import { enrollmentJson, enterpriseCustomerJson, enterpriseCustomerUserJson } from './serializers.js';

/** The dashboard's host data, without the flags (the embedding adds those). */
interface Dashboard {
  enterprise_customer: ReturnType<typeof enterpriseCustomerJson> | null;
  all_linked_enterprise_customer_users: ReturnType<typeof enterpriseCustomerUserJson>[];
  active_enterprise_customer: ReturnType<typeof enterpriseCustomerJson> | null;
  enterprise_course_enrollments: ReturnType<typeof enrollmentJson>[];
}

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

async function loadDashboard(user: RequestUser, slug: string | null | undefined): Promise<Dashboard> {
  const links = await EnterpriseCustomerUser.findAll({
    where: { userId: user.id, linked: true },
    include: [{ model: EnterpriseCustomer, as: 'enterpriseCustomer' }],
    order: [['id', 'ASC']],
  });
  let customer: EnterpriseCustomer | null;
  if (slug) {
    customer = await EnterpriseCustomer.findOne({ where: { slug } });
    if (!customer) throw new NotFoundError(`No enterprise customer with slug "${slug}".`);
    assertEnterpriseAccess(user, customer.uuid);
  } else {
    customer = links.find((link) => link.active)?.enterpriseCustomer ?? null;
  }
  const enrollments = customer
    ? await EnterpriseCourseEnrollment.findAll({
        where: { userId: user.id, enterpriseCustomerUuid: customer.uuid },
        order: [['id', 'ASC']],
      })
    : [];
  const activeLink = links.find((link) => link.active);
  return {
    enterprise_customer: customer ? enterpriseCustomerJson(customer) : null,
    all_linked_enterprise_customer_users: links.map((link) =>
      enterpriseCustomerUserJson(link, user.username),
    ),
    active_enterprise_customer: activeLink?.enterpriseCustomer
      ? enterpriseCustomerJson(activeLink.enterpriseCustomer)
      : null,
    enterprise_course_enrollments: enrollments.map(enrollmentJson),
  };
}

/**
 * `POST /api/v1/bffs/learner/dashboard/` `{ enterprise_customer_slug? }`: the learner dashboard
 * payload, with `enterprise_features` evaluated for that customer. Without a slug, the user's
 * first active link is the customer. Works with the session cookie or a bearer token (BFF).
 * While the database is unavailable it answers the last good dashboard of that user and slug,
 * with a `database_unavailable` warning, so the flags still arrive.
 */
export function learnerDashboardRoutes(embed: RequestHandler, logger: Logger): Router {
  const router = Router();
  const lastGood = new LastGoodHostData<Dashboard>(logger);
  router.post('/api/v1/bffs/learner/dashboard/', embed, async (req, res) => {
    const user = requireUser(getRequestUser(req));
    const slug: unknown = (req.body as Record<string, unknown> | undefined)?.enterprise_customer_slug;
    if (slug !== undefined && slug !== null && typeof slug !== 'string') {
      throw new ValidationError('enterprise_customer_slug must be a string.', {
        enterprise_customer_slug: 'Must be a string.',
      });
    }
    const { data, stale } = await lastGood.read(
      `${user.id}\n${slug ?? ''}`,
      () => loadDashboard(user, slug),
      EMPTY_DASHBOARD,
    );
    const uuid = data.enterprise_customer?.uuid ?? null;
    // A remembered dashboard is shown only to a user who may still see that customer.
    if (stale && uuid && slug) assertEnterpriseAccess(user, uuid);
    flagScope(res, { enterpriseCustomerUuid: uuid });
    res.json({ ...data, errors: [], warnings: stale ? [DATABASE_WARNING] : [] });
  });
  return router;
}
