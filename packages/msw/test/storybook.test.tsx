import { render, screen } from '@testing-library/react';
import type { ComponentType, ReactNode } from 'react';
import { afterAll, expect, it } from 'vitest';
import meta, * as stories from '../examples/dashboard.stories.js';
import preview from '../examples/preview.js';
import { stopMsw } from './msw-storybook-addon.js';

// Renders a story as Storybook does: the story's parameters over the component's, the preview's
// loaders (mswLoader installs parameters.msw.handlers), then the decorators around the component.
async function renderStory(story: { parameters?: Record<string, unknown> }) {
  const parameters = { ...meta.parameters, ...story.parameters };
  for (const loader of preview.loaders) await loader({ parameters });
  const decorated = preview.decorators.reduce<ComponentType>(
    (Story, decorate) => () => decorate(Story) as ReactNode,
    meta.component,
  );
  const Decorated = decorated;
  return render(<Decorated />);
}

afterAll(() => stopMsw());

it('Classic shows the old dashboard without search', async () => {
  await renderStory(stories.Classic);
  expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeTruthy();
  expect(screen.queryByRole('searchbox')).toBeNull();
});

it('NewDashboard shows the new dashboard and search, from its own parameters.msw', async () => {
  await renderStory(stories.NewDashboard);
  expect(await screen.findByRole('heading', { name: 'New dashboard' })).toBeTruthy();
  expect(screen.getByRole('searchbox', { name: 'Search courses' })).toBeTruthy();
});

it('ApiDown shows the error state and does not crash', async () => {
  await renderStory(stories.ApiDown);
  expect(await screen.findByRole('alert')).toBeTruthy();
});
