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

  it('sets a PIN with the passphrase, says what a PIN must be, then changes and removes it', async () => {
    const backend = withPassphrase();
    backend.protection.status.appLock = true;
    backend.protection.status.idleMinutes = 5;
    const { user, container } = await setup(backend);
    expect(screen.getByRole('heading', { name: 'Use a PIN to unlock' })).toBeInTheDocument();
    expect(screen.getByText(/A PIN is quicker to type than your passphrase; it opens only the lock/)).toHaveTextContent(
      'your passphrase and recovery code still work',
    );
    expect(screen.queryByText(/Your PIN opens the lock too/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Remove PIN' })).not.toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'Use a PIN to unlock' });
    const passphrase = within(form).getByLabelText('Your passphrase');
    const pin = within(form).getByLabelText('PIN');
    expect(passphrase).toHaveAttribute('type', 'password');
    expect(pin).toHaveAttribute('type', 'password');
    expect(pin).toHaveAttribute('inputmode', 'numeric');
    expect(pin).toHaveAttribute('autocomplete', 'off');
    expect(pin).toHaveAccessibleDescription('4 to 12 digits.');
    await user.click(within(form).getByRole('button', { name: 'Show PIN' }));
    expect(pin).toHaveAttribute('type', 'text');
    await user.click(within(form).getByRole('button', { name: 'Show PIN' }));
    await expectAccessible(container);

    // The passphrase first: without it nothing is sent; a wrong one changes nothing.
    await user.type(pin, '2468');
    await user.click(screen.getByRole('button', { name: 'Set PIN' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please type your passphrase.');
    expect(passphrase).toHaveFocus();
    expect(backend.called('set_pin')).toHaveLength(0);
    await user.type(passphrase, 'not it at all');
    await user.click(screen.getByRole('button', { name: 'Set PIN' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That is not your passphrase. Nothing was changed.');
    expect(passphrase).toHaveFocus();
    expect(passphrase).toHaveAttribute('aria-invalid', 'true');
    expect(passphrase).toHaveAccessibleDescription('That is not your passphrase. Nothing was changed.');
    expect(backend.protection.pin).toBeNull();

    // Then a PIN of digits only.
    await user.clear(passphrase);
    await user.type(passphrase, PASSPHRASE);
    await user.clear(pin);
    await user.type(pin, '12ab');
    await user.click(screen.getByRole('button', { name: 'Set PIN' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please use 4 to 12 digits for your PIN.');
    expect(pin).toHaveFocus();
    expect(pin).toHaveAttribute('aria-invalid', 'true');
    expect(pin).toHaveAccessibleDescription(/Please use 4 to 12 digits for your PIN\./);
    expect(passphrase).not.toHaveAttribute('aria-invalid');
    expect(backend.protection.pin).toBeNull();
    await expectAccessible(container);

    await user.clear(pin);
    await user.type(pin, '2468{Enter}');
    expect(await screen.findByText('Your PIN is set. It opens the lock on this computer.')).toHaveAttribute(
      'role',
      'status',
    );
    expect(backend.called('set_pin').at(-1)?.args).toEqual({ passphrase: PASSPHRASE, pin: '2468' });
    expect(backend.protection.pin).toBe('2468');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(passphrase).toHaveValue('');
    expect(pin).toHaveValue('');
    expect(screen.getByText('Your PIN opens the lock too, on this computer only.')).toBeInTheDocument();
    expect(screen.getByText(/until your PIN, passphrase or recovery code is typed/)).toBeInTheDocument();

    // Changing it needs the passphrase again.
    await user.type(passphrase, PASSPHRASE);
    await user.type(pin, '97531');
    await user.click(screen.getByRole('button', { name: 'Change PIN' }));
    expect(await screen.findByText('Your new PIN is saved.')).toBeInTheDocument();
    expect(backend.protection.pin).toBe('97531');

    // So does removing it.
    await user.click(screen.getByRole('button', { name: 'Remove PIN' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please type your passphrase.');
    expect(backend.protection.pin).toBe('97531');
    await user.type(passphrase, PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Remove PIN' }));
    expect(await screen.findByText('Your PIN is removed. Your passphrase opens the lock.')).toBeInTheDocument();
    expect(backend.called('set_pin').at(-1)?.args).toEqual({ passphrase: PASSPHRASE, pin: null });
    expect(backend.protection.pin).toBeNull();
    expect(screen.getByRole('button', { name: 'Set PIN' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Remove PIN' })).not.toBeInTheDocument();
    expect(screen.queryByText(/Your PIN opens the lock too/)).not.toBeInTheDocument();
  });

  it('offers a PIN only with the app lock on and a key store to keep the key', async () => {
    const backend = withPassphrase();
    const { user } = await setup(backend);
    expect(screen.queryByRole('heading', { name: 'Use a PIN to unlock' })).not.toBeInTheDocument();

    await user.click(screen.getByLabelText('Lock Alongside with my passphrase'));
    expect(await screen.findByRole('heading', { name: 'Use a PIN to unlock' })).toBeInTheDocument();

    // The key store went away after the page was shown: the core refuses, under the PIN field.
    backend.protection.status.keyStore = false;
    await user.type(screen.getByLabelText('Your passphrase'), PASSPHRASE);
    await user.type(screen.getByLabelText('PIN'), '2468');
    await user.click(screen.getByRole('button', { name: 'Set PIN' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "A PIN needs this computer's key store to keep the key, and it isn't available.",
    );
    expect(screen.getByLabelText('PIN')).toHaveFocus();
    expect(backend.protection.pin).toBeNull();
  });

  it('says a PIN needs the key store, with no form, on a computer without one', async () => {
    const backend = withPassphrase();
    backend.protection.status.keyStore = false;
    backend.protection.status.appLock = true;
    const { container } = await setup(backend);
    expect(screen.getByRole('heading', { name: 'Use a PIN to unlock' })).toBeInTheDocument();
    expect(screen.getByText(/A PIN needs this computer's key store, which isn't available here/)).toHaveTextContent(
      'so your passphrase opens the lock instead.',
    );
    expect(screen.queryByLabelText('PIN')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Set PIN' })).not.toBeInTheDocument();
    await expectAccessible(container);
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
