/** What a bench server process tells its parent. */
export type ServerMessage =
  | { readonly type: 'ready'; readonly embeddedUrl: string; readonly plainUrl: string }
  | { readonly type: 'sql'; readonly total: number; readonly flagReads: number };

/** Tables that hold flag state (as in the server's own SQL-count test): naming one reads flags. */
const FLAG_STATE = /\bwaffle_(flags|flag_users|flag_groups|enterprise_flag_percentages|switches|samples)\b/;

/** The statements among `statements` that read (or write) flag state. */
export function statementsReadingFlags(statements: readonly string[]): string[] {
  return statements.filter((statement) => FLAG_STATE.test(statement));
}
