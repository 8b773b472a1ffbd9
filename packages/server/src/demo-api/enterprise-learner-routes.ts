import type { EnterpriseLearnerHostData } from '@waffle-kit/contract';
import { learnerPage } from '@waffle-kit/contract/pagination';
import { API_PATHS } from '@waffle-kit/contract/routes';
import { Router } from 'express';
import type { Embedding } from '../embedding/embedding.js';
import { NotFoundError, PermissionDeniedError } from '../errors/app-error.js';
import { getRequestUser } from '../features/auth/request-user.js';
import type { Logger } from '../logger.js';
import { assertEnterpriseAccess, canSeeAnyEnterprise, requireUser } from './enterprise-access.js';
import { enterpriseUuidQuery, singleQueryValue } from './enterprise-params.js';
import { LastGoodHostData } from './last-good-host-data.js';
import type { LearnerStore } from './learner-store.js';
import { enterpriseCustomerUserJson } from './serializers.js';

/** One page of a user's enterprise links, as read from the database. */
interface LinkPage {
  count: number;
  results: EnterpriseLearnerHostData['results'];
  /** Customers to evaluate flags for: the page's active links. */
  customers: string[];
}

const EMPTY_PAGE: LinkPage = { count: 0, results: [], customers: [] };

/**
 * `GET /enterprise/api/v1/enterprise-learner/`: the user's linked enterprise customers, paginated
 * as edx-enterprise does. The embedding adds `enterprise_features` (global) and
 * `enterprise_features_by_customer` (one evaluation per listed customer). While the database is
 * unavailable it answers the last good page for the same question (or an empty one).
 */
export function enterpriseLearnerRoutes(embedding: Embedding, store: LearnerStore, logger: Logger): Router {
  const router = Router();
  const lastGood = new LastGoodHostData<LinkPage>(logger);
  router.get(API_PATHS.enterpriseLearner, async (req, res) => {
    const viewer = requireUser(getRequestUser(req));
    const username = singleQueryValue(req.query, 'username') ?? viewer.username;
    if (username !== viewer.username && !canSeeAnyEnterprise(viewer)) {
      throw new PermissionDeniedError('You may only list your own enterprise links.');
    }
    const filterUuid = enterpriseUuidQuery(req.query);
    if (filterUuid) assertEnterpriseAccess(viewer, filterUuid);
    const { page, pageSize } = learnerPage(req.query.page, req.query.page_size);
    const load = async (): Promise<LinkPage> => {
      const subjectId = username === viewer.username ? viewer.id : await store.userId(username);
      if (subjectId === null) throw new NotFoundError('No such user.');
      const { count, links } = await store.linkPage(subjectId, {
        customerUuid: filterUuid ?? null,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return {
        count,
        results: links.map((link) => enterpriseCustomerUserJson(link, username)),
        // docs/wire-format.md: one evaluation per customer the user is an active, linked member of.
        customers: [...new Set(links.filter((link) => link.active).map((link) => link.customerUuid))],
      };
    };
    const key = [viewer.id, username, filterUuid ?? '', page, pageSize].join('\n');
    const { data } = await lastGood.read(key, load, EMPTY_PAGE);
    const { count, results, customers } = data;
    const numPages = Math.max(1, Math.ceil(count / pageSize));
    const url = (target: number) => {
      const query = new URLSearchParams(req.query as Record<string, string>);
      query.set('page', String(target));
      return `${req.protocol}://${req.get('host')}${req.path}?${query}`;
    };
    const body: EnterpriseLearnerHostData = {
      count,
      next: page < numPages ? url(page + 1) : null,
      previous: page > 1 ? url(page - 1) : null,
      num_pages: numPages,
      current_page: page,
      start: (page - 1) * pageSize,
      results,
    };
    embedding.send(req, res, body, { enterpriseCustomerUuid: null, byCustomer: customers });
  });
  return router;
}
