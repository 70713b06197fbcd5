import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../App.svelte';
import { FakeBackend } from '../../lib/api/testing';
import { expectAccessible } from '../../test/axe';
import { router } from '../../lib/router.svelte';

const PASSPHRASE = 'correct horse battery';

function setup(backend: FakeBackend, options: Parameters<typeof userEvent.setup>[0] = {}) {
  backend.install();
  const user = userEvent.setup(options);
  const view = render(App);
  return { user, ...view };
}

function locked(because: Parameters<FakeBackend['protection']['lock']>[0] = 'appLock') {
  const backend = new FakeBackend().onboarded('Maria', 'Sam', 'GB');
  backend.protection.lock(because, PASSPHRASE);
  return backend;
}

const field = () => screen.getByLabelText('Passphrase or recovery code');

afterEach(() => {
  vi.useRealTimers();
});

describe('the lock screen', () => {
  it('shows only the lock screen and Crisis help, and reads nothing from the data', async () => {
    const backend = locked();
    const { user, container } = setup(backend);

    await screen.findByRole('heading', { name: 'Alongside is locked' });
    expect(screen.getByText('Type your passphrase to open Alongside.')).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add a win' })).not.toBeInTheDocument();
    expect(screen.queryByText(/Sam/)).not.toBeInTheDocument();
    expect(backend.called('get_profile')).toHaveLength(0);
    expect(backend.called('list_people')).toHaveLength(0);
    await vi.waitFor(() => expect(field()).toHaveFocus());
    expect(field()).toHaveAttribute('type', 'password');
    await expectAccessible(container);

    // The header's Crisis help and the line on the lock screen both open it.
    await user.click(screen.getByRole('button', { name: 'Open Crisis help' }));
    let dialog = await screen.findByRole('dialog', { name: 'Crisis help' });
    expect(await within(dialog).findByText('Find A Helpline')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Crisis help' }));
    dialog = await screen.findByRole('dialog', { name: 'Crisis help' });
    expect(await within(dialog).findByText('Find A Helpline')).toBeInTheDocument();
  });

  it('shows what was typed only when asked', async () => {
    const { user } = setup(locked());
    await screen.findByRole('heading', { name: 'Alongside is locked' });
    const toggle = screen.getByRole('button', { name: 'Show passphrase or recovery code' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(field()).toHaveAttribute('type', 'text');
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await user.click(toggle);
    expect(field()).toHaveAttribute('type', 'password');
  });

  it('says a wrong passphrase does not open it, keeps focus on the field, and waits after three', async () => {
    const backend = locked();
    const { user } = setup(backend);
    await screen.findByRole('heading', { name: 'Alongside is locked' });

    await user.type(field(), 'wrong guess{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("That doesn't open Alongside.");
    expect(field()).toHaveFocus();
    expect(field()).toHaveAttribute('aria-invalid', 'true');
    expect(field()).toHaveAccessibleDescription(/That doesn't open Alongside/);

    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    await vi.waitFor(() => expect(backend.called('unlock')).toHaveLength(3));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please wait 5 seconds before the next try.');
    expect(await screen.findByText(/You can try again in [45] seconds/)).toBeInTheDocument();

    // During the wait the try is not sent; the caregiver is told why, calmly.
    await user.clear(field());
    await user.type(field(), `${PASSPHRASE}{Enter}`);
    expect(await screen.findByRole('alert')).toHaveTextContent(/Please wait [45] more seconds before the next try/);
    expect(screen.getByRole('alert')).toHaveTextContent('never erases your data');
    expect(backend.called('unlock')).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'Unlock' })).toBeEnabled();
    expect(field()).toHaveFocus();
  });

  it('counts the wait down, then lets the caregiver in and shows Today', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const backend = locked();
    backend.protection.failedTries = 3;
    backend.protection.retryUntil = Date.now() + 3000;
    const { user } = setup(backend, { advanceTimers: vi.advanceTimersByTime });
    await screen.findByRole('heading', { name: 'Alongside is locked' });
    expect(screen.getByText(/You can try again in 3 seconds/)).toBeInTheDocument();

    vi.advanceTimersByTime(3100);
    expect(await screen.findByText('You can try again now.')).toBeInTheDocument();
    expect(screen.queryByText(/You can try again in/)).not.toBeInTheDocument();

    await user.type(field(), `${PASSPHRASE}{Enter}`);
    await screen.findByRole('heading', { name: 'Today' });
    expect(backend.called('unlock')[0].args).toEqual({ secret: PASSPHRASE });
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(screen.getByText('Sam')).toBeInTheDocument();
  });

  it('explains a key store that lost the key, and opens with the recovery code typed loosely', async () => {
    const backend = locked('keyStoreMissing');
    const { user, container } = setup(backend);
    await screen.findByRole('heading', { name: 'Alongside is locked' });
    expect(screen.getByText(/does not have it\. That happens on a new computer, or after the key store was reset/)).toBeInTheDocument();
    expect(screen.getByText(/Type your passphrase or your recovery code, and Alongside will remember the key again/)).toBeInTheDocument();
    await expectAccessible(container);

    await user.click(screen.getByRole('button', { name: 'Forgot it?' }));
    expect(screen.getByText(/the 25-character code you\s+wrote down or printed/)).toBeInTheDocument();
    expect(field()).toHaveFocus();
    expect(field()).toHaveAccessibleDescription(/25-character code/);

    await user.type(field(), `${backend.protection.recoveryCode.toLowerCase().replaceAll('-', ' ')}{Enter}`);
    await screen.findByRole('heading', { name: 'Today' });
    expect(backend.protection.status.keyStore).toBe(true);
  });

  it('says why it asks each time on a computer without a key store', async () => {
    setup(locked('noKeyStore'));
    await screen.findByRole('heading', { name: 'Alongside is locked' });
    expect(screen.getByText(/This computer has no key store/)).toHaveTextContent(
      'asks for your passphrase each time it opens',
    );
  });

  it('asks for the PIN when one is set, counts a wrong one, and opens with the right one', async () => {
    const backend = locked();
    backend.protection.pin = '2468';
    const { user, container } = setup(backend);
    await screen.findByRole('heading', { name: 'Alongside is locked' });
    expect(screen.getByText('Type your PIN or passphrase to open Alongside.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Passphrase or recovery code')).not.toBeInTheDocument();
    const pinField = screen.getByLabelText('PIN, passphrase or recovery code');
    await vi.waitFor(() => expect(pinField).toHaveFocus());
    // Still a password field where letters can be typed: the passphrase works here too.
    expect(pinField).toHaveAttribute('type', 'password');
    expect(pinField).not.toHaveAttribute('inputmode');
    expect(screen.getByRole('button', { name: 'Show PIN, passphrase or recovery code' })).toBeInTheDocument();
    await expectAccessible(container);

    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please type your PIN, passphrase or recovery code.');
    expect(backend.called('unlock')).toHaveLength(0);

    await user.type(pinField, '1357{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent("That doesn't open Alongside.");
    expect(backend.protection.failedTries).toBe(1);
    expect(pinField).toHaveFocus();

    await user.clear(pinField);
    await user.type(pinField, '2468{Enter}');
    await screen.findByRole('heading', { name: 'Today' });
    expect(backend.called('unlock').at(-1)?.args).toEqual({ secret: '2468' });
    expect(backend.protection.failedTries).toBe(0);
    expect(screen.getByText('Sam')).toBeInTheDocument();
  });

  it('says why the PIN cannot open it when the key store cannot give the key, and takes the passphrase', async () => {
    const backend = locked();
    backend.protection.pin = '2468';
    backend.protection.status.keyStore = false;
    const { user } = setup(backend);
    await screen.findByRole('heading', { name: 'Alongside is locked' });
    const pinField = screen.getByLabelText('PIN, passphrase or recovery code');

    await user.type(pinField, '2468{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "Your PIN can't open Alongside just now, because this computer's key store can't give the key. Please type your passphrase or recovery code instead.",
    );
    expect(pinField).toHaveFocus();
    expect(backend.protection.failedTries).toBe(0);
    expect(backend.protection.status.state).toBe('locked');

    await user.clear(pinField);
    await user.type(pinField, `${PASSPHRASE}{Enter}`);
    await screen.findByRole('heading', { name: 'Today' });
  });

  it('does not offer the PIN when the key store lost the key', async () => {
    const backend = locked('keyStoreMissing');
    backend.protection.pin = '2468';
    setup(backend);
    await screen.findByRole('heading', { name: 'Alongside is locked' });
    expect(field()).toBeInTheDocument();
    expect(screen.queryByLabelText('PIN, passphrase or recovery code')).not.toBeInTheDocument();
    expect(screen.queryByText(/Type your PIN/)).not.toBeInTheDocument();
  });

  it('asks for something to be typed before trying', async () => {
    const backend = locked();
    const { user } = setup(backend);
    await screen.findByRole('heading', { name: 'Alongside is locked' });
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please type your passphrase or recovery code.');
    expect(field()).toHaveFocus();
    expect(backend.called('unlock')).toHaveLength(0);
  });
});

describe('locking while Alongside is open', () => {
  function openWithLock() {
    const backend = new FakeBackend().onboarded('Maria', 'Sam', 'GB');
    backend.protection.passphrase = PASSPHRASE;
    backend.protection.status.appLock = true;
    backend.protection.status.idleMinutes = 5;
    return backend;
  }

  it('Ctrl+Shift+L locks, closes the open dialog and drops what was on screen', async () => {
    const backend = openWithLock();
    router.go({ name: 'settings' });
    const { user } = setup(backend);
    await screen.findByRole('heading', { name: 'Settings' });
    await user.click(screen.getByRole('button', { name: 'Add a win' }));
    await screen.findByRole('dialog', { name: /win/i });

    await user.keyboard('{Control>}{Shift>}L{/Shift}{/Control}');
    await screen.findByRole('heading', { name: 'Alongside is locked' });
    expect(backend.called('lock_now')).toHaveLength(1);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByText('Sam')).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();

    // Unlocking opens Today afresh, without the dialog that was open.
    await user.type(field(), `${PASSPHRASE}{Enter}`);
    await screen.findByRole('heading', { name: 'Today' });
    expect(screen.getByText('Sam')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('keeps Crisis help open when Alongside locks behind it', async () => {
    const backend = openWithLock();
    const { user } = setup(backend);
    await screen.findByRole('heading', { name: 'Today' });
    await user.click(screen.getByRole('button', { name: 'Crisis help' }));
    const dialog = await screen.findByRole('dialog', { name: 'Crisis help' });
    await user.keyboard('{Control>}{Shift>}L{/Shift}{/Control}');
    await screen.findByRole('heading', { name: 'Alongside is locked' });
    expect(dialog).toBeInTheDocument();
    expect(within(dialog).getByText('Samaritans')).toBeInTheDocument();
    expect(dialog.contains(document.activeElement)).toBe(true);
  });

  it('does nothing on Ctrl+Shift+L when the app lock is off', async () => {
    const backend = new FakeBackend().onboarded('Maria', 'Sam', 'GB');
    const { user } = setup(backend);
    await screen.findByRole('heading', { name: 'Today' });
    await user.keyboard('{Control>}{Shift>}L{/Shift}{/Control}');
    expect(backend.called('lock_now')).toHaveLength(0);
    expect(screen.getByRole('heading', { name: 'Today' })).toBeInTheDocument();
  });

  it('shows the lock screen when a screen finds the data locked elsewhere', async () => {
    const backend = openWithLock();
    const { user } = setup(backend);
    await screen.findByRole('heading', { name: 'Today' });
    // The idle lock fired in another place: the next command is refused.
    backend.protection.lock('appLock', PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Wins' }));
    await screen.findByRole('heading', { name: 'Alongside is locked' });
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });

  it('locks after the chosen idle minutes', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const backend = openWithLock();
    backend.protection.status.idleMinutes = 1;
    setup(backend, { advanceTimers: vi.advanceTimersByTime });
    await screen.findByRole('heading', { name: 'Today' });
    expect(backend.called('lock_now')).toHaveLength(0);
    vi.advanceTimersByTime(70_000);
    await screen.findByRole('heading', { name: 'Alongside is locked' });
    expect(backend.called('lock_now')).toHaveLength(1);
  });
});

describe('a key file that is missing', () => {
  it('says what to copy back, and Try again opens the lock screen once it is there', async () => {
    const backend = new FakeBackend().onboarded('Maria', 'Sam', 'GB');
    backend.protection.status.state = 'unavailable';
    backend.problem = {
      code: 'key_file_missing',
      message:
        'Your Alongside data is here, but the file that holds its key (alongside-keys.json) is missing, so it can\u2019t be opened. Nothing was changed or deleted. If you have a backup folder, copy alongside-keys.json from there into the data folder, then try again.',
      field: null,
    };
    const { user } = setup(backend);
    await screen.findByRole('heading', { name: 'Your Alongside data could not be opened' });
    expect(screen.getByRole('alert')).toHaveTextContent('copy alongside-keys.json from there into the data folder');
    expect(screen.getByText('/home/me/.local/share/alongside')).toBeInTheDocument();

    // The file is copied back on a computer whose key store never had the key.
    backend.problem = null;
    backend.protection.lock('keyStoreMissing', PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('heading', { name: 'Alongside is locked' });
    expect(backend.called('retry_database')).toHaveLength(1);
  });
});
