import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createRawSnippet } from 'svelte';
import LazyPart from './LazyPart.svelte';
import { Lazy } from '../lazy.svelte';

const children = createRawSnippet((title: () => string) => ({ render: () => `<h1>${title()}</h1>` }));

function slowPart() {
  let finish!: (title: string) => void;
  let fail!: (e: Error) => void;
  const load = vi.fn(
    () =>
      new Promise<string>((resolve, reject) => {
        finish = resolve;
        fail = reject;
      }),
  );
  return { part: new Lazy(load), load, finish: (t: string) => finish(t), fail: (e: Error) => fail(e) };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('A part fetched on first opening', () => {
  it('shows at once, with nothing said, when it is already there', async () => {
    const part = new Lazy(() => Promise.resolve('Settings'));
    await part.load();
    const onshown = vi.fn();
    render(LazyPart<string>, { part, children, onshown });
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(onshown).not.toHaveBeenCalled();
  });

  it('says Loading… only when it takes a moment, then shows it and says so once', async () => {
    const { part, load, finish } = slowPart();
    const onshown = vi.fn();
    render(LazyPart<string>, { part, children, onshown });
    expect(load).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    await wait(50);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(await screen.findByRole('status')).toHaveTextContent('Loading…');

    finish('Learn');
    expect(await screen.findByRole('heading', { name: 'Learn' })).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    await waitFor(() => expect(onshown).toHaveBeenCalledTimes(1));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('offers to try again if it could not be opened', async () => {
    const { part, load, fail } = slowPart();
    render(LazyPart<string>, { part, children });
    fail(new Error('missing file'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This part of Alongside did not open. Your data is safe.');
    expect(alert).not.toHaveTextContent('missing file');

    load.mockImplementation(() => Promise.resolve('Reminders'));
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Reminders' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
