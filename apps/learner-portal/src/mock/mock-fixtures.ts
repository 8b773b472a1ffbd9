import type { Enrollment, EnterpriseCustomer, SessionUser } from '../api/learner-api.js';

/** The demo's enterprises, with the uuids and slugs of the server's seed. */
export const MOCK_ENTERPRISES = {
  acme: { uuid: '6d2f4a9e-1c3b-4e5f-8a7b-000000000a01', slug: 'acme', name: 'Acme Learning', active: true },
  bluebird: {
    uuid: '6d2f4a9e-1c3b-4e5f-8a7b-000000000b02',
    slug: 'bluebird',
    name: 'Bluebird University',
    active: true,
  },
} satisfies Record<string, EnterpriseCustomer>;

export interface MockLearner {
  readonly user: SessionUser;
  readonly password: string;
  readonly enterprises: readonly EnterpriseCustomer[];
  readonly enrollments: Readonly<Record<string, readonly Enrollment[]>>;
}

function enrollment(course_run_id: string, display_name: string, course_run_status: string): Enrollment {
  return {
    course_run_id,
    display_name,
    org_name: null,
    course_run_status,
    created: '2026-09-01T00:00:00.000Z',
  };
}

function user(id: number, username: string, enterprises: readonly EnterpriseCustomer[]): SessionUser {
  return {
    id,
    username,
    is_staff: false,
    is_superuser: false,
    language: null,
    groups: [],
    linked_enterprise_customer_uuids: enterprises.map((enterprise) => enterprise.uuid),
  };
}

/** Demo learners as the seed has them: alice in two enterprises, bob in one. */
export const MOCK_LEARNERS: Record<string, MockLearner> = {
  alice: {
    user: {
      ...user(1, 'alice', [MOCK_ENTERPRISES.acme, MOCK_ENTERPRISES.bluebird]),
      groups: ['beta-testers'],
    },
    password: 'alice-demo',
    enterprises: [MOCK_ENTERPRISES.acme, MOCK_ENTERPRISES.bluebird],
    enrollments: {
      acme: [
        enrollment('course-v1:Acme+DS101+2026', 'Data Science 101', 'in_progress'),
        enrollment('course-v1:Acme+SQL+2026', 'SQL for Analysts', 'completed'),
      ],
      bluebird: [enrollment('course-v1:Bluebird+HIST1+2026', 'World History', 'upcoming')],
    },
  },
  bob: {
    user: user(2, 'bob', [MOCK_ENTERPRISES.bluebird]),
    password: 'bob-demo',
    enterprises: [MOCK_ENTERPRISES.bluebird],
    enrollments: { bluebird: [enrollment('course-v1:Bluebird+BIO2+2026', 'Biology II', 'in_progress')] },
  },
};
