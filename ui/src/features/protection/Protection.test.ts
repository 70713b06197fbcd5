import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Protection from './Protection.svelte';
import App from '../../App.svelte';
import { FakeBackend } from '../../lib/api/testing';
import { expectAccessible } from '../../test/axe';
import { router } from '../../lib/router.svelte';
import { protection } from './protection.svelte';

const PASSPHRASE = 'correct horse battery';

async function setup(backend = new FakeBackend().onboarded()) {
  backend.install();
  const user = userEvent.setup();
  const view = render(Protection);
  await screen.findByRole('heading', { name: 'Keeping your notes private' });
  await screen.findByText(/encrypted on this computer/);
  return { backend, user, ...view };
}

function withPassphrase() {
  const backend = new FakeBackend().onboarded();
  backend.protection.passphrase = PASSPHRASE;
  return backend;
}

describe('Keeping your notes private (Settings)', () => {
  it('says what protects the data and what to do with a new computer', async () => {
    const { container } = await setup();
    expect(screen.getByText(/kept in this computer's key store, which opens when you log in/)).toBeInTheDocument();
    expect(screen.getByText('You have not set a passphrase.')).toBeInTheDocument();
    expect(screen.getByText(/Your recovery code opens it if the key store and the passphrase cannot/)).toBeInTheDocument();
    expect(screen.getByText(/Anyone who uses your account on this computer can open Alongside/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'If you replace this computer' })).toBeInTheDocument();
    expect(screen.getByText('alongside-keys.json')).toBeInTheDocument();
    expect(screen.getByText(/type your passphrase or your recovery code/)).toBeInTheDocument();
    await expectAccessible(container);
  });

  it('sets a passphrase, then asks for it to change it', async () => {
    const { backend, user } = await setup();
    expect(screen.getByRole('heading', { name: 'Set a passphrase' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Current passphrase')).not.toBeInTheDocument();

    await user.type(screen.getByLabelText('New passphrase'), 'blue kettle morning');
    await user.type(screen.getByLabelText('Type the new passphrase again'), 'blue kettle morning');
    await user.click(screen.getByRole('button', { name: 'Set passphrase' }));
    expect(await screen.findByText('Your passphrase is set.')).toBeInTheDocument();
    expect(backend.protection.passphrase).toBe('blue kettle morning');
    expect(screen.getByLabelText('New passphrase')).toHaveValue('');

    // Now changing it needs the current one.
    expect(await screen.findByRole('heading', { name: 'Change your passphrase' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Current passphrase'), 'not it at all');
    await user.type(screen.getByLabelText('New passphrase'), 'green kettle evening');
    await user.type(screen.getByLabelText('Type the new passphrase again'), 'green kettle evening');
    await user.click(screen.getByRole('button', { name: 'Change passphrase' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That is not your current passphrase. Nothing was changed.');
    expect(screen.getByLabelText('Current passphrase')).toHaveFocus();
    expect(backend.protection.passphrase).toBe('blue kettle morning');

    await user.clear(screen.getByLabelText('Current passphrase'));
    await user.type(screen.getByLabelText('Current passphrase'), 'blue kettle morning');
    await user.click(screen.getByRole('button', { name: 'Change passphrase' }));
    expect(await screen.findByText('Your new passphrase is saved.')).toBeInTheDocument();
    expect(backend.protection.passphrase).toBe('green kettle evening');
    expect(backend.called('set_passphrase').at(-1)?.args).toEqual({
      current: 'blue kettle morning',
      passphrase: 'green kettle evening',
    });
  });

  it('needs a passphrase before the app lock, and offers to set one first', async () => {
    const { backend, user } = await setup();
    const lock = screen.getByLabelText('Lock Alongside with my passphrase');
    await user.click(lock);
    expect(await screen.findByRole('alert')).toHaveTextContent('Please set a passphrase first');
    expect(lock).not.toBeChecked();
    expect(backend.protection.status.appLock).toBe(false);
    expect(screen.queryByLabelText('Lock after')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Set a passphrase first' }));
    expect(screen.getByLabelText('New passphrase')).toHaveFocus();
  });

  it('turns the app lock on, changes when it locks, and locks now', async () => {
    const { backend, user, container } = await setup(withPassphrase());
    await user.click(screen.getByLabelText('Lock Alongside with my passphrase'));
    expect(await screen.findByText('Alongside will lock after 5 minutes without use.')).toBeInTheDocument();
    expect(backend.protection.status).toMatchObject({ appLock: true, idleMinutes: 5 });

    const after = screen.getByLabelText('Lock after');
    expect(after).toHaveDisplayValue('5 minutes');
    expect(within(after).getAllByRole('option').map((o) => o.textContent)).toEqual([
      '1 minute',
      '5 minutes',
      '15 minutes',
      '1 hour',
      'Never',
    ]);
    await user.selectOptions(after, '1 hour');
    expect(await screen.findByText('Alongside will lock after 1 hour without use.')).toBeInTheDocument();
    expect(backend.protection.status.idleMinutes).toBe(60);
    await user.selectOptions(after, 'Never');
    await vi.waitFor(() => expect(backend.protection.status.idleMinutes).toBeNull());
    expect(backend.protection.status.appLock).toBe(true);
    await expectAccessible(container);

    const lockNow = screen.getByRole('button', { name: 'Lock now' });
    expect(lockNow).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+L');
    await user.click(lockNow);
    await vi.waitFor(() => expect(protection.status?.state).toBe('locked'));
    expect(backend.called('lock_now')).toHaveLength(1);
  });

  it('turns the app lock off', async () => {
    const backend = withPassphrase();
    backend.protection.status.appLock = true;
    backend.protection.status.idleMinutes = 15;
    const { user } = await setup(backend);
    expect(screen.getByText(/and after 15 minutes without use/)).toBeInTheDocument();
    const lock = screen.getByLabelText('Lock Alongside with my passphrase');
    expect(lock).toBeChecked();
    await user.click(lock);
    expect(await screen.findByText('The app lock is off.')).toBeInTheDocument();
    expect(backend.protection.status.appLock).toBe(false);
    expect(screen.queryByRole('button', { name: 'Lock now' })).not.toBeInTheDocument();
  });

  it('asks before making a new recovery code', async () => {
    const { backend, user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Make a new recovery code' }));
    let dialog = await screen.findByRole('dialog', { name: 'Make a new recovery code?' });
    expect(within(dialog).getByText(/old recovery code will stop working/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Keep my old code' }));
    expect(backend.called('new_recovery_code')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Make a new recovery code' }));
    dialog = await screen.findByRole('dialog', { name: 'Make a new recovery code?' });
    await user.click(within(dialog).getByRole('button', { name: 'Make a new code' }));
    await vi.waitFor(() => expect(backend.called('new_recovery_code')).toHaveLength(1));
    expect(protection.status?.recoveryCodeToShow).toBe(backend.protection.recoveryCode);
  });
});

describe('a new recovery code in the app', () => {
  it('shows the new code on its own screen, then goes back to Settings', async () => {
    const backend = new FakeBackend().onboarded().install();
    router.go({ name: 'settings' });
    const user = userEvent.setup();
    const { container } = render(App);
    await screen.findByRole('heading', { name: 'Keeping your notes private' });
    const old = backend.protection.recoveryCode;
    await user.click(screen.getByRole('button', { name: 'Make a new recovery code' }));
    const dialog = await screen.findByRole('dialog', { name: 'Make a new recovery code?' });
    await user.click(within(dialog).getByRole('button', { name: 'Make a new code' }));

    await screen.findByRole('heading', { name: 'Write down your recovery code' });
    expect(backend.protection.recoveryCode).not.toBe(old);
    expect(container.querySelector('.code')).toHaveTextContent(backend.protection.recoveryCode);
    await user.click(screen.getByLabelText('I have written it down or printed it'));
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await screen.findByRole('heading', { name: 'Settings' });
    expect(backend.called('recovery_code_saved')).toHaveLength(1);
  });
});
