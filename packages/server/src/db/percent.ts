/**
 * Percentages are stored as whole tenths so 33.3 stays 33.3 on SQLite and Postgres alike.
 * `toTenths(33.3)` is 333; `fromTenths(333)` is 33.3.
 */
export function toTenths(percent: number): number {
  return Math.round(percent * 10);
}

export function fromTenths(tenths: number): number {
  return tenths / 10;
}

export function fromNullableTenths(tenths: number | null): number | null {
  return tenths === null ? null : fromTenths(tenths);
}
