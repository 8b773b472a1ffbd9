/** A result table: printed as Markdown, so the terminal output pastes into BENCHMARKS.md as is. */
export interface Table {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Columns whose cells are numbers are right-aligned. */
export function renderTable(table: Table): string {
  const widths = table.columns.map((column, c) =>
    Math.max(column.length, ...table.rows.map((row) => (row[c] ?? '').length)),
  );
  const numeric = table.columns.map((_, c) =>
    table.rows.every((row) => /^[-\d.,×x%<>≤ µsKBn/a]*$/.test(row[c] ?? '')),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, c) => (numeric[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join(' | ')} |`;
  const rule = `|${widths.map((width, c) => (numeric[c] ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`;
  return [`**${table.title}**`, '', line(table.columns), rule, ...table.rows.map(line)].join('\n');
}

/** 1234567.8 -> "1,234,568". */
export const integer = (value: number): string => Math.round(value).toLocaleString('en-US');

/** A figure with three significant digits: 0.0123, 1.23, 12.3, 123. */
export function figure(value: number): string {
  if (value >= 100) return integer(value);
  return value.toPrecision(3);
}
