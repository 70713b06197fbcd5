import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
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

async function answer(user: User, values: number[]) {
  const groups = screen.getAllByRole('group');
  const labels = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];
  for (const [i, v] of values.entries()) {
    await user.click(within(groups[i]).getByRole('radio', { name: labels[v] }));
  }
}

describe('Looking after you', () => {
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

  it('scores a PHQ-4, names its band, and offers the PHQ-9 for a positive pair', async () => {
    const { backend, user, container } = await start();
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
    expect(await screen.findByRole('heading', { name: 'Your result: Mild' })).toBeInTheDocument();
    expect(screen.getByText(/5 out of 12/)).toBeInTheDocument();
    expect(screen.getByText('Low mood may be weighing on you.')).toBeInTheDocument();
    expect(screen.queryByText('Worry may be weighing on you.')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Take the PHQ-9' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    // The history shows it.
    await user.click(screen.getByRole('button', { name: 'See your history and self-care plan' }));
    const table = await screen.findByRole('table', { name: 'Self-check history, newest first' });
    expect(within(table).getByText('Mild')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Latest: PHQ-4, 5 out of 12, Mild/ })).toBeInTheDocument();
  });

  it('opens Crisis help at once, with kind words, when PHQ-9 item 9 is above 0', async () => {
    const { user } = await start();
    await user.click(screen.getByRole('button', { name: 'For you' }));
    await user.click(await screen.findByRole('button', { name: 'PHQ-9' }));
    await screen.findByRole('heading', { name: 'PHQ-9' });
    await answer(user, [0, 0, 0, 0, 0, 0, 0, 0, 1]);
    await user.click(screen.getByRole('button', { name: 'See my result' }));
    const dialog = await screen.findByRole('dialog', { name: 'Crisis help' });
    expect(within(dialog).getByText('Thank you for answering honestly. You deserve support right now.')).toBeInTheDocument();
    expect(await within(dialog).findByText('999')).toBeInTheDocument();
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
