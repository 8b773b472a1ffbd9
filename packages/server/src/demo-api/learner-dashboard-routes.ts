import { type RequestHandler, Router } from 'express';
import { z } from 'zod';
import {
  EnterpriseCourseEnrollment,
  EnterpriseCustomer,
  EnterpriseCustomerUser,
} from '../db/models/index.js';
import { flagScope } from '../embedding/embed-flags.js';
import { getRequestUser } from '../embedding/request-user.js';
import { NotFoundError, ValidationError } from '../errors/app-error.js';
import { parseInput } from '../features/shared/parse-input.js';
import { assertEnterpriseAccess, requireUser } from './enterprise-access.js';
import { enterpriseUuidSchema } from './enterprise-params.js';
import { enrollmentJson, enterpriseCustomerJson, enterpriseCustomerUserJson } from './serializers.js';

/** The dashboard request: a JSON object naming the customer by slug or uuid (or neither). */
const dashboardRequestSchema = z.object(
  {
    enterprise_customer_slug: z.string('Must be a string.').nullish(),
    enterprise_customer_uuid: enterpriseUuidSchema.nullish(),
  },
  'Send a JSON object.',
);

/**
 * `POST /api/v1/bffs/learner/dashboard/` `{ enterprise_customer_slug?, enterprise_customer_uuid? }`:
 * the learner dashboard payload, with `enterprise_features` evaluated for that customer. Without
 * either, the user's first active link is the customer. Works with the session cookie or a
 * bearer token (BFF).
 */
export function learnerDashboardRoutes(embed: RequestHandler): Router {
  const router = Router();
  router.post('/api/v1/bffs/learner/dashboard/', embed, async (req, res) => {
    const user = requireUser(getRequestUser(req));
    const { enterprise_customer_slug: slug, enterprise_customer_uuid: uuid } = parseInput(
      dashboardRequestSchema,
      req.body ?? {},
    );
    const links = await EnterpriseCustomerUser.findAll({
      where: { userId: user.id, linked: true },
      include: [{ model: EnterpriseCustomer, as: 'enterpriseCustomer' }],
      order: [['id', 'ASC']],
    });
    let customer: EnterpriseCustomer | null;
    if (slug || uuid) {
      customer = await EnterpriseCustomer.findOne({ where: uuid ? { uuid } : { slug: slug! } });
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
