// Registers this app's flag names: `useFlag('enterprise.dashbaord_v2')` no longer compiles.
import '@waffle-kit/react';

declare module '@waffle-kit/react' {
  interface Register {
    flags: 'enterprise.dashboard_v2' | 'enterprise.search';
  }
}
