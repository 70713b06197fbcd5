import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../App.svelte';
import { FakeBackend } from '../../lib/api/testing';
import { LIMITS } from '../../lib/api';
import { localDay } from '../../lib/dates';
import { expectAccessible } from '../../test/axe';

async function start(setup: (b: FakeBackend) => void = () => {}) {
  const backend = new FakeBackend().onboarded();
  setup(backend);
  backend.install();
  const user = userEvent.setup();
  const view = render(App);
  await screen.findByRole('heading', { name: 'Today' });
  return { backend, user, ...view };
}

describe('Reminders', () => {
  it('keeps the Add button in view once the list above it has grown', async () => {
    const { user } = await start();
    await user.click(screen.getByRole('button', { name: 'Reminders' }));
    await screen.findByRole('heading', { name: 'Reminders', level: 1 });
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Text Sam');
    const add = screen.getByRole('button', { name: 'Add the reminder' });
    const scrolled = vi.fn();
    add.scrollIntoView = scrolled;
    add.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText(/^Added: Text Sam\./)).toBeInTheDocument();
    await vi.waitFor(() => expect(scrolled).toHaveBeenCalledWith({ block: 'nearest' }));
    expect(add).toHaveFocus();
  });

  it('adds a reminder, refuses bad input with words, and removes one with Undo', async () => {
    const { backend, user, container } = await start();
    await user.click(screen.getByRole('button', { name: 'Reminders' }));
    await screen.findByRole('heading', { name: 'Reminders', level: 1 });
    expect(screen.getByText(/No reminders yet/)).toBeInTheDocument();
    await expectAccessible(container);

    await user.click(screen.getByRole('button', { name: 'Add the reminder' }));
    expect(await screen.findByText('Please add a title.')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Text Sam');
    await user.selectOptions(screen.getByRole('combobox', { name: 'How often?' }), 'weekly');
    await user.click(screen.getByRole('button', { name: 'Add the reminder' }));
    expect(await screen.findByText('Please choose at least one day of the week.')).toBeInTheDocument();
    expect(backend.reminders).toHaveLength(0);

    await user.click(screen.getByRole('checkbox', { name: 'Mon' }));
    await user.click(screen.getByRole('checkbox', { name: 'Thu' }));
    await user.click(screen.getByRole('button', { name: 'Add the reminder' }));
    const list = await screen.findByRole('list', { name: 'Your reminders' });
    expect(within(list).getByText('Text Sam')).toBeInTheDocument();
    const sent = backend.called('save_reminder')[2].args.reminder as { purpose: string; personId: number; schedule: { repeat: unknown; timeZone: string } };
    expect(sent.purpose).toBe('check_in');
    expect(sent.personId).toBe(backend.people[0].id);
    expect(sent.schedule.repeat).toEqual({ kind: 'weekly', days: ['MO', 'TH'] });
    expect(sent.schedule.timeZone).toBeTruthy();

    await user.click(within(list).getByRole('button', { name: 'Remove Text Sam' }));
    expect(await screen.findByText(/No reminders yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('button', { name: 'Remove Text Sam' })).toBeInTheDocument();
  });

  it('takes a time typed as a person writes it, and refuses one that is not a time', async () => {
    const { backend, user } = await start();
    await user.click(screen.getByRole('button', { name: 'Reminders' }));
    await user.type(await screen.findByRole('textbox', { name: 'Title' }), 'Evening walk');
    const time = screen.getByRole('textbox', { name: 'Time' });
    expect(time).toHaveAttribute('inputmode', 'numeric');
    expect(time).toHaveAccessibleDescription('e.g. 19:30');

    await user.clear(time);
    await user.type(time, '25:00');
    await user.click(screen.getByRole('button', { name: 'Add the reminder' }));
    await waitFor(() => expect(time).toHaveFocus());
    expect(time).toHaveAttribute('aria-invalid', 'true');
    expect(time).toHaveAccessibleDescription('Please write a time of day, like 19:30.');
    expect(backend.reminders).toHaveLength(0);

    await user.clear(time);
    await user.type(time, '1930');
    await user.tab();
    expect(time).toHaveValue('19:30');
    await user.click(screen.getByRole('button', { name: 'Add the reminder' }));
    expect(await screen.findByText(/Added: Evening walk/)).toBeInTheDocument();
    const sent = backend.called('save_reminder').at(-1)?.args.reminder as { schedule: { time: string } };
    expect(sent.schedule.time).toBe('19:30');

    for (const [typed, read] of [['7:30 pm', '19:30'], ['0730', '07:30'], ['19:30', '19:30']]) {
      await user.clear(time);
      await user.type(time, typed);
      await user.tab();
      expect(time).toHaveValue(read);
    }
  });

  it('counts the characters of the title and message as they near the core’s limits', async () => {
    const { user } = await start();
    await user.click(screen.getByRole('button', { name: 'Reminders' }));
    const title = await screen.findByRole('textbox', { name: 'Title' });
    // The same limits the core keeps (reminders::TITLE_MAX and MESSAGE_MAX).
    expect(LIMITS.reminderTitle).toBe(120);
    expect(LIMITS.reminderMessage).toBe(500);
    await user.click(title);
    await user.paste('x'.repeat(95));
    expect(screen.queryByText(/of 120 characters/)).not.toBeInTheDocument();
    await user.type(title, 'x');
    expect(title).toHaveAccessibleDescription('96 of 120 characters');
    const message = screen.getByRole('textbox', { name: /Message/ });
    await user.click(message);
    await user.paste('y'.repeat(400));
    expect(message).toHaveAccessibleDescription('400 of 500 characters');
  });

  it('shows a reminder’s time again when it is opened to edit', async () => {
    const { user } = await start();
    await user.click(screen.getByRole('button', { name: 'Reminders' }));
    await user.type(await screen.findByRole('textbox', { name: 'Title' }), 'Morning tea');
    const time = screen.getByRole('textbox', { name: 'Time' });
    await user.clear(time);
    await user.type(time, '0815');
    await user.click(screen.getByRole('button', { name: 'Add the reminder' }));
    const list = await screen.findByRole('list', { name: 'Your reminders' });
    await user.click(within(list).getByRole('button', { name: 'Edit Morning tea' }));
    const editing = await screen.findByRole('form', { name: 'Edit the reminder' });
    expect(within(editing).getByRole('textbox', { name: 'Time' })).toHaveValue('08:15');
  });

  it('snoozes to a chosen day and a time typed as a person says it', async () => {
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    const { backend, user } = await start((b) => {
      b.due = [
        { id: 51, reminderId: 2, title: 'Evening walk', message: null, purpose: 'self_care', personId: null, occurrence: `${localDay()}T18:30`, state: 'due', snoozedUntil: null },
      ];
    });
    const due = await screen.findByRole('region', { name: 'Due now' });
    await user.selectOptions(within(due).getByRole('combobox', { name: 'Snooze Evening walk' }), 'choose');
    const when = within(due).getByRole('group', { name: 'Remind me again at' });
    await user.type(within(when).getByLabelText('Day'), localDay(tomorrow));
    await user.type(within(when).getByRole('textbox', { name: 'Time' }), '0730');
    await user.click(within(due).getByRole('button', { name: 'Snooze' }));
    expect(await screen.findByText('Snoozed until the time you chose.')).toBeInTheDocument();
    expect(backend.called('resolve_due').at(-1)?.args).toEqual({
      id: 51,
      action: { action: 'snooze', for: null, until: `${localDay(tomorrow)}T07:30` },
    });
  });

  it('shows what is due on Today; Done on a check-in records it', async () => {
    const { backend, user } = await start((b) => {
      b.due = [
        { id: 50, reminderId: 1, title: 'Text Sam', message: null, purpose: 'check_in', personId: 1, occurrence: `${localDay()}T18:00`, state: 'due', snoozedUntil: null },
        { id: 51, reminderId: 2, title: 'Evening walk', message: null, purpose: 'self_care', personId: null, occurrence: `${localDay()}T18:30`, state: 'missed', snoozedUntil: null },
      ];
    });
    const due = await screen.findByRole('region', { name: 'Due now' });
    expect(within(due).getByText('While Alongside was closed')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Reminders\W+2 due$/ })).toBeInTheDocument();

    await user.click(within(due).getByRole('button', { name: 'Done: Text Sam' }));
    await user.selectOptions(within(due).getByRole('combobox', { name: /How did it go/ }), '4');
    await user.type(within(due).getByRole('textbox', { name: /A note/ }), 'Quick hello');
    await user.click(within(due).getByRole('button', { name: 'Record the check-in' }));
    expect(await screen.findByText('The check-in is recorded.')).toBeInTheDocument();
    expect(backend.checkins[0]).toMatchObject({ went: 4, note: 'Quick hello', how: 'message' });

    await user.selectOptions(within(due).getByRole('combobox', { name: 'Snooze Evening walk' }), 'ten_minutes');
    expect(await screen.findByText('We will remind you in 10 minutes.')).toBeInTheDocument();
    expect(backend.called('resolve_due').at(-1)?.args).toEqual({ id: 51, action: { action: 'snooze', for: 'ten_minutes', until: null } });
  });

  it('shows the first five due on Today, and the rest in Reminders', async () => {
    const { user } = await start((b) => {
      b.due = Array.from({ length: 8 }, (_, i) => ({
        id: 60 + i, reminderId: 1, title: `Reminder ${i + 1}`, message: null, purpose: 'self_care' as const,
        personId: null, occurrence: `${localDay()}T0${i}:00`, state: 'missed' as const, snoozedUntil: null,
      }));
    });
    const due = await screen.findByRole('region', { name: 'Due now' });
    expect(within(due).getAllByRole('listitem')).toHaveLength(5);
    expect(within(due).getByText(/3 more are waiting in Reminders/)).toBeInTheDocument();
    await user.click(within(due).getByRole('button', { name: 'See everything that is due' }));
    await screen.findByRole('heading', { name: 'Reminders', level: 1 });
    const all = await screen.findByRole('region', { name: 'Due now' });
    expect(within(all).getAllByRole('listitem')).toHaveLength(8);
    expect(within(all).queryByRole('button', { name: 'See everything that is due' })).toBeNull();
  });

  it('keeps quiet hours and private notifications, and sends a test notification', async () => {
    const { backend, user } = await start();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const from = await screen.findByLabelText('From');
    expect(from).toHaveValue('22:00');
    expect(screen.getByRole('checkbox', { name: /Show reminder titles/ })).not.toBeChecked();
    await user.clear(from);
    await user.type(from, '2230');
    await user.clear(screen.getByLabelText('Until'));
    await user.type(screen.getByLabelText('Until'), '7 am');
    await user.click(screen.getByRole('button', { name: 'Save reminder settings' }));
    expect(await screen.findByText('Reminder settings saved.')).toBeInTheDocument();
    expect(backend.reminderSettings).toMatchObject({ quietStart: '22:30', quietEnd: '07:00' });
    expect(screen.getByLabelText('From')).toHaveValue('22:30');
    expect(screen.getByLabelText('Until')).toHaveValue('07:00');

    await user.clear(screen.getByLabelText('Until'));
    await user.click(screen.getByRole('button', { name: 'Save reminder settings' }));
    expect(await screen.findByText(/Please choose both when quiet hours start/)).toBeInTheDocument();
    expect(backend.reminderSettings.quietEnd).toBe('07:00');
    await waitFor(() => expect(screen.getByLabelText('Until')).toHaveFocus());

    await user.click(screen.getByRole('button', { name: 'Send a test notification' }));
    expect(await screen.findByText('Sent. A notification should appear in a moment.')).toBeInTheDocument();
    expect(screen.getByText('If nothing appeared')).toBeInTheDocument();
    expect(backend.notificationsSent).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Pause all reminders for 1 hour' }));
    expect(await screen.findByRole('button', { name: 'Resume reminders' })).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Start Alongside when I log in' }));
    expect(await screen.findByText('Alongside will start when you log in.')).toBeInTheDocument();
    expect(backend.background.startAtLogin).toBe(true);
  });

  it('says plainly when there is no tray to keep reminders running', async () => {
    const { user } = await start((b) => (b.background = { tray: false, startAtLogin: false }));
    await user.click(screen.getByRole('button', { name: 'Reminders' }));
    expect(await screen.findByText(/reminders only come while this window is open/)).toBeInTheDocument();
  });
});
