import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { FlagProvider, type FlagProviderProps } from '../src/index.js';

/** A real QueryClient as an app would make it, minus retries so failures show at once. */
export function makeQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } });
}

/** Renders `ui` inside QueryClientProvider + FlagProvider; `rerenderWith` changes provider props. */
export function renderWithFlags(
  ui: ReactNode,
  props: Omit<FlagProviderProps, 'children'> = {},
  queryClient = makeQueryClient(),
) {
  const tree = (next: Omit<FlagProviderProps, 'children'>) => (
    <QueryClientProvider client={queryClient}>
      <FlagProvider allowOverrides={false} {...next}>
        {ui}
      </FlagProvider>
    </QueryClientProvider>
  );
  const result = render(tree(props));
  return {
    ...result,
    queryClient,
    rerenderWith: (next: Omit<FlagProviderProps, 'children'>) => result.rerender(tree(next)),
  };
}

/** `fetch` that fails on a non-2xx answer, as query functions should. */
export async function getJson(url: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${response.status} from ${url}`);
  return response.json();
}

/** Renders `ui` with a QueryClient but no FlagProvider. */
export function renderWithoutProvider(ui: ReactNode) {
  return render(<QueryClientProvider client={makeQueryClient()}>{ui}</QueryClientProvider>);
}
