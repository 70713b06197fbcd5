import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../App.svelte';
import { FakeBackend } from '../../lib/api/testing';
import { expectAccessible } from '../../test/axe';
import { initials, names, place } from './words';
import type { Member } from '../../lib/api';

async function start() {
  const backend = new FakeBackend().onboarded();
  backend.install();
  const user = userEvent.setup();
  const view = render(App);
  await screen.findByRole('heading', { name: 'Today' });
  return { backend, user, ...view };
}

type User = ReturnType<typeof userEvent.setup>;

async function addSomeone(user: User, name: string, kinds: string[]) {
  await user.click(screen.getByRole('button', { name: 'Add someone' }));
  const dialog = await screen.findByRole('dialog', { name: 'Add someone to the circle' });
  await user.type(within(dialog).getByLabelText('Name'), name);
  for (const k of kinds) await user.click(within(dialog).getByRole('checkbox', { name: k }));
  await user.click(within(dialog).getByRole('button', { name: 'Add to the circle' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  return dialog;
}

const table = () => screen.getByRole('table', { name: 'Everyone in the circle' });

describe('A circle of support', () => {
  it('starts empty with what to do, then shows people in a picture and a table, and which kinds are thin', async () => {
    const { user, container } = await start();
    await user.click(screen.getByRole('button', { name: "Sam's circle of support" }));
    const heading = await screen.findByRole('heading', { name: "Sam's circle of support", level: 1 });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(await screen.findByText(/No one here yet/)).toBeInTheDocument();
    // No "could grow" and no ideas for an empty circle: it is a place to start, not a gap to
    // point at. Each kind shows an example instead.
    expect(screen.queryByText('Could grow')).not.toBeInTheDocument();
    expect(screen.getByText('For example: A friend who listens.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Where it could grow' })).not.toBeInTheDocument();
    await expectAccessible(container);

    await addSomeone(user, 'Jo', ['Someone to talk to', 'Hands-on help']);
    expect(await screen.findByText('Added Jo to the circle.')).toBeInTheDocument();
    expect(within(table()).getByRole('rowheader', { name: 'Jo' })).toBeInTheDocument();
    expect(within(table()).getByRole('cell', { name: 'Someone to talk to, Hands-on help' })).toBeInTheDocument();
    await addSomeone(user, 'Ana Bell', ['Someone who has been there']);

    const picture = screen.getByRole('img', { name: /A picture of 2 people in three rings around Sam/ });
    expect(picture).toHaveAccessibleName(/Close: Ana Bell and Jo\./);
    expect(within(picture).getByText('AB')).toBeInTheDocument();

    const kinds = screen.getByRole('region', { name: 'Kinds of support' });
    const talk = within(kinds).getByRole('heading', { name: 'Someone to talk to' }).closest('li')!;
    expect(talk).toHaveTextContent('From Jo.');
    const facts = within(kinds).getByRole('heading', { name: 'Facts and know-how' }).closest('li')!;
    expect(facts).toHaveTextContent('Could grow');
    const grow = screen.getByRole('region', { name: 'Where it could grow' });
    expect(within(grow).getByRole('heading', { name: 'An idea for informational' })).toBeInTheDocument();
    expect(within(grow).getByRole('heading', { name: 'An idea for encouragement' })).toBeInTheDocument();
    expect(within(grow).queryByRole('heading', { name: 'An idea for emotional' })).not.toBeInTheDocument();
    await expectAccessible(container);
  });

  it('asks for a name in plain words, keeps the form open, and puts focus on the name', async () => {
    const { user, backend } = await start();
    await user.click(screen.getByRole('button', { name: "Sam's circle of support" }));
    await user.click(await screen.findByRole('button', { name: 'Add someone' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add someone to the circle' });
    await user.click(within(dialog).getByRole('button', { name: 'Add to the circle' }));
    const name = within(dialog).getByLabelText('Name');
    await waitFor(() => expect(name).toHaveFocus());
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(/Please add a name/);
    expect(backend.circles.members).toHaveLength(0);

    // The core's refusal of a day still to come shows beside its field.
    await user.type(name, 'Jo');
    const seen = within(dialog).getByLabelText(/Last saw each other/);
    await user.type(seen, '2999-01-01');
    await user.click(within(dialog).getByRole('button', { name: 'Add to the circle' }));
    await waitFor(() => expect(seen).toHaveAccessibleDescription(/still to come/));
    expect(backend.circles.members).toHaveLength(0);
  });

  it('takes someone out with Undo, edits them, and notes a connection that becomes a win', async () => {
    const { user, backend } = await start();
    await user.click(screen.getByRole('button', { name: "Sam's circle of support" }));
    await screen.findByRole('heading', { name: "Sam's circle of support", level: 1 });
    await addSomeone(user, 'Jo', ['Someone to talk to']);

    await user.click(screen.getByRole('button', { name: 'Remove Jo' }));
    expect(await screen.findByText('Jo was taken out of the circle.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Jo is back in the circle.')).toBeInTheDocument();
    expect(within(table()).getByRole('rowheader', { name: 'Jo' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Edit Jo' }));
    const edit = await screen.findByRole('dialog', { name: 'Edit Jo' });
    await user.click(within(edit).getByRole('radio', { name: 'Hard right now' }));
    await user.click(within(edit).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Saved the changes for Jo.')).toBeInTheDocument();
    expect(within(table()).getByRole('cell', { name: 'Hard right now' })).toBeInTheDocument();
    // A relationship that is hard right now does not count as support.
    const kinds = screen.getByRole('region', { name: 'Kinds of support' });
    expect(within(kinds).getByRole('heading', { name: 'Someone to talk to' }).closest('li')).toHaveTextContent('Could grow');

    // Two clicks: open, then who (what, when and "as a win" start chosen).
    await user.click(screen.getByRole('button', { name: 'Note a connection' }));
    const note = await screen.findByRole('dialog', { name: 'Note a connection' });
    expect(within(note).getByRole('radio', { name: 'Met up or spent time together' })).toBeChecked();
    expect(within(note).getByRole('checkbox', { name: 'Also keep it as a small win for Sam' })).toBeChecked();
    expect(within(note).getByRole('group', { name: 'Who with? Choosing saves it.' })).toBeInTheDocument();
    await user.click(within(note).getByRole('button', { name: 'Jo' }));
    expect(await screen.findByText('Noted: Met up with Jo.')).toBeInTheDocument();
    const conn = screen.getByRole('region', { name: 'Connections' });
    expect(within(conn).getByText(/Met up with Jo/)).toHaveTextContent('(also a small win)');
    expect(backend.wins[0]).toMatchObject({ text: 'Met up with Jo', tags: ['connection'] });
  });

  it('has the caregiver’s own circle, reached from Be ready and from the switch', async () => {
    const { user, container } = await start();
    await user.click(screen.getByRole('button', { name: 'Be ready' }));
    await user.click(await screen.findByRole('button', { name: 'Open your own circle' }));
    await screen.findByRole('heading', { name: 'Your own circle of support', level: 1 });
    const circles = screen.getByRole('navigation', { name: 'Circles' });
    expect(within(circles).getByRole('button', { name: 'Your own circle' })).toHaveAttribute('aria-current', 'page');
    expect(screen.queryByRole('region', { name: 'Connections' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open Be ready' })).toBeInTheDocument();
    await addSomeone(user, 'Pat', ['Someone to talk to']);
    expect(screen.getByRole('img', { name: /around you/ })).toBeInTheDocument();
    await expectAccessible(container);

    await user.click(within(circles).getByRole('button', { name: "Sam's circle" }));
    await screen.findByRole('heading', { name: "Sam's circle of support", level: 1 });
    expect(await screen.findByText(/No one here yet/)).toBeInTheDocument();
  });
});

describe('circle words', () => {
  const m = (id: number, closeness: Member['closeness']): Member => ({
    id, personId: 1, name: `P${id}`, tie: 'friend', closeness, kinds: [], feels: null, lastSeen: null, note: null,
  });

  it('puts everyone on their own ring, spread around it', () => {
    const placed = place([m(1, 'closest'), m(2, 'closest'), m(3, 'wider')]);
    const r = (p: (typeof placed)[number]) => Math.round(Math.hypot(p.x, p.y));
    expect(placed.map((p) => p.ring)).toEqual([0, 0, 2]);
    expect([r(placed[0]), r(placed[1]), r(placed[2])]).toEqual([62, 62, 150]);
    // Two on one ring sit opposite each other.
    expect(placed[0].x).toBeCloseTo(-placed[1].x, 0);
    expect(placed[0].y).toBeCloseTo(-placed[1].y, 0);
  });

  it('writes initials and lists of names', () => {
    expect(initials('Jo')).toBe('Jo');
    expect(initials('Ana Bell')).toBe('AB');
    expect(initials('  ')).toBe('?');
    expect(names(['Jo'])).toBe('Jo');
    expect(names(['Jo', 'Ana', 'Kim'])).toBe('Jo, Ana and Kim');
  });
});
