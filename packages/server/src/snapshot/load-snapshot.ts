import type { Flag } from '@waffle-kit/core';
import { QueryTypes, type Sequelize, Transaction } from 'sequelize';
import { fromNullableTenths, fromTenths } from '../db/percent.js';
import { readSnapshotVersion } from '../db/snapshot-version.js';
import type { VersionedSnapshot } from './versioned-snapshot.js';

interface FlagRow {
  id: number;
  name: string;
  everyone: boolean | number | null;
  percent_tenths: number | null;
  testing: boolean | number;
  superusers: boolean | number;
  staff: boolean | number;
  authenticated: boolean | number;
  languages: string;
  rollout: boolean | number;
  updated_at: string | Date;
}

const bool = (value: boolean | number) => Boolean(value);
const iso = (value: string | Date) => new Date(value).toISOString();

export function splitLanguages(languages: string): string[] {
  return languages
    .split(',')
    .map((code) => code.trim())
    .filter((code) => code !== '');
}

/**
 * Reads all flag state in one read transaction (so the version matches the rows): nine small
 * queries, whatever the number of flags or customers. This is the only database read on the
 * evaluation path, and it runs on change, not per request.
 */
export async function loadSnapshot(sequelize: Sequelize): Promise<VersionedSnapshot> {
  const isolationLevel =
    sequelize.getDialect() === 'postgres' ? Transaction.ISOLATION_LEVELS.REPEATABLE_READ : undefined;
  return sequelize.transaction({ isolationLevel }, async (transaction) => {
    const select = <T extends object>(sql: string) =>
      sequelize.query<T>(sql, { type: QueryTypes.SELECT, transaction });
    const version = await readSnapshotVersion(sequelize, transaction);
    const flagRows = await select<FlagRow>(
      'SELECT id, name, everyone, percent_tenths, testing, superusers, staff, authenticated, languages, rollout, updated_at FROM waffle_flags ORDER BY name',
    );
    const userRows = await select<{ flag_id: number; username: string }>(
      'SELECT fu.flag_id, u.username FROM waffle_flag_users fu JOIN waffle_users u ON u.id = fu.user_id',
    );
    const groupRows = await select<{ flag_id: number; name: string }>(
      'SELECT fg.flag_id, g.name FROM waffle_flag_groups fg JOIN waffle_groups g ON g.id = fg.group_id',
    );
    const percentRows = await select<{
      flag_id: number;
      enterprise_customer_uuid: string;
      percent_tenths: number;
    }>('SELECT flag_id, enterprise_customer_uuid, percent_tenths FROM waffle_enterprise_flag_percentages');
    const switchRows = await select<{ name: string; active: boolean | number; updated_at: string | Date }>(
      'SELECT name, active, updated_at FROM waffle_switches ORDER BY name',
    );
    const sampleRows = await select<{ name: string; percent_tenths: number; updated_at: string | Date }>(
      'SELECT name, percent_tenths, updated_at FROM waffle_samples ORDER BY name',
    );

    const setRows = await select<{ name: string }>('SELECT name FROM waffle_flag_sets ORDER BY name');
    const memberRows = await select<{ set_name: string; flag_name: string }>(
      'SELECT s.name AS set_name, f.name AS flag_name FROM waffle_flag_set_members m JOIN waffle_flag_sets s ON s.id = m.flag_set_id JOIN waffle_flags f ON f.id = m.flag_id ORDER BY f.name',
    );
    const membersOf = groupBy(
      memberRows,
      (row) => row.set_name,
      (row) => row.flag_name,
    );

    const usersOf = groupBy(
      userRows,
      (row) => row.flag_id,
      (row) => row.username,
    );
    const groupsOf = groupBy(
      groupRows,
      (row) => row.flag_id,
      (row) => row.name,
    );
    const percentagesOf = new Map<number, Record<string, number>>();
    for (const row of percentRows) {
      const entry = percentagesOf.get(row.flag_id) ?? {};
      entry[row.enterprise_customer_uuid] = fromTenths(Number(row.percent_tenths));
      percentagesOf.set(row.flag_id, entry);
    }

    const flags: Flag[] = flagRows.map((row) => ({
      name: row.name,
      everyone: row.everyone === null ? null : bool(row.everyone),
      percent: fromNullableTenths(row.percent_tenths === null ? null : Number(row.percent_tenths)),
      testing: bool(row.testing),
      superusers: bool(row.superusers),
      staff: bool(row.staff),
      authenticated: bool(row.authenticated),
      languages: splitLanguages(row.languages),
      users: usersOf.get(row.id) ?? [],
      groups: groupsOf.get(row.id) ?? [],
      rollout: bool(row.rollout),
      enterprisePercentages: percentagesOf.get(row.id) ?? {},
    }));

    return {
      version,
      snapshot: {
        flags,
        switches: switchRows.map((row) => ({ name: row.name, active: bool(row.active) })),
        samples: sampleRows.map((row) => ({
          name: row.name,
          percent: fromTenths(Number(row.percent_tenths)),
        })),
      },
      sets: new Map(setRows.map((row) => [row.name, membersOf.get(row.name) ?? []])),
      modified: {
        flags: new Map(flagRows.map((row) => [row.name, iso(row.updated_at)])),
        switches: new Map(switchRows.map((row) => [row.name, iso(row.updated_at)])),
        samples: new Map(sampleRows.map((row) => [row.name, iso(row.updated_at)])),
      },
    };
  });
}

function groupBy<T, K, V>(rows: readonly T[], key: (row: T) => K, value: (row: T) => V): Map<K, V[]> {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const list = map.get(key(row)) ?? [];
    list.push(value(row));
    map.set(key(row), list);
  }
  return map;
}
