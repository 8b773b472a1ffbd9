import { FLAG_NAME_PATTERN, isValidPercent } from '@waffle-kit/core';
import { z } from 'zod';

// The rules every side checks the same way: the server's inputs, the admin page's forms and the
// response schemas below all use these, so a name the admin page accepts is one the server stores.

/** An enterprise customer uuid (8-4-4-4-12 hex digits, any case). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The longest note an admin may attach to a flag, switch or sample. */
export const NOTE_MAX_LENGTH = 10_000;

/** Names of flags, switches and samples: 1-100 characters of `[A-Za-z0-9_.-]`, as stored. */
export const nameSchema = z
  .string({ error: 'Enter a name.' })
  .regex(FLAG_NAME_PATTERN, 'Use 1-100 characters: letters, digits, "_", "." or "-".');

/** 0.0-100.0 with at most one decimal. */
export const percentSchema = z
  .number({ error: 'Enter a number from 0.0 to 100.0.' })
  .refine(isValidPercent, 'Use a number from 0.0 to 100.0 with at most one decimal.');

/** An enterprise customer uuid as a request may write it (any case), lower-cased as it is stored. */
export const uuidSchema = z
  .string('Use an enterprise customer uuid.')
  .regex(UUID_PATTERN, 'Use an enterprise customer uuid such as 3f6c1e2a-0b1d-4c8e-9f00-1a2b3c4d5e6f.')
  .transform((uuid) => uuid.toLowerCase());

/** Free text an admin attaches to a flag, switch or sample. */
export const noteSchema = z.string().max(NOTE_MAX_LENGTH);

/** Usernames, as Django allows them: 1-150 characters of letters, digits and `@ . + - _`. */
export const usernameSchema = z
  .string({ error: 'Enter a username.' })
  .regex(/^[\w.@+-]{1,150}$/, 'Use 1-150 characters: letters, digits and @ . + - _.');

/** Group names, as in Django: 1-150 characters. */
export const groupNameSchema = z
  .string({ error: 'Enter a name.' })
  .min(1, 'Enter a name.')
  .max(150, 'Use at most 150 characters.');

/** A language code as a flag lists it and a user has it ("en", "pt-br"). */
export const languageCodeSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,35}$/, 'Use a language code such as "en" or "pt-br".');
