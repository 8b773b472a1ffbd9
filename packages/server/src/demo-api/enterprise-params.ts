import { nameSchema, uuidSchema } from '@waffle-kit/contract';
import { z } from 'zod';
import { ValidationError } from '../errors/app-error.js';
import { parseInput } from '../features/shared/parse-input.js';

/**
 * One query parameter as a string (null when absent or empty). A repeated (`?x=A&x=B`) or
 * nested (`?x[y]=`) parameter is a 400: a route must never pick one of several customers or
 * users on its own.
 */
export function singleQueryValue(query: Record<string, unknown>, name: string): string | null {
  const value = query[name];
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string') {
    throw new ValidationError(`Give ${name} once, as a plain value.`, { [name]: 'Give one value.' });
  }
  return value;
}

/** The `enterprise_customer_uuid` query parameter, checked and lower-cased; null when absent. */
export function enterpriseUuidQuery(query: Record<string, unknown>): string | null {
  const value = singleQueryValue(query, 'enterprise_customer_uuid');
  if (value === null) return null;
  return parseInput(z.object({ enterprise_customer_uuid: uuidSchema }), {
    enterprise_customer_uuid: value,
  }).enterprise_customer_uuid;
}

/** `?set=learner-portal,admin`: the flag sets asked for, each checked; null when absent. */
export function flagSetsQuery(query: Record<string, unknown>): string[] | null {
  const value = singleQueryValue(query, 'set');
  if (value === null) return null;
  return parseInput(z.object({ set: z.array(nameSchema) }), { set: value.split(',') }).set;
}
