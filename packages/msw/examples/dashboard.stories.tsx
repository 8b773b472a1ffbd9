// Each story answers the flag endpoints with the flags it shows.
import { flagScenarios, learnerPortalHandlers } from '@waffle-kit/msw';
import { App } from './app.js';

export default {
  title: 'Learner/Dashboard',
  component: App,
  parameters: {
    msw: { handlers: learnerPortalHandlers({ flags: { 'enterprise.dashboard_v2': false } }) },
  },
};

export const Classic = {};

export const NewDashboard = {
  parameters: {
    msw: {
      handlers: learnerPortalHandlers({
        flags: { 'enterprise.dashboard_v2': true, 'enterprise.search': true },
      }),
    },
  },
};

export const ApiDown = {
  parameters: { msw: { handlers: flagScenarios.serverError() } },
};
