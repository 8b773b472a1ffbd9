import { type HotQuery, type RawReader, type Row, timestampMs, truthy } from '../db/raw-query.js';

/** An enterprise customer as the learner routes read it. */
export interface CustomerRow {
  readonly uuid: string;
  readonly slug: string;
  readonly name: string;
  readonly active: boolean;
}

/** A user's link to a customer, with the customer (null if it is gone). */
export interface LinkRow {
  readonly id: number;
  readonly active: boolean;
  readonly linked: boolean;
  readonly userId: number;
  readonly customerUuid: string;
  readonly customer: CustomerRow | null;
}

export interface EnrollmentRow {
  readonly courseRunId: string;
  readonly displayName: string;
  readonly orgName: string;
  readonly courseRunStatus: string;
  readonly createdAt: Date;
}

const LINK_COLUMNS =
  'SELECT l.id, l.active, l.linked, l.user_id, l.enterprise_customer_uuid, c.uuid, c.slug, c.name, c.active AS customer_active ' +
  'FROM waffle_enterprise_customer_users l ' +
  'LEFT JOIN waffle_enterprise_customers c ON c.uuid = l.enterprise_customer_uuid ' +
  'WHERE l.user_id = ? AND l.linked = ?';
const LINKS_OF_USER = 'FROM waffle_enterprise_customer_users WHERE user_id = ? AND linked = ?';

/** Every read the learner routes make, by name (the bench's hand-written floor runs the same statements). */
export const LEARNER_QUERIES = {
  allLinks: { name: 'waffle_links_v1', sql: `${LINK_COLUMNS} ORDER BY l.id` },
  linkPage: { name: 'waffle_link_page_v1', sql: `${LINK_COLUMNS} ORDER BY l.id LIMIT ? OFFSET ?` },
  linkPageOf: {
    name: 'waffle_link_page_of_v1',
    sql: `${LINK_COLUMNS} AND l.enterprise_customer_uuid = ? ORDER BY l.id LIMIT ? OFFSET ?`,
  },
  linkCount: { name: 'waffle_link_count_v1', sql: `SELECT COUNT(*) AS n ${LINKS_OF_USER}` },
  linkCountOf: {
    name: 'waffle_link_count_of_v1',
    sql: `SELECT COUNT(*) AS n ${LINKS_OF_USER} AND enterprise_customer_uuid = ?`,
  },
  userId: { name: 'waffle_user_id_v1', sql: 'SELECT id FROM waffle_users WHERE username = ?' },
  customerBySlug: {
    name: 'waffle_customer_by_slug_v1',
    sql: 'SELECT uuid, slug, name, active FROM waffle_enterprise_customers WHERE slug = ?',
  },
  customerByUuid: {
    name: 'waffle_customer_by_uuid_v1',
    sql: 'SELECT uuid, slug, name, active FROM waffle_enterprise_customers WHERE uuid = ?',
  },
  enrollments: {
    name: 'waffle_enrollments_v1',
    sql:
      'SELECT course_run_id, display_name, org_name, course_run_status, created_at ' +
      'FROM waffle_enterprise_course_enrollments WHERE user_id = ? AND enterprise_customer_uuid = ? ORDER BY id',
  },
} satisfies Record<string, HotQuery>;

const customerOf = (row: Row, active = row.active): CustomerRow => ({
  uuid: String(row.uuid),
  slug: String(row.slug),
  name: String(row.name),
  active: truthy(active),
});

const linkOf = (row: Row): LinkRow => ({
  id: Number(row.id),
  active: truthy(row.active),
  linked: truthy(row.linked),
  userId: Number(row.user_id),
  customerUuid: String(row.enterprise_customer_uuid),
  customer: row.uuid == null ? null : customerOf(row, row.customer_active),
});

/**
 * The demo learner API's reads: the requests a learner portal makes on every screen, so they run
 * as plain prepared statements (`rawReader`), not through Sequelize's model layer. Writes to
 * these tables stay in the admin services.
 */
export class LearnerStore {
  constructor(private readonly reader: RawReader) {}

  async userId(username: string): Promise<number | null> {
    const [row] = await this.reader.all(LEARNER_QUERIES.userId, [username]);
    return row ? Number(row.id) : null;
  }

  /** Every linked (active or not) link of the user, oldest first. */
  async links(userId: number): Promise<LinkRow[]> {
    return (await this.reader.all(LEARNER_QUERIES.allLinks, [userId, true])).map(linkOf);
  }

  /** One page of them, optionally only the link to one customer, and how many there are in all. */
  async linkPage(
    userId: number,
    { customerUuid, limit, offset }: { customerUuid: string | null; limit: number; offset: number },
  ): Promise<{ count: number; links: LinkRow[] }> {
    const [counted, rows] = await Promise.all(
      customerUuid
        ? [
            this.reader.all(LEARNER_QUERIES.linkCountOf, [userId, true, customerUuid]),
            this.reader.all(LEARNER_QUERIES.linkPageOf, [userId, true, customerUuid, limit, offset]),
          ]
        : [
            this.reader.all(LEARNER_QUERIES.linkCount, [userId, true]),
            this.reader.all(LEARNER_QUERIES.linkPage, [userId, true, limit, offset]),
          ],
    );
    return { count: Number(counted[0]?.n ?? 0), links: rows.map(linkOf) };
  }

  async customer(by: { slug: string } | { uuid: string }): Promise<CustomerRow | null> {
    const [row] =
      'uuid' in by
        ? await this.reader.all(LEARNER_QUERIES.customerByUuid, [by.uuid])
        : await this.reader.all(LEARNER_QUERIES.customerBySlug, [by.slug]);
    return row ? customerOf(row) : null;
  }

  async enrollments(userId: number, customerUuid: string): Promise<EnrollmentRow[]> {
    const rows = await this.reader.all(LEARNER_QUERIES.enrollments, [userId, customerUuid]);
    return rows.map((row) => ({
      courseRunId: String(row.course_run_id),
      displayName: String(row.display_name),
      orgName: String(row.org_name),
      courseRunStatus: String(row.course_run_status),
      createdAt: new Date(timestampMs(row.created_at)),
    }));
  }
}
