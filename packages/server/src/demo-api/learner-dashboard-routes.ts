import { type RequestHandler, Router } from 'express';
import {
  EnterpriseCourseEnrollment,
  EnterpriseCustomer,
  EnterpriseCustomerUser,
} from '../db/models/index.js';
import { flagScope } from '../embedding/embed-flags.js';
import { getRequestUser } from '../embedding/request-user.js';
import { NotFoundError, ValidationError } from '../errors/app-error.js';
import { assertEnterpriseAccess, requireUser } from './enterprise-access.js';
import { enrollmentJson, enterpriseCustomerJson, enterpriseCustomerUserJson } from './serializers.js';

/**
 * `POST /api/v1/bffs/learner/dashboard/` `{ enterprise_customer_slug? }`: the learner dashboard
 * payload, with `enterprise_features` evaluated for that customer. Without a slug, the user's
 * first active link is the customer. Works with the session cookie or a bearer token (BFF).
 */
export function learnerDashboardRoutes(embed: RequestHandler): Router {
  const router = Router();
  router.post('/api/v1/bffs/learner/dashboard/', embed, async (req, res) => {
    const user = requireUser(getRequestUser(req));
    const slug: unknown = (req.body as Record<string, unknown> | undefined)?.enterprise_customer_slug;
    if (slug !== undefined && slug !== null && typeof slug !== 'string') {
      throw new ValidationError('enterprise_customer_slug must be a string.', {
        enterprise_customer_slug: 'Must be a string.',
      });
    }
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
    flagScope(res, { enterpriseCustomerUuid: customer?.uuid ?? null });
    res.json({
      enterprise_customer: customer ? enterpriseCustomerJson(customer) : null,
      all_linked_enterprise_customer_users: links.map((link) =>
        enterpriseCustomerUserJson(link, user.username),
      ),
      active_enterprise_customer: activeLink?.enterpriseCustomer
        ? enterpriseCustomerJson(activeLink.enterpriseCustomer)
        : null,
      enterprise_course_enrollments: enrollments.map(enrollmentJson),
      errors: [],
      warnings: [],
    });
  });
  return router;
}
