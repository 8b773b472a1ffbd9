import {
  createFixtureStore,
  type FixtureStore,
  type FlagValues,
  type LearnerPortalFixtures,
  learnerPortalHandlers,
} from '@waffle-kit/msw';
import { HttpResponse, http, type RequestHandler } from 'msw';
import { MOCK_LEARNERS } from './mock-learners.js';

/** What the mock backend answers with; every field optional. */
export interface MockBackendState {
  /** Who is signed in (null: nobody). */
  readonly username?: string | null;
  readonly flags?: FlagValues;
  /** Per enterprise (slug or uuid); entries for enterprises the learner is not in are ignored. */
  readonly flagsByCustomer?: Record<string, FlagValues>;
  readonly switches?: FlagValues;
}

export interface MockBackend {
  /** The `@waffle-kit/msw` fixtures the handlers read on every request. */
  readonly fixtures: FixtureStore;
  readonly handlers: RequestHandler[];
  /** Replaces the whole state (the tests' fresh start). */
  reset(state?: MockBackendState): void;
  setFlag(name: string, value: boolean): void;
  setSwitch(name: string, value: boolean): void;
  /** The signed-in username, or null. */
  username(): string | null;
}

const error = (status: number, code: string, message: string, fields?: Record<string, string>) =>
  HttpResponse.json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status });

function fixturesFor(state: MockBackendState): LearnerPortalFixtures {
  const learner = state.username ? MOCK_LEARNERS[state.username] : undefined;
  const known = new Set(learner?.fixtures.enterprises.flatMap((e) => [e.uuid, e.slug]) ?? []);
  return {
    ...(learner ? learner.fixtures : { user: null }),
    flags: state.flags ?? {},
    flagsByCustomer: Object.fromEntries(
      Object.entries(state.flagsByCustomer ?? {}).filter(([key]) => known.has(key)),
    ),
    switches: state.switches ?? {},
  };
}

/**
 * The portal's whole backend in MSW handlers: `learnerPortalHandlers` from `@waffle-kit/msw` for
 * the endpoints that carry flags (the shapes its contract test checks against the real server),
 * plus sign-in, sign-out and `me` for the demo accounts. Switches ride in `waffle_switches`, as
 * the real server embeds them.
 * Used by mock mode (`setupWorker`) and the component tests (`setupServer`).
 */
export function createMockBackend(initial: MockBackendState = {}): MockBackend {
  let state: MockBackendState = initial;
  const fixtures = createFixtureStore(fixturesFor(state));
  const update = (change: Partial<MockBackendState>) => {
    state = { ...state, ...change };
    fixtures.set(fixturesFor(state));
  };
  const current = () => (state.username ? (MOCK_LEARNERS[state.username] ?? null) : null);

  const handlers: RequestHandler[] = [
    http.get('*/api/auth/me', () => {
      const learner = current();
      return learner
        ? HttpResponse.json({ user: learner.user })
        : error(401, 'not_authenticated', 'Log in first: this needs a session.');
    }),
    http.post('*/api/auth/login', async ({ request }) => {
      const body = (await request.json().catch(() => ({}))) as { username?: unknown; password?: unknown };
      const fields: Record<string, string> = {};
      if (typeof body.username !== 'string' || body.username === '') fields.username = 'Enter a username.';
      if (typeof body.password !== 'string' || body.password === '') fields.password = 'Enter a password.';
      if (Object.keys(fields).length > 0) {
        return error(400, 'validation_error', 'Username and password are required.', fields);
      }
      const learner = MOCK_LEARNERS[body.username as string];
      if (!learner || learner.password !== body.password) {
        return error(401, 'invalid_credentials', 'The username or password is wrong.');
      }
      update({ username: learner.user.username });
      return HttpResponse.json({ user: learner.user });
    }),
    http.post('*/api/auth/logout', () => {
      update({ username: null });
      return new HttpResponse(null, { status: 204 });
    }),
    ...learnerPortalHandlers(fixtures.get),
  ];

  return {
    fixtures,
    handlers,
    reset: (next = {}) => {
      state = {};
      update(next);
    },
    // A flip in the panel holds for every enterprise, so the page shows it wherever it is.
    setFlag: (name, value) =>
      update({
        flags: { ...state.flags, [name]: value },
        flagsByCustomer: Object.fromEntries(
          Object.entries(state.flagsByCustomer ?? {}).map(([key, flags]) => [
            key,
            { ...flags, [name]: value },
          ]),
        ),
      }),
    setSwitch: (name, value) => update({ switches: { ...state.switches, [name]: value } }),
    username: () => state.username ?? null,
  };
}
