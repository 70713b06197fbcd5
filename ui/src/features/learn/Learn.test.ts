import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../App.svelte';
import { FakeBackend } from '../../lib/api/testing';
import { router } from '../../lib/router.svelte';
import { crisisHelp } from '../crisis/crisis.svelte';
import { expectAccessible } from '../../test/axe';

async function openLearn() {
  const backend = new FakeBackend().onboarded().install();
  router.go({ name: 'today' });
  crisisHelp.open = false;
  const user = userEvent.setup();
  const view = render(App);
  await user.click(await screen.findByRole('button', { name: 'Learn' }));
  await screen.findByRole('heading', { name: 'Learn', level: 1 });
  return { backend, user, ...view };
}

describe('Learn', () => {
  it('browses by topic with progress, and searches with highlighted matches', async () => {
    const { user, container } = await openLearn();
    expect(await screen.findByRole('heading', { name: /Safety and crisis/ })).toHaveTextContent(
      '0 of 1 read',
    );
    await expectAccessible(container);

    await user.type(screen.getByRole('searchbox', { name: 'Search the library' }), 'psychosis');
    expect(await screen.findByRole('heading', { name: 'Best matches' })).toBeInTheDocument();
    expect(within(screen.getByRole('main')).getAllByRole('listitem')).toHaveLength(1);
    const mark = container.querySelector('mark');
    expect(mark).toHaveTextContent('psychosis');
    await user.clear(screen.getByRole('searchbox', { name: 'Search the library' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search the library' }), 'zzz');
    expect(await screen.findByRole('heading', { name: 'Nothing found' })).toBeInTheDocument();
  });

  it('opens a card, bookmarks it and marks it read; the library shows both', async () => {
    const { backend, user, container } = await openLearn();
    await user.click(await screen.findByRole('button', { name: 'What psychosis is' }));
    await screen.findByRole('heading', { name: 'What psychosis is', level: 1 });
    expect(screen.getByText('hear voices').tagName).toBe('STRONG');
    expect(screen.getByRole('heading', { name: 'Try this' })).toBeInTheDocument();
    expect(screen.getByText(/NIMH/)).toBeInTheDocument();
    await expectAccessible(container);

    const bookmark = screen.getByRole('button', { name: 'Bookmark' });
    expect(bookmark).toHaveAttribute('aria-pressed', 'false');
    await user.click(bookmark);
    expect(await screen.findByRole('button', { name: 'Bookmarked' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await user.click(screen.getByRole('button', { name: 'Mark as read' }));
    expect(await screen.findByRole('button', { name: 'Read' })).toBeInTheDocument();
    expect(backend.cardState['psychosis-what-it-is']).toEqual({ bookmarked: true, read: true });

    await user.click(screen.getByRole('button', { name: '← Back to Learn' }));
    const bookmarks = await screen.findByRole('region', { name: 'Your bookmarks' });
    expect(within(bookmarks).getByRole('button', { name: 'What psychosis is' })).toBeInTheDocument();
  });

  it('a card about safety opens Crisis help', async () => {
    const { user } = await openLearn();
    await user.click(await screen.findByRole('button', { name: 'Making a safety plan' }));
    await user.click(await screen.findByRole('button', { name: 'Open Crisis help' }));
    expect(await screen.findByRole('dialog', { name: 'Crisis help' })).toBeInTheDocument();
  });

  it('an unknown card gets a plain message, not a blank screen', async () => {
    new FakeBackend().onboarded().install();
    router.go({ name: 'card', slug: 'no-such-card' });
    render(App);
    expect(await screen.findByRole('alert')).toHaveTextContent('That card could not be found.');
    expect(screen.getByRole('button', { name: '← Back to Learn' })).toBeInTheDocument();
  });
});
