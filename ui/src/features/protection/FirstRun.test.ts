import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../App.svelte';
import { FakeBackend } from '../../lib/api/testing';
import { expectAccessible } from '../../test/axe';

function setup(backend: FakeBackend) {
  backend.install();
  const user = userEvent.setup();
  const view = render(App);
  return { user, ...view };
}

async function onboard(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByRole('heading', { name: 'Welcome to Alongside' });
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await user.type(screen.getByLabelText('Their name or nickname'), 'Sam');
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await user.selectOptions(screen.getByLabelText('Your country or region'), 'United Kingdom');
  await user.click(screen.getByRole('button', { name: 'Start using Alongside' }));
}

/** A first start with a key store: the data is open and a recovery code waits to be shown. */
function firstStart() {
  const backend = new FakeBackend();
  backend.protection.recoverySaved = false;
  backend.protection.status.recoveryCodeToShow = backend.protection.recoveryCode;
  return backend;
}

describe('choosing a passphrase on a computer without a key store', () => {
  it('explains why, checks the two match, then goes on to the welcome', async () => {
    const backend = new FakeBackend();
    backend.protection.status = { ...backend.protection.status, state: 'setup', keyStore: false, recoveryCode: false };
    const { user, container } = setup(backend);

    const heading = await screen.findByRole('heading', { name: 'Choose a passphrase' });
    await vi.waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText(/This computer has none, so Alongside needs a passphrase/)).toBeInTheDocument();
    expect(screen.getByText(/keeps everything you write encrypted/)).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Crisis help' })).toBeInTheDocument();
    await expectAccessible(container);

    // Not the same twice: said on the second box, and nothing is sent.
    await user.type(screen.getByLabelText('Passphrase'), 'blue kettle morning');
    await user.type(screen.getByLabelText('Type your passphrase again'), 'blue kettle evening');
    await user.click(screen.getByRole('button', { name: 'Set passphrase' }));
    const again = screen.getByLabelText('Type your passphrase again');
    expect(await screen.findByRole('alert')).toHaveTextContent('The two passphrases are not the same.');
    expect(again).toHaveFocus();
    expect(again).toHaveAttribute('aria-invalid', 'true');
    expect(backend.called('set_up_protection')).toHaveLength(0);

    // Too short: the core's words, on the first box.
    await user.clear(screen.getByLabelText('Passphrase'));
    await user.type(screen.getByLabelText('Passphrase'), 'short');
    await user.clear(again);
    await user.type(again, 'short');
    await user.click(screen.getByRole('button', { name: 'Set passphrase' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please use at least 8 characters.');
    expect(screen.getByLabelText('Passphrase')).toHaveFocus();

    await user.clear(screen.getByLabelText('Passphrase'));
    await user.type(screen.getByLabelText('Passphrase'), 'blue kettle morning');
    await user.clear(again);
    await user.type(again, 'blue kettle morning{Enter}');
    await screen.findByRole('heading', { name: 'Welcome to Alongside' });
    expect(backend.called('set_up_protection').at(-1)?.args).toEqual({ passphrase: 'blue kettle morning' });

    // After the welcome, the recovery code; then Today, where the lock is offered with the passphrase.
    await onboard(user);
    await screen.findByRole('heading', { name: 'Write down your recovery code' });
    await user.click(screen.getByLabelText('I have written it down or printed it'));
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await screen.findByRole('heading', { name: 'Today' });
    expect(screen.getByRole('button', { name: 'Turn on the lock' })).toBeInTheDocument();
  }, 15_000);
});

describe('the recovery code', () => {
  it('comes after the welcome, and Done needs the box ticked', async () => {
    const backend = firstStart();
    const { user, container } = setup(backend);
    await onboard(user);

    const heading = await screen.findByRole('heading', { name: 'Write down your recovery code' });
    await vi.waitFor(() => expect(heading).toHaveFocus());
    // The code exactly as made, in large grouped monospace.
    expect(container.querySelector('.code')).toHaveTextContent(backend.protection.recoveryCode, { normalizeWhitespace: false });
    expect(screen.getByText(/Alongside cannot recover it for you/)).toBeInTheDocument();
    expect(screen.getByText(/away from this computer/)).toHaveTextContent('not keep it in a file on this computer');
    // Its own screen: no way around it yet.
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add a win' })).not.toBeInTheDocument();
    await expectAccessible(container);

    await user.click(screen.getByRole('button', { name: 'Done' }));
    const box = screen.getByLabelText('I have written it down or printed it');
    expect(await screen.findByRole('alert')).toHaveTextContent('Please tick the box');
    expect(box).toHaveFocus();
    expect(box).toHaveAccessibleDescription(/will not show it again/);
    expect(backend.called('recovery_code_saved')).toHaveLength(0);

    await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await screen.findByRole('heading', { name: 'Today' });
    expect(backend.called('recovery_code_saved')).toHaveLength(1);
    expect(container.querySelector('.code')).toBeNull();
  });

  it('prints', async () => {
    const backend = new FakeBackend().onboarded();
    backend.protection.status.recoveryCodeToShow = backend.protection.recoveryCode;
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const { user } = setup(backend);
    await screen.findByRole('heading', { name: 'Write down your recovery code' });
    await user.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();
  });
});

describe('the gentle offer of the app lock after the first run', () => {
  it('goes to the passphrase in Settings, and only once', async () => {
    const backend = firstStart();
    const { user, container } = setup(backend);
    await onboard(user);
    await screen.findByRole('heading', { name: 'Write down your recovery code' });
    await user.click(screen.getByLabelText('I have written it down or printed it'));
    await user.click(screen.getByRole('button', { name: 'Done' }));

    await screen.findByRole('heading', { name: 'Today' });
    expect(screen.getByRole('heading', { name: 'Does someone else use this computer?' })).toBeInTheDocument();
    expect(screen.getByText(/You can lock Alongside with a passphrase/)).toBeInTheDocument();
    await expectAccessible(container);

    await user.click(screen.getByRole('button', { name: 'Set a passphrase' }));
    const section = await screen.findByRole('heading', { name: 'Keeping your notes private' });
    await vi.waitFor(() => expect(section).toHaveFocus());
    expect(screen.getByLabelText('New passphrase')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Today' }));
    await screen.findByRole('heading', { name: 'Today' });
    expect(screen.queryByRole('button', { name: 'Set a passphrase' })).not.toBeInTheDocument();
  });

  it('goes away with Not now', async () => {
    const backend = new FakeBackend();
    const { user } = setup(backend);
    await onboard(user);
    await screen.findByRole('heading', { name: 'Today' });
    await user.click(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.queryByText(/Does someone else use this computer/)).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Today' })).toHaveFocus();
    expect(backend.called('set_app_lock')).toHaveLength(0);
  });

  it('is not offered on a later start', async () => {
    setup(new FakeBackend().onboarded());
    await screen.findByRole('heading', { name: 'Today' });
    expect(screen.queryByText(/Does someone else use this computer/)).not.toBeInTheDocument();
  });
});
