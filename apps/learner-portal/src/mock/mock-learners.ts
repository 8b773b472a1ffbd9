import { DEMO_ENROLLMENTS, DEMO_ENTERPRISES, type LearnerPortalFixtures } from '@waffle-kit/msw';
import type { SessionUser } from '../api/learner-api.js';

/** A demo account of mock mode: its password, session user and `@waffle-kit/msw` fixtures. */
export interface MockLearner {
  readonly password: string;
  readonly user: SessionUser;
  readonly fixtures: Required<Pick<LearnerPortalFixtures, 'user' | 'enterprises' | 'enrollments'>>;
}

const [ACME, BLUEBIRD] = DEMO_ENTERPRISES as [(typeof DEMO_ENTERPRISES)[0], (typeof DEMO_ENTERPRISES)[0]];

/** The demo enterprises by slug (the uuids and slugs of the server's seed). */
export const MOCK_ENTERPRISES = { acme: ACME, bluebird: BLUEBIRD };

function learner(
  id: number,
  username: string,
  password: string,
  fixtures: Omit<MockLearner['fixtures'], 'user'>,
  groups: string[] = [],
): MockLearner {
  return {
    password,
    user: {
      id,
      username,
      is_staff: false,
      is_superuser: false,
      language: null,
      groups,
      linked_enterprise_customer_uuids: fixtures.enterprises.map((enterprise) => enterprise.uuid),
    },
    fixtures: { user: { id, username }, ...fixtures },
  };
}

/** Demo learners as the server's seed has them: alice in Acme and Bluebird, bob in Bluebird. */
export const MOCK_LEARNERS: Readonly<Record<string, MockLearner>> = {
  alice: learner(1, 'alice', 'alice-demo', { enterprises: [ACME, BLUEBIRD], enrollments: DEMO_ENROLLMENTS }, [
    'beta-testers',
  ]),
  bob: learner(2, 'bob', 'bob-demo', {
    enterprises: [BLUEBIRD],
    enrollments: [
      {
        enterprise: 'bluebird',
        courseRunId: 'course-v1:Bluebird+BIO2+2026',
        displayName: 'Biology II',
        status: 'in_progress',
      },
    ],
  }),
};
