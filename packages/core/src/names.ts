/** Flag, switch and sample names: 1-100 characters of `[A-Za-z0-9_.-]`. */
export const FLAG_NAME_PATTERN = /^[A-Za-z0-9_.-]{1,100}$/;

export function isValidFlagName(name: unknown): name is string {
  return typeof name === 'string' && FLAG_NAME_PATTERN.test(name);
}

/** A percentage: a finite number from 0.0 to 100.0 with at most one decimal. */
export function isValidPercent(percent: unknown): percent is number {
  return (
    typeof percent === 'number' &&
    Number.isFinite(percent) &&
    percent >= 0 &&
    percent <= 100 &&
    Math.abs(percent * 10 - Math.round(percent * 10)) < 1e-9
  );
}
