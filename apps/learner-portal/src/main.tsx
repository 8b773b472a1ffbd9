import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.js';
import { createQueryClient } from './app/query-client.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element for the learner portal to render into.');

/** Mock mode (`vite --mode mock`): the MSW worker answers every API request, with a panel to flip flags. */
async function mockTools(): Promise<ReactNode> {
  if (import.meta.env.MODE !== 'mock') return null;
  const [{ initialMockBackend, startMockWorker }, { MockFlagsPanel }] = await Promise.all([
    import('./mock/start-mock-worker.js'),
    import('./mock/mock-flags-panel.js'),
  ]);
  const backend = initialMockBackend();
  await startMockWorker(backend);
  return <MockFlagsPanel backend={backend} />;
}

void mockTools().then((devTools) => {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>
        <App devTools={devTools} />
      </QueryClientProvider>
    </StrictMode>,
  );
});
