// A smoke script or test against a real backend, with the flags you choose.
import { patchFlags } from '@waffle-kit/msw';
import { setupServer } from 'msw/node';

export function callBackendWithFlags(baseUrl: string) {
  const server = setupServer(
    ...patchFlags(
      { 'enterprise.dashboard_v2': true, 'enterprise.legacy_reports': true },
      { baseUrl, paths: ['/api/courses'] },
    ),
  );
  server.listen({ onUnhandledRequest: 'bypass' }); // everything else goes to the backend as is
  return server; // server.close() when done
}
