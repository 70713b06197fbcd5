import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../App.svelte';
import { FakeBackend } from '../../lib/api/testing';
import { expectAccessible } from '../../test/axe';

async function start() {
  const backend = new FakeBackend().onboarded().install();
  const user = userEvent.setup();
  const view = render(App);
  await screen.findByRole('heading', { name: 'Today' });
  return { backend, user, ...view };
}

type User = ReturnType<typeof userEvent.setup>;

const PHQ = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];
const BURNOUT = ['Never', 'Sometimes', 'Often'];

/** Answers question i (0-based) with values[i]; `null` leaves a question blank. */
async function answer(user: User, values: (number | null)[], labels = PHQ) {
  const groups = screen.getAllByRole('group');
  for (const [i, v] of values.entries()) {
    if (v === null) continue;
    await user.click(within(groups[i]).getByRole('radio', { name: labels[v] }));
  }
}

async function openCheck(user: User, name: string) {
  await user.click(screen.getByRole('button', { name: 'For you' }));
  await user.click(await screen.findByRole('button', { name }));
  await screen.findByRole('heading', { name, level: 1 });
}

const SELF_WORDS = 'Say: I’m having a really hard time and I need to talk to someone.';

describe('Looking after you', () => {
  it('gives a self-check its heading’s focus once it has loaded, for keyboard users', async () => {
    const { backend, user } = await start();
    await user.click(screen.getByRole('button', { name: 'For you' }));
    const name = 'PHQ-4';
    const opener = await screen.findByRole('button', { name });
    let finish: () => void = () => {};
    const slow = new Promise<void>((resolve) => (finish = resolve));
    const handle = backend.handle.bind(backend);
    backend.handle = (cmd, args) =>
      cmd === 'list_self_checks' ? slow.then(() => handle(cmd, args)) : handle(cmd, args);
    await user.click(opener);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('heading', { name, level: 1 })).not.toBeInTheDocument();
    finish();
    const heading = await screen.findByRole('heading', { name, level: 1 });
    await waitFor(() => expect(heading).toHaveFocus());
  });

  it('takes the daily check, refuses it half-answered, and edits it on a second answer', async () => {
    const { backend, user, container } = await start();
    // Today nudges gently, without counting missed days.
    expect(screen.getByText(/How are you today\?/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'For you' }));
    await screen.findByRole('heading', { name: "Today's check" });
    await expectAccessible(container);

    await user.click(screen.getByRole('button', { name: "Save today's check" }));
    expect(await screen.findByText('Please choose how much strain you feel, from 0 to 10.')).toBeInTheDocument();
    expect(backend.dailyChecks).toHaveLength(0);

    const strain = screen.getByRole('group', { name: 'How much strain do you feel today?' });
    await user.click(within(strain).getByRole('radio', { name: '6' }));
    await user.click(screen.getByRole('radio', { name: 'Poor' }));
    await user.type(screen.getByRole('textbox', { name: /Hours/ }), '5.5');
    await user.click(screen.getByRole('radio', { name: 'Yes' }));
    await user.click(screen.getByRole('button', { name: "Save today's check" }));
    expect(await screen.findByText('Saved. Thank you for checking in with yourself.')).toBeInTheDocument();
    expect(backend.dailyChecks).toEqual([
      expect.objectContaining({ strain: 6, sleep: 'poor', sleepHours: 5.5, forMyself: true }),
    ]);

    // The chart and its table alternative show it.
    expect(await screen.findByRole('img', { name: /Chart of daily strain.*Latest: 6/ })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Daily strain, newest first' });
    expect(within(table).getAllByRole('row')).toHaveLength(2);

    // Answering again the same day edits the one entry.
    await user.click(within(strain).getByRole('radio', { name: '7' }));
    await user.click(screen.getByRole('button', { name: "Update today's check" }));
    expect(await screen.findByText("Today's check is updated.")).toBeInTheDocument();
    expect(backend.dailyChecks).toHaveLength(1);
    expect(backend.dailyChecks[0].strain).toBe(7);
  });

  it('waits a week before suggesting a first self-check, on Today and here', async () => {
    const { backend, user } = await start();
    // Set up today: no badge nagging a new caregiver.
    const you = await screen.findByRole('region', { name: 'And you?' });
    expect(within(you).queryByText('Self-check due')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'For you' }));
    await screen.findByRole('heading', { name: 'Self-checks' });
    expect(screen.queryByText('Due')).not.toBeInTheDocument();

    // A week on, a gentle invitation.
    backend.setUpDaysAgo = 7;
    await user.click(screen.getByRole('button', { name: 'Today' }));
    expect(await screen.findByText('Self-check due')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'For you' }));
    expect(await screen.findByText('Due')).toBeInTheDocument();
    expect(screen.getByText(/The PHQ-4 is a good place to start/)).toBeInTheDocument();
  });

  it('scores a PHQ-4, names its band, and offers the PHQ-9 for a positive pair', async () => {
    const { backend, user, container } = await start();
    backend.setUpDaysAgo = 14;
    await user.click(screen.getByRole('button', { name: 'For you' }));
    expect(await screen.findByText('Due')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'PHQ-4' }));
    await screen.findByRole('heading', { name: 'PHQ-4' });
    expect(screen.getByText(/Over the last 2 weeks,/)).toBeInTheDocument();
    expect(screen.getByText(/not a diagnosis/)).toBeInTheDocument();

    // Missing answers: each one is marked, nothing is saved.
    await answer(user, [0, 1]);
    await user.click(screen.getByRole('button', { name: 'See my result' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please answer questions 3, 4.');
    expect(screen.getAllByText('Please answer this one.')).toHaveLength(2);
    expect(backend.results).toHaveLength(0);

    await answer(user, [0, 1, 3, 1]);
    await expectAccessible(container);
    await user.click(screen.getByRole('button', { name: 'See my result' }));
    expect(await screen.findByRole('heading', { name: 'Your result: mild range — a screening, not a diagnosis' })).toBeInTheDocument();
    expect(screen.getByText(/5 out of 12/)).toBeInTheDocument();
    expect(screen.getByText('Low mood may be weighing on you.')).toBeInTheDocument();
    expect(screen.queryByText('Worry may be weighing on you.')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Take the PHQ-9' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    // The history says what the band is: a screening, not a diagnosis. The band is never bare.
    await user.click(screen.getByRole('button', { name: 'See your history and self-care plan' }));
    const table = await screen.findByRole('table', { name: 'Self-check history, newest first' });
    expect(within(table).getByText('PHQ-4: mild range — a screening, not a diagnosis')).toBeInTheDocument();
    expect(within(table).queryByText('Mild')).not.toBeInTheDocument();
    expect(within(table).getByText('Screening')).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /Latest: PHQ-4, 5 out of 12, mild range — a screening, not a diagnosis/ }),
    ).toBeInTheDocument();
  });

  it('opens Crisis help as soon as PHQ-9 question 9 is answered above 0, with the rest blank and nothing saved', async () => {
    const { backend, user } = await start();
    await openCheck(user, 'PHQ-9');
    // Only question 9, "Several days": help comes now, not at "See my result".
    await answer(user, [null, null, null, null, null, null, null, null, 1]);
    const dialog = await screen.findByRole('dialog', { name: 'Crisis help' });
    expect(within(dialog).getByText('Thank you for answering honestly. You deserve support right now.')).toBeInTheDocument();
    // Keyboard and screen-reader users land in it, not on the radio behind it.
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    expect(await within(dialog).findByText('999')).toBeInTheDocument();
    expect(within(dialog).getByRole('heading', { name: 'Samaritans' })).toBeInTheDocument();
    // It is about the caregiver: words for calling about oneself, and their own card.
    expect(within(dialog).getByRole('radio', { name: 'Me' })).toBeChecked();
    expect(within(dialog).getByText(SELF_WORDS)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Write down whom you can call for yourself' })).toBeInTheDocument();
    expect(backend.results).toHaveLength(0);
    expect(backend.calls.filter((c) => c.cmd === 'take_self_check')).toHaveLength(0);

    // Closed, the form still offers it; changing to another answer above 0 does not reopen it.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await answer(user, [null, null, null, null, null, null, null, null, 2]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    // Back to "Not at all" and up again: that is a new answer above 0, so it opens again.
    await answer(user, [null, null, null, null, null, null, null, null, 0]);
    // (Looking after you, kept hidden behind this screen, has its own note: only this screen counts.)
    expect(
      screen.queryByText('Thank you for answering honestly. You deserve support right now.', {
        ignore: '[hidden] *, script, style',
      }),
    ).not.toBeInTheDocument();
    await answer(user, [null, null, null, null, null, null, null, null, 3]);
    expect(await screen.findByRole('dialog', { name: 'Crisis help' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Open Crisis help' }));
    expect(await screen.findByRole('dialog', { name: 'Crisis help' })).toBeInTheDocument();
    await user.keyboard('{Escape}');

    // Back does not hide it: Looking after you keeps a way to it, and still nothing is saved.
    await user.click(screen.getByRole('button', { name: '← Back to Looking after you' }));
    await screen.findByRole('heading', { name: 'Looking after you' });
    const note = screen.getByRole('region', { name: 'Support right now' });
    expect(within(note).getByText('Thank you for answering honestly. You deserve support right now.')).toBeInTheDocument();
    await user.click(within(note).getByRole('button', { name: 'Open Crisis help' }));
    const again = await screen.findByRole('dialog', { name: 'Crisis help' });
    expect(within(again).getByText(SELF_WORDS)).toBeInTheDocument();
    expect(backend.results).toHaveLength(0);
    expect(screen.queryByRole('table', { name: 'Self-check history, newest first' })).not.toBeInTheDocument();
  }, 15_000);

  it('keeps Crisis help when saving the PHQ-9 fails', async () => {
    const { backend, user } = await start();
    await openCheck(user, 'PHQ-9');
    await answer(user, [null, null, null, null, null, null, null, null, 2]);
    await screen.findByRole('dialog', { name: 'Crisis help' });
    await user.keyboard('{Escape}');
    backend.failNext.take_self_check = { code: 'storage', message: 'That could not be saved just now.', field: null };
    await answer(user, [0, 0, 0, 0, 0, 0, 0, 0]);
    await user.click(screen.getByRole('button', { name: 'See my result' }));
    expect(await screen.findByText('That could not be saved just now.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open Crisis help' })).toBeInTheDocument();
    expect(backend.results).toHaveLength(0);
  });

  it('shows crisis guidance, not the band’s reassurance, for a complete PHQ-9 with question 9 above 0', async () => {
    const { backend, user } = await start();
    await openCheck(user, 'PHQ-9');
    await answer(user, [0, 0, 0, 0, 0, 0, 0, 0, 1]);
    await screen.findByRole('dialog', { name: 'Crisis help' });
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'See my result' }));
    // Shown again with the result.
    const dialog = await screen.findByRole('dialog', { name: 'Crisis help' });
    expect(within(dialog).getByText(SELF_WORDS)).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(backend.results).toHaveLength(1);
    expect(backend.results[0].score.band).toBe('Minimal');

    expect(screen.getByRole('heading', { name: 'Your result: please talk to someone today' })).toBeInTheDocument();
    expect(screen.getByText(/1 out of 27, minimal range — a screening, not a diagnosis/)).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Thank you for answering honestly.');
    expect(screen.getByText('Your answer to the last question comes first. Please talk to someone today.')).toBeInTheDocument();
    expect(screen.getByText('Call your own doctor today.')).toBeInTheDocument();
    // The Minimal band's words and steps are gone.
    expect(screen.queryByText('Few signs.')).not.toBeInTheDocument();
    expect(screen.queryByText('Take a short walk')).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Your result: minimal range — a screening, not a diagnosis' })).not.toBeInTheDocument();
  });

  it('words for calling about yourself come from the caregiver’s own card too', async () => {
    const { user } = await start();
    await user.click(screen.getByRole('button', { name: 'Be ready' }));
    await user.click(await screen.findByRole('button', { name: 'Crisis help for me' }));
    const dialog = await screen.findByRole('dialog', { name: 'Crisis help' });
    expect(within(dialog).getByRole('radio', { name: 'Me' })).toBeChecked();
    expect(await within(dialog).findByText(SELF_WORDS)).toBeInTheDocument();
    await user.keyboard('{Escape}');
    // The header button is about someone else, as before.
    await user.click(screen.getByRole('button', { name: 'Crisis help' }));
    const other = await screen.findByRole('dialog', { name: 'Crisis help' });
    expect(within(other).getByRole('radio', { name: 'Someone I care about' })).toBeChecked();
    expect(await within(other).findByText('Say you are worried about someone.')).toBeInTheDocument();
    expect(within(other).queryByText(SELF_WORDS)).not.toBeInTheDocument();
  });

  it('the burnout check offers help for feeling hopeless “Often”, and for many signs', async () => {
    const { backend, user } = await start();
    backend.caregiverCard = { contacts: [{ name: 'Jo', reach: '07700 900123' }], whatHelps: null };
    await openCheck(user, 'Caregiver burnout check');
    // "Sometimes" hopeless, some signs: no offer.
    await answer(user, [1, 1, 1, 1, 1, 1, 1, 0, 0, 0], BURNOUT);
    await user.click(screen.getByRole('button', { name: 'See my result' }));
    await screen.findByRole('heading', { name: 'Your result: some signs — our reflection, not a validated questionnaire' });
    expect(screen.queryByRole('region', { name: 'Support for you' })).not.toBeInTheDocument();

    // Hopeless "Often", few signs otherwise: Crisis help and the caregiver's own card.
    await openCheck(user, 'Caregiver burnout check');
    await answer(user, [0, 0, 0, 0, 0, 2, 0, 0, 0, 0], BURNOUT);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument(); // offered, never forced
    await user.click(screen.getByRole('button', { name: 'See my result' }));
    await screen.findByRole('heading', { name: 'Your result: few signs — our reflection, not a validated questionnaire' });
    const offer = screen.getByRole('region', { name: 'Support for you' });
    expect(await within(offer).findByText('Jo')).toBeInTheDocument();
    expect(within(offer).getByRole('button', { name: 'See my card: When I need help myself' })).toBeInTheDocument();
    await user.click(within(offer).getByRole('button', { name: 'Open Crisis help' }));
    const dialog = await screen.findByRole('dialog', { name: 'Crisis help' });
    expect(within(dialog).getByText(SELF_WORDS)).toBeInTheDocument();
    await user.keyboard('{Escape}');

    // Many signs, not hopeless: offered too.
    await openCheck(user, 'Caregiver burnout check');
    await answer(user, [2, 2, 2, 2, 2, 0, 2, 0, 0, 0], BURNOUT);
    await user.click(screen.getByRole('button', { name: 'See my result' }));
    await screen.findByRole('heading', { name: 'Your result: many signs — our reflection, not a validated questionnaire' });
    expect(screen.getByRole('region', { name: 'Support for you' })).toBeInTheDocument();

    // The history keeps the reflection apart from the screenings.
    await user.click(screen.getByRole('button', { name: 'See your history and self-care plan' }));
    const table = await screen.findByRole('table', { name: 'Self-check history, newest first' });
    expect(within(table).getAllByText('Reflection')).toHaveLength(3);
    expect(within(table).queryByText('Screening')).not.toBeInTheDocument();
    expect(
      within(table).getByText('Caregiver burnout check: many signs — our reflection, not a validated questionnaire'),
    ).toBeInTheDocument();
    expect(within(table).queryByText(/a screening/)).not.toBeInTheDocument();
    expect(screen.getByText(/The dashed line with triangles is the caregiver burnout check/)).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /Latest: Caregiver burnout check, 12 out of 20, many signs — our reflection, not a validated questionnaire/ }),
    ).toBeInTheDocument();
  }, 15_000);

  it('a daily strain of 9 or 10 offers help gently, once a day at most', async () => {
    const { user } = await start();
    await user.click(screen.getByRole('button', { name: 'For you' }));
    const strain = await screen.findByRole('group', { name: 'How much strain do you feel today?' });
    await user.click(within(strain).getByRole('radio', { name: '8' }));
    await user.click(screen.getByRole('radio', { name: 'Not yet' }));
    await user.click(screen.getByRole('button', { name: "Save today's check" }));
    await screen.findByText('Saved. Thank you for checking in with yourself.');
    expect(screen.queryByRole('region', { name: 'Support for you' })).not.toBeInTheDocument();

    await user.click(within(strain).getByRole('radio', { name: '9' }));
    await user.click(screen.getByRole('button', { name: "Update today's check" }));
    const offer = await screen.findByRole('region', { name: 'Support for you' });
    expect(within(offer).getByRole('button', { name: 'Open Crisis help' })).toBeInTheDocument();
    expect(within(offer).getByRole('button', { name: 'Write my card: When I need help myself' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument(); // offered, not opened

    // Coming back the same day and saving a 10 does not offer it again.
    await user.click(screen.getByRole('button', { name: 'Today' }));
    await user.click(screen.getByRole('button', { name: 'For you' }));
    const again = await screen.findByRole('group', { name: 'How much strain do you feel today?' });
    await user.click(within(again).getByRole('radio', { name: '10' }));
    await user.click(screen.getByRole('button', { name: "Update today's check" }));
    await screen.findByText("Today's check is updated.");
    expect(screen.queryByRole('region', { name: 'Support for you' })).not.toBeInTheDocument();
  });

  it('keeps a self-care plan', async () => {
    const { backend, user } = await start();
    await user.click(screen.getByRole('button', { name: 'For you' }));
    await user.type(await screen.findByRole('textbox', { name: 'What helps me' }), 'A swim');
    await user.click(screen.getByRole('button', { name: 'Save my plan' }));
    expect(await screen.findByText('Your self-care plan is saved.')).toBeInTheDocument();
    expect(backend.selfCarePlan.whatHelps).toBe('A swim');
  });
});
