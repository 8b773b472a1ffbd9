// .storybook/preview.tsx: msw-storybook-addon starts MSW and applies each story's parameters.msw.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { FlagProvider } from '@waffle-kit/react';
import { initialize, mswLoader } from 'msw-storybook-addon';
import { type ComponentType, type ReactNode, useState } from 'react';

initialize({ onUnhandledRequest: 'bypass' });

function FlagProviders({ children }: { children: ReactNode }) {
  // A QueryClient per story: no flags cached from the story shown before.
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  return (
    <QueryClientProvider client={client}>
      <FlagProvider>{children}</FlagProvider>
    </QueryClientProvider>
  );
}

export default {
  loaders: [mswLoader],
  decorators: [
    (Story: ComponentType) => (
      <FlagProviders>
        <Story />
      </FlagProviders>
    ),
  ],
};
