import { QueryClientProvider } from '@tanstack/react-query';
import { act } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { learnerPage } from '../test/flag-responses.js';
import { makeQueryClient } from '../test/render.js';
import { FlagProvider, type FlagProviderProps, useFlag } from './index.js';

function Page() {
  return <p>{`search ${useFlag('enterprise.search')}, beta ${useFlag('enterprise.beta')}`}</p>;
}

function tree(props: Omit<FlagProviderProps, 'children'>, queryClient = makeQueryClient()) {
  return (
    <QueryClientProvider client={queryClient}>
      <FlagProvider {...props}>
        <Page />
      </FlagProvider>
    </QueryClientProvider>
  );
}

describe('server rendering', () => {
  it('renders the defaults when there is no bootstrap', () => {
    expect(renderToString(tree({ defaults: { 'enterprise.beta': true } }))).toContain(
      'search false, beta true',
    );
  });

  it('renders the bootstrap values passed as a prop', () => {
    const html = renderToString(
      tree({ bootstrap: { 'enterprise.search': true }, defaults: { 'enterprise.beta': true } }),
    );
    expect(html).toContain('search true, beta true');
  });

  it('hydrates without a mismatch, then shows the values in the client cache', async () => {
    const props = { bootstrap: { 'enterprise.search': true } };
    const container = document.createElement('div');
    container.innerHTML = renderToString(tree(props));
    const client = makeQueryClient();
    client.setQueryData(['learner'], learnerPage({ 'enterprise.search': false, 'enterprise.beta': true }));
    const errors = vi.spyOn(console, 'error');
    const recoverable = vi.fn();
    await act(async () => {
      hydrateRoot(container, tree(props, client), { onRecoverableError: recoverable });
    });
    expect(container.textContent).toBe('search false, beta true');
    expect(recoverable).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});
