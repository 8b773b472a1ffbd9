// src/mock-mode.tsx: the app on the MSW worker, no backend, with a panel to flip flags.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createFixtureStore } from '@waffle-kit/msw';
import { setupFlagWorker } from '@waffle-kit/msw/browser';
import { FlagProvider } from '@waffle-kit/react';
import { useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';

const queryClient = new QueryClient();
const fixtures = createFixtureStore({
  flags: { 'enterprise.dashboard_v2': false, 'enterprise.search': false },
});

function FlagPanel() {
  const { flags = {} } = useSyncExternalStore(fixtures.subscribe, fixtures.get);
  return (
    <fieldset>
      <legend>Mock flags</legend>
      {Object.entries(flags).map(([name, on]) => (
        <label key={name}>
          <input
            type="checkbox"
            checked={on}
            onChange={(event) => {
              fixtures.setFlags({ [name]: event.target.checked });
              queryClient.invalidateQueries(); // refetch: the next answers carry the new flags
            }}
          />
          {name}
        </label>
      ))}
    </fieldset>
  );
}

export async function startMockMode(container: HTMLElement) {
  // `npx msw init public/` puts the worker script the browser loads at /mockServiceWorker.js.
  await setupFlagWorker(fixtures.get).start({ onUnhandledRequest: 'bypass', quiet: true });
  createRoot(container).render(
    <QueryClientProvider client={queryClient}>
      <FlagProvider>
        <FlagPanel />
        <App />
      </FlagProvider>
    </QueryClientProvider>,
  );
}
