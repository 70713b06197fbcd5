import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../App.svelte';
import { FakeBackend } from '../../lib/api/testing';
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

type User = ReturnType<typeof userEvent.setup>;

async function openFromForYou(user: User) {
  await user.click(screen.getByRole('button', { name: 'For you' }));
  await user.click(await screen.findByRole('button', { name: 'Make a report for your doctor' }));
  const heading = await screen.findByRole('heading', { name: 'A report for an appointment', level: 1 });
  await waitFor(() => expect(heading).toHaveFocus());
}

async function openFromPractice(user: User) {
  await user.click(screen.getByRole('button', { name: 'Encourage treatment' }));
  await screen.findByRole('heading', { name: 'Encourage treatment', level: 1 });
  await user.click(await screen.findByRole('button', { name: 'Make a report for their care team' }));
  await screen.findByRole('heading', { name: 'A report for an appointment', level: 1 });
}

function preview() {
  return screen.getByRole('region', { name: 'Preview' });
}

const addWin = (b: FakeBackend, personId: number, text: string) =>
  b.wins.push({
    id: b.wins.length + 500, personId, personName: '', happenedOn: localDay(), text,
    note: null, tags: [], textMarked: null, noteMarked: null,
  });

describe('A report for an appointment', () => {
  it('about me: every part ticked, the preview follows the choices, and it saves as a PDF', async () => {
    const { backend, user, container } = await start();
    await openFromForYou(user);

    expect(screen.getByRole('radio', { name: 'About me' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'About Sam' })).not.toBeChecked();
    expect(screen.getByRole('radio', { name: 'Last month' })).toBeChecked();
    for (const part of ['How stretched I have felt', 'My self-check results', 'What I have been handling']) {
      expect(screen.getByRole('checkbox', { name: part })).toBeChecked();
    }
    // No note about someone else's agreement: this report is the caregiver's own.
    expect(screen.queryByText(/best shared with their agreement/)).not.toBeInTheDocument();

    const shown = await within(preview()).findByRole('heading', { name: 'About me' });
    expect(shown).toBeInTheDocument();
    const p = within(preview());
    expect(p.getByText('Notes for my own doctor')).toBeInTheDocument();
    expect(p.getByRole('heading', { name: 'How stretched I have felt' })).toBeInTheDocument();
    expect(p.getByText('These are screenings, not a diagnosis.')).toBeInTheDocument();
    expect(p.getByRole('columnheader', { name: 'Check' })).toBeInTheDocument();
    expect(p.getByRole('cell', { name: 'PHQ-4' })).toBeInTheDocument();
    expect(p.getByText('There were no daily checks in these dates.')).toBeInTheDocument();
    expect(p.getByText('In an emergency, call 999.')).toBeInTheDocument();
    await expectAccessible(container);

    await user.click(screen.getByRole('checkbox', { name: 'What I have been handling' }));
    await waitFor(() =>
      expect(within(preview()).queryByRole('heading', { name: 'What I have been handling' })).not.toBeInTheDocument(),
    );
    expect(backend.called('report_preview').at(-1)?.args.request).toEqual({
      about: 'me', period: { kind: 'lastMonth' }, sections: ['strain', 'selfChecks'],
    });

    await user.click(screen.getByRole('radio', { name: 'Last 3 months' }));
    await waitFor(() => expect(within(preview()).getByText('4 September 2026 to 3 December 2026')).toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Save as PDF' }));
    expect(await screen.findByText('Saved in Downloads as “Alongside report about me 2026-12-03.pdf”.')).toBeInTheDocument();
    expect(backend.called('save_report')[0].args.request).toEqual({
      about: 'me', period: { kind: 'lastThreeMonths' }, sections: ['strain', 'selfChecks'],
    });
  });

  it('about the person: from the practice page, with a person picker, the agreement note and their wins', async () => {
    const { backend, user } = await start((b) => {
      b.people.push({ id: 99, name: 'Alex', relationship: 'friend', conditions: [] });
      addWin(b, b.people[0].id, 'Cooked dinner');
    });
    await openFromPractice(user);

    expect(screen.getByRole('radio', { name: 'About Sam' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'About Alex' })).not.toBeChecked();
    expect(screen.getByText(/about Sam's health\. It is best shared with their agreement/)).toBeInTheDocument();
    for (const part of ['Warning signs noticed', 'Check-ins', 'Appointments and questions to ask', 'Small wins']) {
      expect(screen.getByRole('checkbox', { name: part })).toBeChecked();
    }
    const p = within(preview());
    expect(await p.findByRole('heading', { name: 'About Sam' })).toBeInTheDocument();
    expect(p.getByRole('cell', { name: 'Cooked dinner' })).toBeInTheDocument();
    // The chart's numbers are there as text, and the bars themselves are hidden from screen readers.
    const chart = p.getByRole('figure', { name: 'Check-ins each week' });
    expect(within(chart).getByText('23 Nov').parentElement).toHaveTextContent(/^23 Nov\s*3$/);
    expect(p.getByText('No warning signs were written down in these dates.')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'About Alex' }));
    expect(await p.findByRole('heading', { name: 'About Alex' })).toBeInTheDocument();
    expect(screen.getByText(/about Alex's health/)).toBeInTheDocument();
    expect(p.queryByRole('cell', { name: 'Cooked dinner' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'About Sam' }));
    await user.click(screen.getByRole('button', { name: 'Save as PDF' }));
    expect(await screen.findByText('Saved in Downloads as “Alongside report about Sam 2026-12-03.pdf”.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save as PDF' }));
    expect(await screen.findByText('Saved in Downloads as “Alongside report about Sam 2026-12-03-2.pdf”.')).toBeInTheDocument();
    expect(backend.reports.saved).toHaveLength(2);
  });

  it('refuses with the caregiver’s words and saves nothing: no parts, and dates the wrong way round', async () => {
    const { backend, user } = await start();
    await openFromPractice(user);
    await within(preview()).findByRole('heading', { name: 'About Sam' });

    for (const part of ['Warning signs noticed', 'Check-ins', 'Appointments and questions to ask', 'Small wins']) {
      await user.click(screen.getByRole('checkbox', { name: part }));
    }
    expect(await screen.findByText('Please tick at least one part to put in the report.')).toBeInTheDocument();
    expect(within(preview()).queryByRole('heading', { name: 'About Sam' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save as PDF' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please tick at least one part');
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Warning signs noticed' })).toHaveFocus());
    expect(backend.reports.saved).toHaveLength(0);

    await user.click(screen.getByRole('checkbox', { name: 'Small wins' }));
    await within(preview()).findByRole('heading', { name: 'Small wins' });
    await user.click(screen.getByRole('radio', { name: 'Choose dates' }));
    const first = screen.getByLabelText('First day');
    const last = screen.getByLabelText('Last day');
    await user.clear(first);
    await user.type(first, '2026-11-20');
    await user.clear(last);
    await user.type(last, '2026-11-10');
    expect(await screen.findByText('The last day comes before the first day. Please swap them round.')).toBeInTheDocument();
    expect(last).toHaveAttribute('aria-invalid', 'true');
    expect(last).toHaveAccessibleDescription('The last day comes before the first day. Please swap them round.');
    await user.clear(last);
    await user.type(last, '2026-11-25');
    await waitFor(() => expect(last).not.toHaveAttribute('aria-invalid'));
    expect(await within(preview()).findByText('2026-11-20 to 2026-11-25')).toBeInTheDocument();
  });

  it('shows a failed save in plain words, and works from the keyboard alone', async () => {
    const { backend, user } = await start();
    await openFromForYou(user);
    await within(preview()).findByRole('heading', { name: 'About me' });
    backend.failNext.save_report = {
      code: 'invalid_input', message: 'Alongside could not find your Downloads folder.', field: 'export',
    };
    // From the heading, Tab reaches the choices and then Save as PDF; Space ticks, Enter saves.
    const save = screen.getByRole('button', { name: 'Save as PDF' });
    for (let i = 0; i < 20 && document.activeElement !== save; i++) await user.tab();
    expect(save).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Alongside could not find your Downloads folder.');
    expect(backend.reports.saved).toHaveLength(0);
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Saved in Downloads as “Alongside report about me 2026-12-03.pdf”.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
