import { startMockMode } from '../../examples/mock-mode.js';

// The page of the browser test: the README's mock mode, as an app would start it.
startMockMode(document.getElementById('root')!).then(
  () => document.body.setAttribute('data-mock-mode', 'started'),
  (error: unknown) => document.body.setAttribute('data-mock-mode', `failed: ${String(error)}`),
);
