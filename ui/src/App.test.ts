import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from './App.svelte';
import { FakeBackend } from './lib/api/testing';
import { expectAccessible } from './test/axe';
import { router } from './lib/router.svelte';
import { localDay } from './lib/dates';

function setup(backend: FakeBackend) {
  backend.install();
  router.go({ name: 'today' });
  const user = userEvent.setup();
  const view = render(App);
  return { user, ...view };
}

describe('first run', () => {
  it('walks through onboarding and lands on Today with the person and the five practices', async () => {
    const backend = new FakeBackend();
    const { user, container } = setup(backend);

    await screen.findByRole('heading', { name: 'Welcome to Alongside' });
    await expectAccessible(container);
    await user.type(screen.getByLabelText('Your first name (optional)'), 'Maria');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    await screen.findByRole('heading', { name: 'Who are you supporting?' });
    await expectAccessible(container);
    // Empty name: a clear message, linked to the field, and no call to the backend.
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const name = screen.getByLabelText('Their name or nickname');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(
      'Please add a name or nickname for the person you support.',
    );
    await user.type(name, 'Sam');
    await user.selectOptions(screen.getByLabelText('Who are they to you?'), 'My partner');
    await user.click(screen.getByRole('checkbox', { name: 'Depression' }));
    await user.click(screen.getByRole('checkbox', { name: 'Anxiety' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    await screen.findByRole('heading', { name: 'Where are you?' });
    // No region chosen yet: asked to choose one.
    await user.click(screen.getByRole('button', { name: 'Start using Alongside' }));
    expect(screen.getByLabelText('Your country or region')).toHaveAccessibleDescription(
      /choose your country or region/,
    );
    expect(backend.called('complete_onboarding')).toHaveLength(0);
    await user.selectOptions(screen.getByLabelText('Your country or region'), 'United Kingdom');
    await user.click(screen.getByRole('button', { name: 'Start using Alongside' }));

    await screen.findByRole('heading', { name: 'Today' });
    expect(backend.called('complete_onboarding')[0].args).toEqual({
      onboarding: {
        caregiverName: 'Maria',
        region: 'GB',
        person: { name: 'Sam', relationship: 'partner', conditions: ['depression', 'anxiety'] },
      },
    });
    expect(screen.getByText(/Maria/)).toBeInTheDocument();
    expect(screen.getByText('Sam')).toBeInTheDocument();
    for (const title of [
      'Listen without judgment',
      'Check in regularly',
      'Encourage treatment',
      'Celebrate progress',
      'Respect boundaries',
    ]) {
      expect(await screen.findByRole('button', { name: title })).toBeInTheDocument();
    }
    await expectAccessible(container);
  });

  it('takes the caregiver back to the field the backend refused, with its words', async () => {
    const backend = new FakeBackend();
    const { user } = setup(backend);
    await screen.findByRole('heading', { name: 'Welcome to Alongside' });
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.type(screen.getByLabelText('Their name or nickname'), 'x'.repeat(81));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.selectOptions(screen.getByLabelText('Your country or region'), 'United States');
    await user.click(screen.getByRole('button', { name: 'Start using Alongside' }));

    await screen.findByRole('heading', { name: 'Who are you supporting?' });
    expect(screen.getByLabelText('Their name or nickname')).toHaveAccessibleDescription(
      'That name is a little long.',
    );
    expect(backend.profile).toBeNull();
  });

  it('shows a calm message, not a blank screen, when something unexpected fails', async () => {
    const backend = new FakeBackend();
    const { user } = setup(backend);
    await screen.findByRole('heading', { name: 'Welcome to Alongside' });
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.type(screen.getByLabelText('Their name or nickname'), 'Sam');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.selectOptions(screen.getByLabelText('Your country or region'), 'United States');
    backend.failNext.complete_onboarding = {
      code: 'storage',
      message: 'Alongside couldn\u2019t save that just now. Nothing was changed.',
      field: null,
    };
    await user.click(screen.getByRole('button', { name: 'Start using Alongside' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Nothing was changed');
    expect(screen.getByRole('heading', { name: 'Where are you?' })).toBeInTheDocument();
  });
});

describe('Crisis help', () => {
  it('opens from the header button and from Ctrl+Shift+H, and closes with Escape', async () => {
    const backend = new FakeBackend().onboarded();
    const { user } = setup(backend);
    await screen.findByRole('heading', { name: 'Today' });

    await user.click(screen.getByRole('button', { name: 'Crisis help' }));
    let dialog = await screen.findByRole('dialog', { name: 'Crisis help' });
    expect(await within(dialog).findByText('999')).toBeInTheDocument();
    expect(within(dialog).getByText('Samaritans')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    // Focus returns to where the caregiver was.
    expect(screen.getByRole('button', { name: 'Crisis help' })).toHaveFocus();

    await user.keyboard('{Control>}{Shift>}H{/Shift}{/Control}');
    dialog = await screen.findByRole('dialog', { name: 'Crisis help' });
    expect(await within(dialog).findByText('999')).toBeInTheDocument();
  });

  it('still works when the data cannot be opened', async () => {
    const backend = new FakeBackend();
    backend.problem = {
      code: 'database_too_new',
      message: 'Your Alongside data was saved by a newer version of Alongside.',
      field: null,
    };
    const { user, container } = setup(backend);
    await screen.findByRole('heading', { name: 'Your Alongside data could not be opened' });
    expect(screen.getByRole('alert')).toHaveTextContent('newer version');
    expect(screen.getByText('/home/me/.local/share/alongside')).toBeInTheDocument();
    await expectAccessible(container);

    await user.keyboard('{Control>}{Shift>}h{/Shift}{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Crisis help' });
    expect(await within(dialog).findByText('Find A Helpline')).toBeInTheDocument();

    // Try again once the problem is gone.
    await user.keyboard('{Escape}');
    backend.problem = null;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('heading', { name: 'Welcome to Alongside' });
  });
});

describe('start-up notices', () => {
  it('explains where an unreadable data file was kept', async () => {
    const backend = new FakeBackend();
    backend.movedAside = '/data/alongside.db.unreadable-20261122-101010';
    const { user } = setup(backend);
    const notice = await screen.findByText(/could not be read, so it was set aside safely/);
    expect(notice).toHaveTextContent('/data/alongside.db.unreadable-20261122-101010');
    await user.click(screen.getByRole('button', { name: 'OK' }));
    expect(screen.queryByText(/set aside safely/)).not.toBeInTheDocument();
  });
});

describe('navigation', () => {
  it('opens a practice page from Today and comes back', async () => {
    const backend = new FakeBackend().onboarded();
    const { user } = setup(backend);
    await user.click(await screen.findByRole('button', { name: 'Respect boundaries' }));
    await screen.findByRole('heading', { name: 'Respect boundaries', level: 1 });
    expect(screen.getByRole('heading', { name: 'Why it matters' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '← Back to Today' }));
    await screen.findByRole('heading', { name: 'Today' });
  });

  it('keeps a main screen between visits: its draft stays, its data is read again, a typed passphrase is cleared', async () => {
    const backend = new FakeBackend().onboarded();
    const { user } = setup(backend);
    const nav = await screen.findByRole('navigation', { name: 'Main' });

    await user.click(within(nav).getByRole('button', { name: 'Reminders' }));
    const heading = await screen.findByRole('heading', { name: 'Reminders', level: 1 });
    await waitFor(() => expect(backend.called('list_reminders')).toHaveLength(1));
    await user.type(screen.getByLabelText('Title'), 'Call the clinic');

    await user.click(within(nav).getByRole('button', { name: 'Settings' }));
    await screen.findByRole('heading', { name: 'Settings', level: 1 });
    // Only the shown screen is there for the keyboard and a screen reader.
    expect(screen.queryByRole('heading', { name: 'Reminders', level: 1 })).not.toBeInTheDocument();
    const passphrase = screen.getByLabelText('Passphrase');
    await user.type(passphrase, 'a secret phrase');

    await user.click(within(nav).getByRole('button', { name: 'Reminders' }));
    // The same screen, not a new one, with its list read again.
    expect(await screen.findByRole('heading', { name: 'Reminders', level: 1 })).toBe(heading);
    await waitFor(() => expect(backend.called('list_reminders')).toHaveLength(2));
    expect(screen.getByLabelText('Title')).toHaveValue('Call the clinic');
    // A passphrase never waits behind another screen.
    expect(passphrase).toHaveValue('');
  });

  it('lists the main screens in order and marks the current one, sub-screens included', async () => {
    const backend = new FakeBackend().onboarded();
    backend.due = [
      { id: 50, reminderId: 1, title: 'Text Sam', message: null, purpose: 'check_in', personId: 1, occurrence: `${localDay()}T18:00`, state: 'due', snoozedUntil: null },
    ];
    const { user } = setup(backend);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await within(nav).findByRole('button', { name: /^Reminders\W+1 due$/ });
    const names = within(nav).getAllByRole('button').map((b) => b.textContent);
    expect(names).toEqual(['Today', 'Learn', 'Wins', 'Be ready', 'For you', 'Reminders1, 1 due', 'Settings']);
    const current = () => within(nav).getAllByRole('button').filter((b) => b.getAttribute('aria-current') === 'page');

    expect(current().map((b) => b.textContent)).toEqual(['Today']);
    await user.click(within(nav).getByRole('button', { name: 'Settings' }));
    await screen.findByRole('heading', { name: 'Settings', level: 1 });
    expect(current().map((b) => b.textContent)).toEqual(['Settings']);
    router.go({ name: 'card', slug: 'listening' });
    await screen.findByRole('button', { name: 'Learn', current: 'page' });
    router.go({ name: 'plan-print', personId: 1, version: 1 });
    await screen.findByRole('button', { name: 'Be ready', current: 'page' });
    router.go({ name: 'practice', id: 'listen' });
    await screen.findByRole('heading', { level: 1 });
    expect(current()).toEqual([]);
  });
});
