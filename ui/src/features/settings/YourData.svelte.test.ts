import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import YourData from './YourData.svelte';
import { FakeBackend } from '../../lib/api/testing';
import { expectAccessible } from '../../test/axe';

async function setup() {
  const backend = new FakeBackend().onboarded('Maria', 'Sam', 'GB').install();
  const onrestored = vi.fn();
  const user = userEvent.setup();
  const { container } = render(YourData, { props: { onrestored } });
  await screen.findByText('/home/me/.local/share/alongside/backups');
  return { backend, user, onrestored, container };
}

describe('Your data', () => {
  it('shows where the data and backups are, and backs up now', async () => {
    const { backend, user, container } = await setup();
    expect(screen.getByText('/home/me/.local/share/alongside')).toBeInTheDocument();
    expect(screen.getByText('None yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    expect(await screen.findByText('Backed up.')).toBeInTheDocument();
    expect(backend.called('back_up_now')).toHaveLength(1);
    expect(screen.getByText(/\(64 KB\)/, { selector: 'dd' })).toBeInTheDocument();
    await expectAccessible(container);
  });

  it('asks before restoring, and restores only when the caregiver says so', async () => {
    const { backend, user, onrestored } = await setup();
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    await screen.findByRole('button', { name: 'Restore…' });
    const older = backend.backups.backups[1].name;
    await user.selectOptions(screen.getByLabelText('Backup to restore'), older);

    await user.click(screen.getByRole('button', { name: 'Restore…' }));
    let dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    expect(within(dialog).getByText(/backed up first/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Keep my data as it is' }));
    expect(backend.called('restore_backup')).toHaveLength(0);
    expect(onrestored).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Restore…' }));
    dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    await vi.waitFor(() => expect(onrestored).toHaveBeenCalledTimes(1));
    expect(backend.restoredFrom).toBe(older);
  });

  it('explains a folder that is not a whole path, in plain words', async () => {
    const { backend, user } = await setup();
    await user.type(screen.getByLabelText(/A different backup folder/), 'usb/backups');
    await user.click(screen.getByRole('button', { name: 'Use this folder' }));
    expect(await screen.findByText(/whole path of a folder/)).toBeInTheDocument();
    expect(backend.backups.chosenFolder).toBe(false);
  });

  it('shows why the last backup did not work', async () => {
    const backend = new FakeBackend().onboarded('Maria', 'Sam', 'GB');
    backend.backups.problem = 'The backup folder /media/usb can’t be reached right now.';
    backend.install();
    render(YourData, { props: { onrestored: vi.fn() } });
    expect(await screen.findByText(/can’t be reached right now/)).toBeInTheDocument();
  });
});
