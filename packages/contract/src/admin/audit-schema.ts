import { z } from 'zod';
import { listResponseSchema, timestampSchema } from './list.js';

/** The object as it was before or after a change, as its admin endpoint showed it; null: none. */
export const auditValueSchema = z.record(z.string(), z.unknown()).nullable();

/** One audited change: who, when, what, before and after (DESIGN.md). */
export const auditEntrySchema = z.strictObject({
  id: z.number().int().positive(),
  /** null: a change without a user (the CLI, a seed). */
  actor: z.string().min(1).nullable(),
  action: z.enum(['create', 'update', 'delete']),
  /** `flag`, `switch`, `sample`, `flag_set`, `user`, `group`, `enterprise_customer`, ... */
  object_type: z.string().min(1),
  object_name: z.string().min(1),
  before: auditValueSchema,
  after: auditValueSchema,
  created: timestampSchema,
});

/** `GET /api/admin/audit?object_type=&object_name=&limit=`: newest first. */
export const auditListResponseSchema = listResponseSchema(auditEntrySchema);

export type AuditValue = z.infer<typeof auditValueSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditListResponse = z.infer<typeof auditListResponseSchema>;
