import type { EvaluationContext } from '@waffle-kit/core';
import type { Request } from 'express';
import { type RequestUser, toFlagUser } from '../features/auth/request-user.js';

type StringMap = Record<string, string>;

function firstValues(source: Record<string, unknown> | undefined): StringMap {
  const result: StringMap = {};
  if (!source) return result;
  for (const [key, value] of Object.entries(source)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') result[key] = first;
  }
  return result;
}

export interface RequestContextInput {
  readonly user: RequestUser | null;
  readonly anonymousId?: string | null;
  readonly enterpriseCustomerUuid?: string | null;
}

/**
 * Turns an Express request into core's plain `EvaluationContext`: the user (already loaded by
 * authentication), language, query (first value of each), lower-case headers and cookies.
 * Evaluation never sees the request itself.
 */
export function buildEvaluationContext(req: Request, input: RequestContextInput): EvaluationContext {
  const headers: StringMap = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers[name.toLowerCase()] = value;
    else if (Array.isArray(value)) headers[name.toLowerCase()] = value.join(', ');
  }
  return {
    user: toFlagUser(input.user),
    anonymousId: input.user === null ? (input.anonymousId ?? null) : null,
    query: firstValues(req.query as Record<string, unknown>),
    headers,
    cookies: firstValues(req.cookies as Record<string, unknown> | undefined),
    enterpriseCustomerUuid: input.enterpriseCustomerUuid ?? null,
  };
}
