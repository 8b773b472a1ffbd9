import type { RequestHandler } from 'msw';
import { type SetupServer, setupServer } from 'msw/node';

// Stands in for msw-storybook-addon (not installed here) in tests and in `tsc -p examples`, with
// the part of its contract the examples rely on: `initialize()` starts MSW, and `mswLoader`
// replaces the handlers with the story's `parameters.msw.handlers` (an array, or an object of
// named arrays) before the story renders.

type MswParameters = { handlers?: RequestHandler[] | Record<string, RequestHandler[]> };

let server: SetupServer | undefined;

export function initialize(options: { onUnhandledRequest?: 'bypass' | 'warn' | 'error' } = {}): void {
  server = setupServer();
  server.listen(options);
}

export async function mswLoader(context: { parameters: { msw?: MswParameters } }): Promise<object> {
  if (!server) throw new Error('msw-storybook-addon: call initialize() first (in .storybook/preview)');
  const handlers = context.parameters.msw?.handlers ?? [];
  server.resetHandlers(...(Array.isArray(handlers) ? handlers : Object.values(handlers).flat()));
  return {};
}

/** Test only: stops the server `initialize()` started. */
export function stopMsw(): void {
  server?.close();
  server = undefined;
}
