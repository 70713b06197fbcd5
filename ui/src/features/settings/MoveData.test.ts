import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import MoveData from './MoveData.svelte';
import { FakeBackend } from '../../lib/api/testing';
import { expectAccessible } from '../../test/axe';

const FILE = JSON.stringify({
  format: 'alongside-everything',
  schema: 1,
  exportedAt: '2026-12-03T10:00:00Z',
  tables: {
    profile: [{ id: 1, caregiver_name: 'Maria', region: 'GB', onboarded_at: '2026-01-01T00:00:00Z' }],
    people: [
      { id: 1, name: 'Sam', relationship: 'child' },
      { id: 2, name: 'Alex', relationship: 'friend' },
    ],
    wins: [{ id: 1 }, { id: 2 }, { id: 3 }],
    reminders: [{ id: 1 }],
  },
});

function file(text: string, name = 'alongside-everything.json') {
  return new File([text], name, { type: 'application/json' });
}

function setup(backend: FakeBackend, props: Record<string, unknown> = {}) {
  backend.install();
  const user = userEvent.setup();
  const onchange = vi.fn();
  const onerased = vi.fn();
  const { container } = render(MoveData, { props: { onchange, onerased, ...props } });
  return { user, onchange, onerased, container };
}

describe('MoveData', () => {
  it('exports everything and says where the file went', async () => {
    const backend = new FakeBackend().onboarded('Maria', 'Sam', 'GB');
    const { user, container } = setup(backend);
    await user.click(screen.getByRole('button', { name: 'Export everything' }));
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Saved 1 person, 0 wins');
    expect(status).toHaveTextContent('/home/me/Downloads/alongside-everything-2026-12-03.json');
    expect(backend.called('export_everything')).toHaveLength(1);
    await expectAccessible(container);
  });

  it('imports into an empty Alongside straight away and says what came in', async () => {
    const backend = new FakeBackend();
    const { user, onchange } = setup(backend, { firstRun: true });
    await user.upload(screen.getByLabelText('Import a file saved with “Export everything”'), file(FILE));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Imported 2 people, 3 wins, 0 safety plan versions, 1 reminder',
    );
    expect(backend.called('import_everything')[0].args.replaceExisting).toBe(false);
    expect(backend.people.map((p) => p.name)).toEqual(['Sam', 'Alex']);
    expect(onchange).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Continue to Alongside' }));
    expect(onchange).toHaveBeenCalled();
  });

  it('asks before replacing records that are already here, and keeping them changes nothing', async () => {
    const backend = new FakeBackend().onboarded('Maria', 'Robin', 'GB');
    const { user, onchange } = setup(backend);
    const input = screen.getByLabelText('Import a file saved with “Export everything”');
    await user.upload(input, file(FILE));
    const ask = await screen.findByRole('dialog', { name: 'Replace what is here?' });
    expect(ask).toHaveTextContent('1 person');
    expect(ask).toHaveTextContent('safety copy');
    await user.click(within(ask).getByRole('button', { name: 'Keep what is here' }));
    expect(backend.called('import_everything')).toHaveLength(0);
    expect(backend.people.map((p) => p.name)).toEqual(['Robin']);

    await user.upload(input, file(FILE));
    const again = await screen.findByRole('dialog', { name: 'Replace what is here?' });
    await user.click(within(again).getByRole('button', { name: 'Replace with the file' }));
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Imported 2 people');
    expect(status).toHaveTextContent('A safety copy of what was here before is kept at');
    expect(backend.called('import_everything')[0].args.replaceExisting).toBe(true);
    expect(onchange).toHaveBeenCalledTimes(1);
  });

  it('shows the backend’s words for a file it refuses', async () => {
    const backend = new FakeBackend();
    const { user } = setup(backend, { firstRun: true });
    await user.upload(screen.getByLabelText('Import a file saved with “Export everything”'), file('{"format": "alongside-every'));
    expect(await screen.findByRole('alert')).toHaveTextContent('cut short or damaged. Nothing was changed.');
  });

  it('refuses a file above the limit before reading it', async () => {
    const backend = new FakeBackend();
    const { user } = setup(backend, { firstRun: true });
    const big = file('x');
    Object.defineProperty(big, 'size', { value: 200 * 1024 * 1024 });
    await user.upload(screen.getByLabelText('Import a file saved with “Export everything”'), big);
    expect(await screen.findByRole('alert')).toHaveTextContent('too large');
    expect(backend.called('data_summary')).toHaveLength(0);
    expect(backend.called('import_everything')).toHaveLength(0);
  });

  it('erases only after the word is typed, then goes back to the welcome screen', async () => {
    const backend = new FakeBackend().onboarded('Maria', 'Sam', 'GB');
    const { user, onerased } = setup(backend);
    await user.click(screen.getByRole('button', { name: 'Erase everything…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Erase everything?' });
    await expectAccessible(dialog);
    await user.type(within(dialog).getByLabelText('Type ERASE to confirm'), 'erase');
    await user.click(within(dialog).getByRole('button', { name: 'Erase everything' }));
    expect(within(dialog).getByText('Please type ERASE in capital letters to confirm.')).toBeInTheDocument();
    expect(backend.called('erase_everything')).toHaveLength(0);
    expect(onerased).not.toHaveBeenCalled();

    const word = within(dialog).getByLabelText('Type ERASE to confirm');
    await user.clear(word);
    await user.type(word, 'ERASE');
    await user.click(within(dialog).getByLabelText('Also erase the backup copies'));
    await user.click(within(dialog).getByRole('button', { name: 'Erase everything' }));
    expect(backend.called('erase_everything')[0].args).toEqual({ typed: 'ERASE', includeBackups: true });
    expect(onerased).toHaveBeenCalledTimes(1);
    expect(backend.people).toEqual([]);
  });

  it('keeps everything when the caregiver changes their mind', async () => {
    const backend = new FakeBackend().onboarded('Maria', 'Sam', 'GB');
    const { user, onerased } = setup(backend);
    await user.click(screen.getByRole('button', { name: 'Erase everything…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Erase everything?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep everything' }));
    expect(backend.called('erase_everything')).toHaveLength(0);
    expect(onerased).not.toHaveBeenCalled();
    expect(backend.people).toHaveLength(1);
  });
});
