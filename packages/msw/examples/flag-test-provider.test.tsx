import { render, screen } from '@testing-library/react';
import { FlagTestProvider } from '@waffle-kit/msw/testing';
import { Flag } from '@waffle-kit/react';
import { expect, it } from 'vitest';

function DashboardTitle() {
  return (
    <Flag name="enterprise.dashboard_v2" fallback={<h1>Dashboard</h1>}>
      <h1>New dashboard</h1>
    </Flag>
  );
}

it('renders the new title when the flag is on, with no request at all', () => {
  render(
    <FlagTestProvider flags={{ 'enterprise.dashboard_v2': true }}>
      <DashboardTitle />
    </FlagTestProvider>,
  );
  expect(screen.getByRole('heading').textContent).toBe('New dashboard');
});
