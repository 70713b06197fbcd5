import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../App.svelte';
import { FakeBackend } from '../../lib/api/testing';
import { LIMITS } from '../../lib/api';
import { dayLabel, localDay } from '../../lib/dates';
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

async function openPlan(user: User) {
  await user.click(screen.getByRole('button', { name: 'Be ready' }));
  await user.click(await screen.findByRole('button', { name: "Sam's crisis plan" }));
  await screen.findByRole('heading', { name: 'Crisis plan for Sam' });
}

async function writeStep(user: User, label: RegExp, text: string) {
  const box = screen.getByRole('textbox', { name: label });
  await user.clear(box);
  await user.type(box, text);
}

describe('Be ready', () => {
  it('makes a safety plan, keeps each version and shows the earlier one', async () => {
    const { backend, user, container } = await start();
    await openPlan(user);
    expect(screen.getByText(/There is no safety plan for Sam yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Make a safety plan' }));

    // Step 5 starts from the region's crisis lines.
    expect(screen.getByRole('textbox', { name: /Professionals and crisis services/ })).toHaveValue(
      'Emergency: call 999\nSamaritans: call 116 123',
    );
    await expectAccessible(container);
    await writeStep(user, /My warning signs/, 'Stops answering texts{enter}Sleeps all day');
    await writeStep(user, /Things I can do on my own/, 'Walk the dog');
    await user.click(screen.getByRole('checkbox', { name: 'We made this plan together' }));
    await user.click(screen.getByRole('button', { name: 'Save the safety plan' }));

    expect(await screen.findByText('Saved as version 1.')).toBeInTheDocument();
    expect(backend.called('save_safety_plan')[0].args).toEqual({
      plan: {
        personId: backend.people[0].id,
        madeTogether: true,
        steps: {
          warningSigns: ['Stops answering texts', 'Sleeps all day'],
          coping: ['Walk the dog'],
          distractions: [],
          helpers: [],
          professionals: ['Emergency: call 999', 'Samaritans: call 116 123'],
          saferEnvironment: [],
        },
      },
    });
    expect(screen.getByText('Sleeps all day')).toBeInTheDocument();
    expect(screen.getByText(/Made together with Sam/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Safety plan' })).toHaveFocus();

    // Edit: a new version, and the earlier one is still there to read.
    await user.click(screen.getByRole('button', { name: 'Edit the safety plan' }));
    await writeStep(user, /My warning signs/, 'Gives things away');
    await user.click(screen.getByRole('button', { name: 'Save the safety plan' }));
    expect(
      await screen.findByText('Saved as version 2. The earlier version is kept below.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Sleeps all day')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^Version 1, saved/ }));
    const old = await screen.findByRole('dialog', { name: 'Version 1 of the safety plan' });
    expect(within(old).getByText('Sleeps all day')).toBeInTheDocument();
    await expectAccessible(container);

    // Print preview of that version.
    await user.click(within(old).getByRole('button', { name: 'Print this version' }));
    const sheet = await screen.findByRole('article', { name: 'Print preview' });
    expect(within(sheet).getByRole('heading', { name: 'Safety plan for Sam' })).toBeInTheDocument();
    expect(await within(sheet).findByText('Sleeps all day')).toBeInTheDocument();
    expect(within(sheet).getByText(/Version 1/)).toBeInTheDocument();
    expect(await within(sheet).findByText('999')).toBeInTheDocument();
  });

  it('refuses an empty plan with a clear message and saves nothing', async () => {
    const { backend, user } = await start();
    await openPlan(user);
    await user.click(screen.getByRole('button', { name: 'Make a safety plan' }));
    await user.clear(screen.getByRole('textbox', { name: /Professionals and crisis services/ }));
    await user.click(screen.getByRole('button', { name: 'Save the safety plan' }));
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: /My warning signs/ })).toHaveAccessibleDescription(
        /The plan is empty/,
      ),
    );
    // Focus moves to the field that needs attention, which names its message.
    const first = screen.getByRole('textbox', { name: /My warning signs/ });
    await waitFor(() => expect(first).toHaveFocus());
    expect(first).toHaveAttribute('aria-invalid', 'true');
    expect(document.getElementById(first.getAttribute('aria-describedby') ?? '')).toHaveTextContent(/The plan is empty/);
    expect(backend.plans).toHaveLength(0);
    // Cancel leaves the empty state as it was.
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Make a safety plan' })).toBeInTheDocument();
  });

  it('on a refused save, moves focus to the first step that needs attention, not the first step', async () => {
    const { backend, user } = await start();
    await openPlan(user);
    await user.click(screen.getByRole('button', { name: 'Make a safety plan' }));
    await writeStep(user, /My warning signs/, 'Stops answering texts');
    const third = screen.getByRole('textbox', { name: /^3\. / });
    await user.click(third);
    await user.paste('x'.repeat(301));
    const save = screen.getByRole('button', { name: 'Save the safety plan' });
    await user.click(save);
    await waitFor(() => expect(third).toHaveFocus());
    expect(third).toHaveAttribute('aria-invalid', 'true');
    expect(third).toHaveAccessibleDescription(/300 characters or fewer/);
    expect(screen.getByRole('textbox', { name: /My warning signs/ })).not.toHaveAttribute('aria-invalid');
    expect(save).toBeEnabled();
    expect(save).toHaveAttribute('aria-busy', 'false');
    expect(backend.plans).toHaveLength(0);

    // Fixed, it saves, and the message goes.
    await user.clear(third);
    await user.type(third, 'Music');
    await user.click(save);
    expect(await screen.findByText('Saved as version 1.')).toBeInTheDocument();
  });

  it('keeps Save usable while the plan is saving, and ignores a second press', async () => {
    const { backend, user } = await start();
    let finish: () => void = () => {};
    const slow = new Promise<void>((resolve) => (finish = resolve));
    const handle = backend.handle.bind(backend);
    let sent = 0;
    backend.handle = (cmd, args) => {
      if (cmd !== 'save_safety_plan') return handle(cmd, args);
      sent += 1;
      return slow.then(() => handle(cmd, args));
    };
    await openPlan(user);
    await user.click(screen.getByRole('button', { name: 'Make a safety plan' }));
    await writeStep(user, /Things I can do on my own/, 'Walk the dog');
    // Each step is described by its hint, naming no error that is not there.
    for (const box of screen.getAllByRole('textbox')) {
      for (const ref of box.getAttribute('aria-describedby')?.split(' ') ?? []) {
        expect(document.getElementById(ref)).toBeInTheDocument();
      }
    }
    const save = screen.getByRole('button', { name: 'Save the safety plan' });
    await user.click(save);
    expect(save).toBeEnabled();
    expect(save).toHaveFocus();
    await user.click(save);
    expect(sent).toBe(1);
    finish();
    expect(await screen.findByText('Saved as version 1.')).toBeInTheDocument();
    expect(backend.plans).toHaveLength(1);
  });

  it('counts the characters of a warning sign as they near the core’s limits', async () => {
    const { user } = await start();
    await openPlan(user);
    // The same limits the core keeps (readiness::SIGN_MAX, ACTION_MAX and CONTACT_MAX).
    expect([LIMITS.warningSign, LIMITS.warningAction, LIMITS.warningContact]).toEqual([200, 500, 200]);
    const sign = screen.getByRole('textbox', { name: 'The sign' });
    await user.click(sign);
    await user.paste('s'.repeat(160));
    expect(sign).toHaveAccessibleDescription('160 of 200 characters');
    await user.paste('s'.repeat(41));
    expect(screen.getByText('201 of 200 characters')).toBeInTheDocument();
    const action = screen.getByRole('textbox', { name: /What to do/ });
    await user.click(action);
    await user.paste('a'.repeat(450));
    expect(action).toHaveAccessibleDescription('450 of 500 characters');
  });

  it('adds warning signs, removes one with undo, and notes signs that lead to the plan', async () => {
    const { backend, user } = await start();
    await openPlan(user);
    await user.click(screen.getByRole('button', { name: 'Add the sign' }));
    expect(screen.getByRole('textbox', { name: 'The sign' })).toHaveAccessibleDescription(
      'Please add the sign you noticed.',
    );
    expect(backend.signs).toHaveLength(0);

    await user.type(screen.getByRole('textbox', { name: 'The sign' }), 'Up all night');
    await user.type(screen.getByRole('textbox', { name: /What to do/ }), 'Ask gently about sleep');
    await user.type(screen.getByRole('textbox', { name: /Who to call/ }), 'Dr Lee');
    await user.click(screen.getByRole('button', { name: 'Add the sign' }));
    const list = await screen.findByRole('list', { name: 'Warning signs' });
    expect(within(list).getByRole('heading', { name: 'Up all night' })).toBeInTheDocument();
    expect(within(list).getByText('Dr Lee')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'The sign' }), 'Stops eating');
    await user.click(screen.getByRole('button', { name: 'Add the sign' }));
    await within(list).findByRole('heading', { name: 'Stops eating' });

    await user.click(screen.getByRole('button', { name: 'Remove “Stops eating”' }));
    expect(within(list).queryByRole('heading', { name: 'Stops eating' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await within(list).findByRole('heading', { name: 'Stops eating' })).toBeInTheDocument();

    // "I'm noticing signs": nothing chosen is refused; then a dated entry.
    await user.click(screen.getByRole('button', { name: "I'm noticing signs" }));
    const dialog = await screen.findByRole('dialog', { name: "I'm noticing signs" });
    expect(within(dialog).getByLabelText('When did you notice?')).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Save and open the plan' }));
    expect(await within(dialog).findByText(/Please tick the signs/)).toBeInTheDocument();
    expect(backend.noticed).toHaveLength(0);
    await user.click(within(dialog).getByRole('checkbox', { name: 'Up all night' }));
    await user.type(within(dialog).getByLabelText(/What are you seeing/), 'Three nights now');
    await user.click(within(dialog).getByRole('button', { name: 'Save and open the plan' }));
    expect(await screen.findByText(new RegExp(`Noted for ${dayLabel(localDay())}`))).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByText('Three nights now')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Safety plan' })).toHaveFocus();
    expect(backend.noticed[0]).toMatchObject({ signs: ['Up all night'], noticedOn: localDay() });
  });

  it("keeps the caregiver's own card and shows it, and the plans, inside Crisis help", async () => {
    const { backend, user, container } = await start();
    await user.click(screen.getByRole('button', { name: 'Be ready' }));
    expect(await screen.findByText(/Your card is empty/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Edit my card' }));
    await user.type(screen.getByRole('textbox', { name: 'Name 1' }), 'My sister Jo');
    await user.type(
      screen.getByRole('textbox', { name: 'Number or how to reach them 1' }),
      '07700 900123',
    );
    await user.type(screen.getByRole('textbox', { name: /What helps me/ }), 'A walk, then tea');
    await expectAccessible(container);
    await user.click(screen.getByRole('button', { name: 'Save my card' }));
    expect(await screen.findByText('Saved. Crisis help shows this card too.')).toBeInTheDocument();
    expect(backend.caregiverCard.contacts).toEqual([{ name: 'My sister Jo', reach: '07700 900123' }]);

    await user.click(screen.getByRole('button', { name: 'Crisis help' }));
    const help = await screen.findByRole('dialog', { name: 'Crisis help' });
    expect(await within(help).findByText('07700 900123')).toBeInTheDocument();
    await user.click(within(help).getByRole('button', { name: "Sam's safety plan" }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Crisis plan for Sam' })).toBeInTheDocument();
  });

  it('leads to the plans from the treatment and boundaries practices', async () => {
    const { user } = await start();
    await user.click(screen.getByRole('button', { name: /Respect boundaries/ }));
    await user.click(await screen.findByRole('button', { name: 'Open crisis plans' }));
    expect(await screen.findByRole('heading', { name: 'Be ready' })).toBeInTheDocument();
  });
});
