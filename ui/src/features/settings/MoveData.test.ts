import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import MoveData from './MoveData.svelte';
import { FakeBackend, protectedFile } from '../../lib/api/testing';
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
  it('exports everything without a passphrase when asked, and says plainly anyone can read it', async () => {
    const backend = new FakeBackend().onboarded('Maria', 'Sam', 'GB');
    const { user, container } = setup(backend);
    const protect = screen.getByRole('checkbox', { name: 'Protect the file with a passphrase' });
    expect(protect).toBeChecked();
    expect(screen.queryByText(/anyone who has it can read everything/)).not.toBeInTheDocument();
    await user.click(protect);
    expect(screen.getByText(/The file has no password: anyone who has it can read everything in it/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Passphrase')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Export everything' }));
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Saved 1 person, 0 wins');
    expect(status).toHaveTextContent('/home/me/Downloads/alongside-everything-2026-12-03.json');
    expect(backend.called('export_everything')).toHaveLength(1);
    expect(backend.called('export_everything')[0].args.passphrase).toBeNull();
    await expectAccessible(container);
  });

  it('protects the export with a passphrase typed twice, and says it cannot be recovered', async () => {
    const backend = new FakeBackend().onboarded('Maria', 'Sam', 'GB');
    const { user, container } = setup(backend);
    expect(screen.getByText(/Alongside cannot recover a forgotten export passphrase/)).toBeInTheDocument();
    expect(screen.queryByText(/anyone who has it can read everything/)).not.toBeInTheDocument();
    await expectAccessible(container);
    const passphrase = screen.getByLabelText('Passphrase');
    expect(passphrase).toHaveAttribute('type', 'password');
    await user.type(passphrase, 'blue kettle on a hill');
    await user.type(screen.getByLabelText('Type it again'), 'blue kettle on a hill');
    await user.click(screen.getByRole('button', { name: 'Export everything' }));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'Saved 1 person, 0 wins, 0 safety plan versions, 0 reminders',
      ),
    );
    expect(screen.getByRole('status')).toHaveTextContent('alongside-everything-2026-12-03.age');
    expect(screen.getByRole('status')).toHaveTextContent('It opens only with your passphrase.');
    expect(backend.called('export_everything')[0].args.passphrase).toBe('blue kettle on a hill');
    expect(passphrase).toHaveValue('');
  });

  it('says so when the two passphrases differ, and exports nothing', async () => {
    const backend = new FakeBackend().onboarded('Maria', 'Sam', 'GB');
    const { user } = setup(backend);
    await user.type(screen.getByLabelText('Passphrase'), 'blue kettle on a hill');
    await user.type(screen.getByLabelText('Type it again'), 'blue kettle on a hil');
    await user.click(screen.getByRole('button', { name: 'Export everything' }));
    const again = screen.getByLabelText('Type it again');
    expect(again).toHaveAccessibleDescription(
      'The two passphrases are not the same. Please type the passphrase again in the second box.',
    );
    expect(again).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(again).toHaveFocus());
    expect(backend.called('export_everything')).toHaveLength(0);
  });

  it('shows the backend’s words under the passphrase when it is too short', async () => {
    const backend = new FakeBackend().onboarded('Maria', 'Sam', 'GB');
    const { user } = setup(backend);
    await user.type(screen.getByLabelText('Passphrase'), 'kettle');
    await user.type(screen.getByLabelText('Type it again'), 'kettle');
    await user.click(screen.getByRole('button', { name: 'Export everything' }));
    const field = screen.getByLabelText('Passphrase');
    await waitFor(() =>
      expect(field).toHaveAccessibleDescription(/at least 8 characters \(this one has 6\)/),
    );
    await waitFor(() => expect(field).toHaveFocus());
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('shows that it is protecting the file, and ignores a second click meanwhile', async () => {
    const backend = new FakeBackend().onboarded('Maria', 'Sam', 'GB');
    let finish: () => void = () => {};
    const slow = new Promise<void>((resolve) => (finish = resolve));
    const handle = backend.handle.bind(backend);
    let sent = 0;
    backend.handle = (cmd, args) => {
      if (cmd !== 'export_everything') return handle(cmd, args);
      sent += 1;
      return slow.then(() => handle(cmd, args));
    };
    const { user } = setup(backend);
    await user.type(screen.getByLabelText('Passphrase'), 'blue kettle on a hill');
    await user.type(screen.getByLabelText('Type it again'), 'blue kettle on a hill');
    const button = screen.getByRole('button', { name: 'Export everything' });
    await user.click(button);
    expect(await screen.findByRole('status')).toHaveTextContent('Protecting the file…');
    await user.click(button);
    expect(button).toBeEnabled();
    expect(sent).toBe(1);
    finish();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved 1 person'));
    expect(backend.called('export_everything')).toHaveLength(1);
  });

  it('imports into an empty Alongside straight away and says what came in', async () => {
    const backend = new FakeBackend();
    const { user, onchange } = setup(backend, { firstRun: true });
    await user.upload(screen.getByLabelText('Import a file saved with “Export everything”'), file(FILE));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Imported 2 people, 3 wins, 0 safety plan versions, 1 reminder',
    );
    expect(backend.called('import_everything')[0].args.replaceExisting).toBe(false);
    expect(backend.called('import_everything')[0].args.passphrase).toBeNull();
    expect(screen.queryByLabelText('Passphrase for this file')).not.toBeInTheDocument();
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

  it('asks for the passphrase of a protected file before importing it', async () => {
    const backend = new FakeBackend();
    const { user, container } = setup(backend, { firstRun: true });
    await user.upload(
      screen.getByLabelText('Import a file saved with “Export everything”'),
      file(protectedFile(FILE, 'blue kettle on a hill'), 'alongside-everything.age'),
    );
    const field = await screen.findByLabelText('Passphrase for this file');
    await waitFor(() => expect(field).toHaveFocus());
    expect(screen.getByText('This file is protected with a passphrase. Please type it to open the file.')).toBeInTheDocument();
    expect(backend.called('import_everything')).toHaveLength(0);
    await expectAccessible(container);

    await user.type(field, 'blue kettle on a hil');
    await user.click(screen.getByRole('button', { name: 'Open and import' }));
    await waitFor(() =>
      expect(field).toHaveAccessibleDescription(/That passphrase does not open this file\..*Nothing was changed\./),
    );
    await waitFor(() => expect(field).toHaveFocus());
    expect(backend.people).toEqual([]);

    await user.clear(field);
    await user.type(field, 'blue kettle on a hill{Enter}');
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Imported 2 people, 3 wins'),
    );
    expect(backend.called('import_everything').at(-1)?.args).toMatchObject({
      passphrase: 'blue kettle on a hill',
      replaceExisting: false,
    });
    expect(backend.people.map((p) => p.name)).toEqual(['Sam', 'Alex']);
    expect(screen.queryByLabelText('Passphrase for this file')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Continue to Alongside' })).toHaveFocus());
  });

  it('asks once before a protected file replaces records, even when the passphrase was wrong', async () => {
    const backend = new FakeBackend().onboarded('Maria', 'Robin', 'GB');
    const { user } = setup(backend);
    await user.upload(
      screen.getByLabelText('Import a file saved with “Export everything”'),
      file(protectedFile(FILE, 'blue kettle on a hill')),
    );
    const field = await screen.findByLabelText('Passphrase for this file');
    await user.type(field, 'not it at all{Enter}');
    const ask = await screen.findByRole('dialog', { name: 'Replace what is here?' });
    await user.click(within(ask).getByRole('button', { name: 'Replace with the file' }));
    await waitFor(() =>
      expect(field).toHaveAccessibleDescription(/That passphrase does not open this file/),
    );
    expect(backend.people.map((p) => p.name)).toEqual(['Robin']);

    await user.clear(field);
    await user.type(field, 'blue kettle on a hill{Enter}');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Imported 2 people'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(backend.called('import_everything').map((c) => c.args.replaceExisting)).toEqual([true, true]);
    expect(backend.people.map((p) => p.name)).toEqual(['Sam', 'Alex']);
  });

  it('shows that it is opening a protected file, and ignores a second click meanwhile', async () => {
    const backend = new FakeBackend();
    let finish: () => void = () => {};
    const slow = new Promise<void>((resolve) => (finish = resolve));
    const handle = backend.handle.bind(backend);
    let sent = 0;
    backend.handle = (cmd, args) => {
      if (cmd !== 'import_everything') return handle(cmd, args);
      sent += 1;
      return slow.then(() => handle(cmd, args));
    };
    const { user } = setup(backend, { firstRun: true });
    await user.upload(
      screen.getByLabelText('Import a file saved with “Export everything”'),
      file(protectedFile(FILE, 'blue kettle on a hill')),
    );
    await user.type(await screen.findByLabelText('Passphrase for this file'), 'blue kettle on a hill');
    const open = screen.getByRole('button', { name: 'Open and import' });
    await user.click(open);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Opening the file…'));
    await user.click(open);
    expect(open).toBeEnabled();
    expect(sent).toBe(1);
    finish();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Imported 2 people'));
    expect(backend.called('import_everything')).toHaveLength(1);
  });

  it('lets the caregiver put a protected file back without importing it', async () => {
    const backend = new FakeBackend();
    const { user } = setup(backend, { firstRun: true });
    const input = screen.getByLabelText('Import a file saved with “Export everything”');
    await user.upload(input, file(protectedFile(FILE, 'blue kettle on a hill')));
    await screen.findByLabelText('Passphrase for this file');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByLabelText('Passphrase for this file')).not.toBeInTheDocument();
    expect(input).toHaveFocus();
    expect(backend.called('import_everything')).toHaveLength(0);
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
