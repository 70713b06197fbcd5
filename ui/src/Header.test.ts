import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from './App.svelte';
import { FakeBackend } from './lib/api/testing';
import { expectAccessible } from './test/axe';

const SCREENS = ['Today', 'Learn', 'Wins', 'Be ready', 'For you', 'Reminders', 'Settings'];
const WIDE = window.innerWidth;

async function start(width: number) {
  window.innerWidth = width;
  new FakeBackend().onboarded().install();
  const user = userEvent.setup();
  const view = render(App);
  await screen.findByRole('heading', { name: 'Today' });
  const nav = screen.getByRole('navigation', { name: 'Main' });
  return { user, nav, ...view };
}

function screenButtons(nav: HTMLElement) {
  return within(nav)
    .queryAllByRole('button')
    .filter((b) => b.textContent !== 'Menu');
}

afterEach(() => {
  window.innerWidth = WIDE;
});

describe('The header', () => {
  it('shows every screen in a row on a wide window, with no Menu', async () => {
    const { nav } = await start(1100);
    expect(within(nav).queryByRole('button', { name: 'Menu' })).not.toBeInTheDocument();
    expect(screenButtons(nav).map((b) => b.textContent)).toEqual(SCREENS);
    expect(within(nav).getByRole('button', { name: 'Today' })).toHaveAttribute('aria-current', 'page');
  });

  it('puts the screens in a Menu on a narrow window, with Crisis help always beside it', async () => {
    const { user, nav, container } = await start(600);
    const banner = screen.getByRole('banner');
    const menu = within(nav).getByRole('button', { name: 'Menu' });
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(screenButtons(nav)).toHaveLength(0);
    expect(within(banner).getByRole('button', { name: 'Crisis help' })).toBeInTheDocument();
    expect(within(banner).getByRole('button', { name: 'Add a win' })).toBeInTheDocument();

    // Opening it lists every screen, the current one marked.
    await user.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    const list = within(nav).getByRole('list');
    expect(menu).toHaveAttribute('aria-controls', list.id);
    expect(within(list).getAllByRole('button').map((b) => b.textContent)).toEqual(SCREENS);
    expect(within(list).getByRole('button', { name: 'Today' })).toHaveAttribute('aria-current', 'page');
    await expectAccessible(container);

    // Escape closes it and puts focus back on Menu.
    await user.keyboard('{Escape}');
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(screenButtons(nav)).toHaveLength(0);
    expect(menu).toHaveFocus();

    // By keyboard: open, move to a screen, choose it; the menu folds away and the screen's
    // heading takes the focus.
    await user.keyboard('{Enter}');
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    await user.tab();
    expect(within(nav).getByRole('button', { name: 'Today' })).toHaveFocus();
    await user.click(within(nav).getByRole('button', { name: 'Settings' }));
    const heading = await screen.findByRole('heading', { name: 'Settings', level: 1 });
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(screenButtons(nav)).toHaveLength(0);
    await waitFor(() => expect(heading).toHaveFocus());

    // Open again, the new screen is the current one.
    await user.click(menu);
    expect(within(nav).getByRole('button', { name: 'Settings' })).toHaveAttribute('aria-current', 'page');
  });

  it('folds the Menu away when focus or a press goes elsewhere', async () => {
    const { user, nav } = await start(600);
    const menu = within(nav).getByRole('button', { name: 'Menu' });
    await user.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('heading', { name: 'Today' }));
    expect(menu).toHaveAttribute('aria-expanded', 'false');

    // Tabbing past the last screen leaves the menu: it closes behind the focus.
    await user.click(menu);
    within(nav).getByRole('button', { name: 'Settings' }).focus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Add a win' })).toHaveFocus();
    expect(menu).toHaveAttribute('aria-expanded', 'false');
  });

  it('lets Crisis help open over the open Menu, and the Menu is put away', async () => {
    const { user, nav } = await start(600);
    const menu = within(nav).getByRole('button', { name: 'Menu' });
    await user.click(menu);
    await user.click(screen.getByRole('button', { name: 'Crisis help' }));
    await screen.findByRole('dialog', { name: 'Crisis help' });
    await waitFor(() => expect(menu).toHaveAttribute('aria-expanded', 'false'));
  });
});
