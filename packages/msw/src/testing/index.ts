// Test helpers for React: Testing Library and @waffle-kit/react are peers of this entry only.
export {
  createTestQueryClient,
  FLAG_TEST_QUERY_KEY,
  FlagTestProvider,
  type FlagTestProviderProps,
} from './flag-test-provider.js';
export {
  type HandlerHost,
  type RenderWithFlagsOptions,
  type RenderWithFlagsResult,
  renderWithFlags,
} from './render-with-flags.js';
