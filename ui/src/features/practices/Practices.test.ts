import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../App.svelte';
import { FakeBackend } from '../../lib/api/testing';
import { dayLabel, localDay } from '../../lib/dates';
import { expectAccessible } from '../../test/axe';

async function start() {
  const backend = new FakeBackend().onboarded().install();
  const user = userEvent.setup();
  const view = render(App);
  await screen.findByRole('heading', { name: 'Today' });
  return { backend, user, ...view };
}

type User = ReturnType<typeof userEvent.setup>;

async function openPractice(user: User, title: string) {
  await user.click(screen.getByRole('button', { name: title }));
  await screen.findByRole('heading', { name: title, level: 1 });
}

function inFuture(days: number, time = '10:00') {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${localDay(d)}T${time}`;
}

describe('The practices’ tools', () => {
  it('listen: phrases, the reflective exercise, and a listening moment with Undo', async () => {
    const { backend, user, container } = await start();
    await openPractice(user, 'Listen without judgment');
    expect(screen.getByRole('heading', { name: 'Phrases to try' })).toBeInTheDocument();
    expect(screen.getByText('Just cheer up.')).toBeInTheDocument();
    expect(screen.getByText('It adds pressure.')).toBeInTheDocument();

    await user.type(screen.getAllByRole('textbox', { name: 'Your words' })[0], 'You feel it is pointless');
    await user.click(screen.getByRole('button', { name: 'Compare with examples for 1' }));
    expect(screen.getByText('It sounds like things feel pointless right now.')).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'What did they share?' }), 'Work is too much');
    await user.click(screen.getByRole('button', { name: 'Save this listening moment' }));
    expect(await screen.findByText(/Please choose yes, partly or no/)).toBeInTheDocument();
    expect(backend.moments).toHaveLength(0);
    await user.click(screen.getByRole('radio', { name: 'Partly' }));
    await user.type(screen.getByRole('textbox', { name: /What did you learn/ }), 'They feel stuck');
    await expectAccessible(container);
    await user.click(screen.getByRole('button', { name: 'Save this listening moment' }));
    expect(await screen.findByText('Saved. Listening like this is a real gift.')).toBeInTheDocument();
    expect(backend.moments[0]).toMatchObject({ listened: 'partly', shared: 'Work is too much', happenedOn: localDay() });
    expect(await screen.findByText('Work is too much')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: `Remove the listening moment of ${dayLabel(localDay())}` }));
    expect(screen.queryByText('Work is too much')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Work is too much')).toBeInTheDocument();
  });

  it('check in: records a check-in and keeps a library of message starters', async () => {
    const { backend, user } = await start();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await openPractice(user, 'Check in regularly');

    await user.click(screen.getByRole('button', { name: 'Save this check-in' }));
    expect(await screen.findByText(/Please choose how you checked in/)).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'A call' }));
    await user.selectOptions(screen.getByRole('combobox', { name: /How did it go/ }), '4');
    await user.click(screen.getByRole('button', { name: 'Save this check-in' }));
    const history = await screen.findByRole('list', { name: 'Check-in history' });
    expect(within(history).getByText('A call · went 4 of 5')).toBeInTheDocument();
    expect(backend.checkins[0]).toMatchObject({ how: 'call', went: 4 });

    await user.click(screen.getByRole('button', { name: 'Copy “Thinking of you. No need to reply.”' }));
    expect(writeText).toHaveBeenCalledWith('Thinking of you. No need to reply.');
    expect(await screen.findByText('Copied. Paste it into your message.')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Add your own message' }), 'Saw a heron today');
    await user.click(screen.getByRole('button', { name: 'Add the message' }));
    const starters = screen.getByRole('list', { name: 'Message starters' });
    expect(await within(starters).findByText('Saw a heron today')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Edit “Fancy a walk this weekend?”' }));
    const box = screen.getByRole('textbox', { name: 'Change the message' });
    await user.clear(box);
    await user.type(box, 'Fancy a walk on Sunday?');
    await user.click(screen.getByRole('button', { name: 'Save the message' }));
    expect(await within(starters).findByText('Fancy a walk on Sunday?')).toBeInTheDocument();
  });

  it('encourage treatment: an appointment with questions, a care contact, and help when they say no', async () => {
    const { backend, user, container } = await start();
    await openPractice(user, 'Encourage treatment');
    expect(screen.getByRole('heading', { name: 'When they do not want help' })).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'With whom?' }), 'Dr Lee');
    await user.click(screen.getByRole('button', { name: 'Add the appointment' }));
    expect(await screen.findByText('Please choose the day and time of the appointment.')).toBeInTheDocument();
    expect(backend.appointments).toHaveLength(0);

    const when = inFuture(3, '19:30');
    await user.type(screen.getByLabelText('Day'), when.slice(0, 10));
    // A time typed as a person says it; one that is not a time is refused under the time.
    const time = screen.getByRole('textbox', { name: 'Time' });
    await user.type(time, '25:00');
    await user.click(screen.getByRole('button', { name: 'Add the appointment' }));
    await waitFor(() => expect(time).toHaveFocus());
    expect(time).toHaveAccessibleDescription('Please choose the day and time of the appointment.');
    expect(screen.getByLabelText('Day')).not.toHaveAttribute('aria-invalid');
    expect(backend.appointments).toHaveLength(0);
    await user.clear(time);
    await user.type(time, '1930');
    await user.click(screen.getByRole('checkbox', { name: 'I am giving a ride' }));
    await user.type(screen.getByRole('textbox', { name: /Questions to ask/ }), 'Side effects?{enter}Next review?');
    await expectAccessible(container);
    await user.click(screen.getByRole('button', { name: 'Add the appointment' }));
    const upcoming = await screen.findByRole('list', { name: 'Upcoming appointments' });
    expect(within(upcoming).getByText('Side effects?')).toBeInTheDocument();
    expect(within(upcoming).getByText(/you are giving a ride/)).toBeInTheDocument();
    expect(backend.appointments[0]).toMatchObject({ startsAt: when, questions: ['Side effects?', 'Next review?'] });

    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Main Street Pharmacy');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'pharmacy');
    await user.click(screen.getByRole('button', { name: 'Add the contact' }));
    const contacts = await screen.findByRole('list', { name: 'Care contacts' });
    expect(within(contacts).getByText('Main Street Pharmacy')).toBeInTheDocument();
  });

  it('respect boundaries: a boundary of theirs and of mine, and giving space', async () => {
    const { backend, user } = await start();
    await openPractice(user, 'Respect boundaries');
    expect(screen.getByText('Supporters need limits too.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add the boundary' }));
    expect(await screen.findByText('Please add the boundary.')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'The boundary' }), 'No questions about work at dinner');
    await user.click(screen.getByRole('button', { name: 'Add the boundary' }));
    const theirs = await screen.findByRole('list', { name: 'What Sam has asked for' });
    expect(within(theirs).getByText('No questions about work at dinner')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'I need it' }));
    await user.type(screen.getByRole('textbox', { name: 'The boundary' }), 'One evening a week for me');
    await user.click(screen.getByRole('button', { name: 'Add the boundary' }));
    expect(await screen.findByRole('list', { name: 'What I need for myself' })).toHaveTextContent('One evening a week for me');

    const until = inFuture(7).slice(0, 10);
    await user.type(screen.getByLabelText('Until'), until);
    await user.click(screen.getByRole('button', { name: 'Give space' }));
    expect(await screen.findByText(new RegExp(`Giving Sam space until ${dayLabel(until)}. Check-in`))).toBeInTheDocument();
    expect(backend.spaces).toEqual([{ personId: backend.people[0].id, until, note: null }]);
    await user.click(screen.getByRole('button', { name: 'End the pause now' }));
    expect(await screen.findByText('The pause for Sam has ended.')).toBeInTheDocument();
    expect(backend.spaces).toEqual([]);
  });

  it('Today offers a few suggestions to mark done or set aside, and a look-back without guilt', async () => {
    const { backend, user } = await start();
    const ideas = await screen.findByRole('region', { name: 'For today' });
    expect(within(ideas).getAllByRole('listitem')).toHaveLength(3);
    await user.click(within(ideas).getByRole('button', { name: 'Mark done: Send Sam a short message that asks nothing back.' }));
    expect(await within(ideas).findByRole('button', { name: 'Done: Send Sam a short message that asks nothing back.' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(within(ideas).getByRole('button', { name: 'Not today: Notice one small step out loud.' }));
    expect(await within(ideas).findByText('Ask what kind of support feels good right now.')).toBeInTheDocument();
    expect(within(ideas).queryByText('Notice one small step out loud.')).not.toBeInTheDocument();
    expect(backend.marks).toEqual({ 'checkin:1': 'done', 'idea:celebrate:0': 'not_today' });
    const week = screen.getByRole('region', { name: 'This week' });
    expect(within(week).getByText(/Being there in ways no app can see/)).toBeInTheDocument();
  });
});
