import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { FlagProvider } from '@waffle-kit/react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';

const queryClient = new QueryClient();

createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={queryClient}>
    <FlagProvider defaults={{ 'enterprise.dashboard_v2': false }}>
      <App />
    </FlagProvider>
  </QueryClientProvider>,
);
