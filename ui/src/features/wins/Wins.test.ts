import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../App.svelte';
import { FakeBackend } from '../../lib/api/testing';
import { router } from '../../lib/router.svelte';
import { localDay, monthLabel, yesterday } from '../../lib/dates';
import { expectAccessible } from '../../test/axe';
import { emit } from '@tauri-apps/api/event';

async function start() {
  const backend = new FakeBackend().onboarded().install();
  const user = userEvent.setup();
  const view = render(App);
  await screen.findByRole('heading', { name: 'Today' });
  return { backend, user, ...view };
}

async function addWin(user: ReturnType<typeof userEvent.setup>, text: string, when = 'Today') {
  // The one in the header, there on every screen.
  await user.click(within(screen.getByRole('banner')).getByRole('button', { name: 'Add a win' }));
  const dialog = await screen.findByRole('dialog', { name: 'Add a win' });
  await user.type(within(dialog).getByLabelText('What happened?'), text);
  await user.selectOptions(within(dialog).getByLabelText('When?'), when);
  return dialog;
}

describe('Small wins', () => {
  it('shows a win that arrives from the care circle while the list is open', async () => {
    const { backend, user } = await start();
    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Wins' }));
    await screen.findByRole('heading', { name: 'Small wins', level: 1 });
    expect(screen.queryByText('Went for a walk with Tom')).not.toBeInTheDocument();
    // Written on a relative's computer, and now in this one's tables.
    backend.wins.unshift({
      id: 900, personId: 1, personName: 'Sam', happenedOn: localDay(), text: 'Went for a walk with Tom',
      note: null, tags: [], textMarked: null, noteMarked: null,
    });
    await emit('care-circle-synced');
    expect(await screen.findByText('Went for a walk with Tom')).toBeInTheDocument();
  });

  it('adds a win from any screen with a warm acknowledgement', async () => {
    const { backend, user, container } = await start();
    const dialog = await addWin(user, 'Made breakfast', 'Yesterday');
    await expectAccessible(container);
    await user.click(within(dialog).getByRole('checkbox', { name: 'self-care' }));
    await user.type(within(dialog).getByLabelText('Note (optional)'), 'We had pancakes');
    await user.click(within(dialog).getByRole('button', { name: 'Save this win' }));
    expect(await screen.findByText('Added. Every small step counts.')).toBeInTheDocument();
    expect(backend.called('add_win')[0].args).toEqual({
      win: {
        personId: backend.people[0].id,
        text: 'Made breakfast',
        happenedOn: yesterday(),
        tags: ['self-care'],
        note: 'We had pancakes',
      },
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('gives focus back to the button that opened it once the win is saved', async () => {
    const { user } = await start();
    const dialog = await addWin(user, 'Made breakfast');
    await user.click(within(dialog).getByRole('button', { name: 'Save this win' }));
    expect(await screen.findByText('Added. Every small step counts.')).toBeInTheDocument();
    const opener = within(screen.getByRole('banner')).getByRole('button', { name: 'Add a win' });
    await waitFor(() => expect(opener).toHaveFocus());
  });

  it('asks for what happened and shows the backend’s words for bad input', async () => {
    const { backend, user } = await start();
    await user.click(within(screen.getByRole('banner')).getByRole('button', { name: 'Add a win' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a win' });
    await user.click(within(dialog).getByRole('button', { name: 'Save this win' }));
    expect(within(dialog).getByLabelText('What happened?')).toHaveAccessibleDescription(
      'Please add what happened.',
    );
    await waitFor(() => expect(within(dialog).getByLabelText('What happened?')).toHaveFocus());
    expect(backend.called('add_win')).toHaveLength(0);
    await user.type(within(dialog).getByLabelText('What happened?'), 'x'.repeat(501));
    await user.click(within(dialog).getByRole('button', { name: 'Save this win' }));
    expect(within(dialog).getByLabelText('What happened?')).toHaveAccessibleDescription(
      'What happened is a little long.',
    );
    expect(backend.wins).toHaveLength(0);
  });

  it('keeps the Save button usable and focus in the dialog while a refused save comes back', async () => {
    const { backend, user } = await start();
    let finish: () => void = () => {};
    const slow = new Promise<void>((resolve) => (finish = resolve));
    const handle = backend.handle.bind(backend);
    let sent = 0;
    backend.handle = (cmd, args) => {
      if (cmd !== 'add_win') return handle(cmd, args);
      sent += 1;
      return slow.then(() => handle(cmd, args));
    };
    await user.click(within(screen.getByRole('banner')).getByRole('button', { name: 'Add a win' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a win' });
    await user.click(within(dialog).getByLabelText('What happened?'));
    await user.paste('x'.repeat(5000));
    const save = within(dialog).getByRole('button', { name: 'Save this win' });
    save.focus();
    await user.keyboard('{Enter}');
    // The focused button is never disabled (focus would fall out of the dialog); a second press
    // is ignored instead.
    expect(save).toBeEnabled();
    expect(save).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(sent).toBe(1);
    finish();
    await waitFor(() =>
      expect(within(dialog).getByLabelText('What happened?')).toHaveAccessibleDescription(
        'What happened is a little long.',
      ),
    );
    // Focus moves to the field the message is about, so it is read out.
    expect(within(dialog).getByLabelText('What happened?')).toHaveFocus();
    expect(within(dialog).getByText('5000 of 500 characters')).toBeInTheDocument();
    await user.tab();
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(backend.wins).toHaveLength(0);
  });

  it('keeps the line breaks of a note, and names the tag limit beside the tags', async () => {
    const { backend, user } = await start();
    const dialog = await addWin(user, 'Planned the weekend');
    await user.type(within(dialog).getByLabelText('Note (optional)'), 'Bread{Enter}Milk{Enter}Apples');
    for (const t of backend.tags) {
      await user.click(within(dialog).getByRole('checkbox', { name: t.name }));
    }
    const extra = ['music', 'garden', 'reading', 'walks', 'friends', 'cooking', 'art', 'pets', 'sport', 'faith', 'games'];
    for (const t of extra.slice(0, 11 - backend.tags.length)) {
      await user.type(within(dialog).getByLabelText('New tag'), t);
      await user.click(within(dialog).getByRole('button', { name: 'Add tag' }));
      await within(dialog).findByRole('checkbox', { name: t, checked: true });
    }
    await user.click(within(dialog).getByRole('button', { name: 'Save this win' }));
    const group = within(dialog).getByRole('group', { name: 'Tags (optional)' });
    await waitFor(() =>
      expect(group).toHaveAccessibleDescription('Please choose at most 10 tags for one win.'),
    );
    expect(within(group).getAllByRole('checkbox', { checked: true })).toHaveLength(11);
    expect(backend.wins).toHaveLength(0);

    await user.click(within(dialog).getByRole('checkbox', { name: backend.tags[0].name }));
    await user.click(within(dialog).getByRole('button', { name: 'Save this win' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(backend.wins[0].note).toBe('Bread\nMilk\nApples');
    router.go({ name: 'wins' });
    const note = await screen.findByText(/Bread/);
    expect(note).toHaveClass('lines');
    expect(note.textContent).toBe('Bread\nMilk\nApples');
  });

  it('opens with Ctrl+Shift+W, and celebrates a milestone', async () => {
    const { backend, user } = await start();
    for (let i = 0; i < 9; i++) {
      backend.wins.push({
        id: 1000 + i, personId: 1, personName: 'Sam', happenedOn: localDay(), text: `Win ${i}`,
        note: null, tags: [], textMarked: null, noteMarked: null,
      });
    }
    await user.keyboard('{Control>}{Shift>}W{/Shift}{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Add a win' });
    // Ready to type straight away, and Enter saves.
    await waitFor(() => expect(within(dialog).getByLabelText('What happened?')).toHaveFocus());
    await user.keyboard('Tenth{Enter}');
    expect(await screen.findByText(/That makes 10 small wins/)).toBeInTheDocument();
  });

  it('puts its cheerful note away when Crisis help opens', async () => {
    const { user } = await start();
    const dialog = await addWin(user, 'Went outside');
    await user.click(within(dialog).getByRole('button', { name: 'Save this win' }));
    expect(await screen.findByText('Added. Every small step counts.')).toBeInTheDocument();
    await user.keyboard('{Control>}{Shift>}H{/Shift}{/Control}');
    await screen.findByRole('dialog', { name: 'Crisis help' });
    expect(screen.queryByText('Added. Every small step counts.')).not.toBeInTheDocument();
  });

  it('keeps a note from a save that finishes after Crisis help opened to itself', async () => {
    const { backend, user } = await start();
    const dialog = await addWin(user, 'Went outside');
    const release = backend.holdNext('add_win');
    await user.click(within(dialog).getByRole('button', { name: 'Save this win' }));
    // Crisis help opens while the win is still being saved.
    await user.keyboard('{Control>}{Shift>}H{/Shift}{/Control}');
    await screen.findByRole('dialog', { name: 'Crisis help' });
    release();
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add a win' })).not.toBeInTheDocument());
    expect(backend.wins).toHaveLength(1);
    expect(screen.getByRole('dialog', { name: 'Crisis help' })).toBeInTheDocument();
    expect(screen.queryByText('Added. Every small step counts.')).not.toBeInTheDocument();
    // Nor does it appear once Crisis help is closed: it would be out of place by then.
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Crisis help' })).not.toBeInTheDocument());
    expect(screen.queryByText('Added. Every small step counts.')).not.toBeInTheDocument();
  });

  it('hides its note while another dialog is open, and shows it again after', async () => {
    const { user } = await start();
    let dialog = await addWin(user, 'Went outside');
    await user.click(within(dialog).getByRole('button', { name: 'Save this win' }));
    expect(await screen.findByText('Added. Every small step counts.')).toBeInTheDocument();
    dialog = await addWin(user, 'Called a friend');
    expect(screen.queryByText('Added. Every small step counts.')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(await screen.findByText('Added. Every small step counts.')).toBeInTheDocument();
  });

  it('shows a timeline by month, searches, deletes with Undo, and has a kind empty state', async () => {
    const { user, container } = await start();
    await user.click(screen.getByRole('button', { name: 'Wins' }));
    expect(await screen.findByRole('heading', { name: 'Your first win is waiting to be noticed' })).toBeInTheDocument();

    let dialog = await addWin(user, 'Went for a walk');
    await user.click(within(dialog).getByRole('button', { name: 'Save this win' }));
    dialog = await addWin(user, 'Called a friend');
    await user.click(within(dialog).getByRole('button', { name: 'Save this win' }));

    const month = monthLabel(localDay().slice(0, 7));
    expect(await screen.findByRole('heading', { name: `${month} 2 wins` })).toBeInTheDocument();
    await expectAccessible(container);

    await user.type(screen.getByRole('searchbox', { name: 'Search wins' }), 'walk');
    await screen.findByRole('heading', { name: `${month} 1 win` });
    expect(screen.queryByText('Called a friend')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));

    await user.click(await screen.findByRole('button', { name: 'Delete: Called a friend' }));
    expect(await screen.findByText('The win was deleted.')).toBeInTheDocument();
    await screen.findByRole('heading', { name: `${month} 1 win` });
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('button', { name: 'Delete: Called a friend' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Export as CSV' }));
    expect(await screen.findByText(/Saved 2 wins to \/home\/me\/Downloads/)).toBeInTheDocument();
  });

  it('edits a win', async () => {
    const { backend, user } = await start();
    router.go({ name: 'wins' });
    const dialog = await addWin(user, 'Went out');
    await user.click(within(dialog).getByRole('button', { name: 'Save this win' }));
    await user.click(await screen.findByRole('button', { name: 'Edit: Went out' }));
    const edit = await screen.findByRole('dialog', { name: 'Edit this win' });
    const field = within(edit).getByLabelText('What happened?');
    expect(field).toHaveValue('Went out');
    await user.clear(field);
    await user.type(field, 'Went out for coffee');
    await user.click(within(edit).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('button', { name: 'Edit: Went out for coffee' })).toBeInTheDocument();
    expect(backend.wins[0].text).toBe('Went out for coffee');
  });

  it('renames a tag everywhere, and refuses a name already taken', async () => {
    const { backend, user } = await start();
    const dialog = await addWin(user, 'Lunch with friends');
    await user.click(within(dialog).getByRole('checkbox', { name: 'social' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save this win' }));
    await user.click(screen.getByRole('button', { name: 'Wins' }));
    await user.click(await screen.findByText('Manage tags'));
    const field = screen.getByRole('textbox', { name: 'Rename tag social' });
    await user.clear(field);
    await user.type(field, 'self-care');
    await user.click(screen.getByRole('button', { name: 'Save name for social' }));
    expect(field).toHaveAccessibleDescription('There is already a tag called \u201cself-care\u201d.');
    await user.clear(field);
    await user.type(field, 'friends');
    await user.click(screen.getByRole('button', { name: 'Save name for social' }));
    expect(await screen.findByText('Renamed to \u201cfriends\u201d.')).toBeInTheDocument();
    expect(backend.wins[0].tags).toEqual(['friends']);
  });
});
