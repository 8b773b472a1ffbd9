import { HttpResponse, http } from 'msw';
import { MOCK_LEARNERS } from './mock-fixtures.js';
import type { MockState } from './mock-state.js';

const error = (status: number, code: string, message: string) =>
  HttpResponse.json({ error: { code, message } }, { status });

/**
 * MSW handlers answering the portal's requests from `state`, with payloads shaped like the real
 * server's (docs/wire-format.md). Used by the component tests (`setupServer`) and by mock mode
 * (`setupWorker`). The dashboard response also carries `switches`, which the real server does not
 * embed yet, so the switch-gated banner can be seen.
 */
export function mockHandlers(state: MockState) {
  const learner = () => {
    const username = state.get().username;
    return username ? (MOCK_LEARNERS[username] ?? null) : null;
  };
  const meta = (customerUuid: string | null) => ({
    version: state.get().version,
    evaluated_at: Date.now(),
    username: state.get().username,
    enterprise_customer_uuid: customerUuid,
  });
  const notSignedIn = () => error(401, 'not_authenticated', 'Sign in first.');

  return [
    http.get('*/api/auth/me', () => {
      const current = learner();
      return current ? HttpResponse.json({ user: current.user }) : notSignedIn();
    }),
    http.post('*/api/auth/login', async ({ request }) => {
      const body = (await request.json().catch(() => ({}))) as { username?: string; password?: string };
      const fields: Record<string, string> = {};
      if (!body.username) fields.username = 'Enter a username.';
      if (!body.password) fields.password = 'Enter a password.';
      if (Object.keys(fields).length > 0) {
        return HttpResponse.json(
          { error: { code: 'validation_error', message: 'Username and password are required.', fields } },
          { status: 400 },
        );
      }
      const match = MOCK_LEARNERS[body.username!];
      if (!match || match.password !== body.password) {
        return error(401, 'invalid_credentials', 'The username or password is wrong.');
      }
      state.update({ username: match.user.username });
      return HttpResponse.json({ user: match.user });
    }),
    http.post('*/api/auth/logout', () => {
      state.update({ username: null });
      return new HttpResponse(null, { status: 204 });
    }),
    http.get('*/enterprise/api/v1/enterprise-learner/', () => {
      const current = learner();
      if (!current) return notSignedIn();
      return HttpResponse.json({
        count: current.enterprises.length,
        next: null,
        previous: null,
        num_pages: 1,
        current_page: 1,
        start: 0,
        results: current.enterprises.map((enterprise, index) => ({
          id: index + 1,
          active: true,
          linked: true,
          user_id: current.user.id,
          user: { id: current.user.id, username: current.user.username },
          enterprise_customer: enterprise,
        })),
        enterprise_features: state.flagsFor(null),
        enterprise_features_by_customer: Object.fromEntries(
          current.enterprises.map((enterprise) => [enterprise.uuid, state.flagsFor(enterprise.uuid)]),
        ),
        enterprise_features_meta: meta(null),
      });
    }),
    http.post('*/api/v1/bffs/learner/dashboard/', async ({ request }) => {
      const current = learner();
      if (!current) return notSignedIn();
      const body = (await request.json().catch(() => ({}))) as { enterprise_customer_slug?: string };
      const enterprise = current.enterprises.find((e) => e.slug === body.enterprise_customer_slug);
      if (!enterprise) return error(403, 'permission_denied', 'You are not a member of that enterprise.');
      return HttpResponse.json({
        enterprise_customer: enterprise,
        all_linked_enterprise_customer_users: [],
        active_enterprise_customer: current.enterprises[0] ?? null,
        enterprise_course_enrollments: current.enrollments[enterprise.slug] ?? [],
        errors: [],
        warnings: [],
        enterprise_features: state.flagsFor(enterprise.uuid),
        enterprise_features_meta: meta(enterprise.uuid),
        switches: state.get().switches,
      });
    }),
  ];
}
