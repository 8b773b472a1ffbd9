import type { EvaluationContext } from './types.js';

/**
 * The language a request is evaluated in: the context's own, else the user's language, else the
 * first tag of `Accept-Language` (`"fr-CA,fr;q=0.9"` -> `"fr-CA"`).
 */
export function requestLanguage(ctx: EvaluationContext): string | undefined {
  if (ctx.language) return ctx.language;
  if (ctx.user?.language) return ctx.user.language;
  const header = ctx.headers?.['accept-language'];
  if (!header) return undefined;
  const first = header.split(',', 1)[0]!.split(';', 1)[0]!.trim();
  return first && first !== '*' ? first : undefined;
}
