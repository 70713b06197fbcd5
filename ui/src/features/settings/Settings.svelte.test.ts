import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Settings from './Settings.svelte';
import { breakBackend, FakeBackend } from '../../lib/api/testing';
import { api } from '../../lib/api';

async function setup() {
  const backend = new FakeBackend().onboarded('Maria', 'Sam', 'GB').install();
  backend.people.push({ id: 99, name: 'Alex', relationship: 'friend', conditions: [] });
  const props = $state({ profile: backend.profile!, people: [...backend.people] });
  const onchange = async () => {
    props.profile = (await api.getProfile())!;
    props.people = await api.listPeople();
  };
  const user = userEvent.setup();
  render(Settings, { props: { get profile() { return props.profile; }, get people() { return props.people; }, onchange } });
  await screen.findByRole('heading', { name: 'Settings' });
  return { backend, user, props };
}

describe('Settings', () => {
  it('changes the caregiver’s name and region', async () => {
    const { backend, user } = await setup();
    const name = screen.getByLabelText('Your first name (optional)');
    expect(name).toHaveValue('Maria');
    await user.clear(name);
    await user.type(name, 'Mia');
    await screen.findByRole('option', { name: 'United States' });
    await user.selectOptions(screen.getByLabelText('Your country or region'), 'United States');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(backend.profile).toEqual({ caregiverName: 'Mia', region: 'US' });
  });

  it('asks before removing a person, then offers Undo', async () => {
    const { backend, user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Remove Alex' }));
    const confirm = await screen.findByRole('dialog', { name: 'Remove Alex?' });
    await user.click(within(confirm).getByRole('button', { name: 'Keep' }));
    expect(backend.called('remove_person')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Remove Alex' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Remove Alex?' })).getByRole('button', {
        name: 'Remove',
      }),
    );
    expect(await screen.findByText('Alex was removed.')).toBeInTheDocument();
    expect(backend.people.map((p) => p.name)).toEqual(['Sam']);

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('button', { name: 'Remove Alex' })).toBeInTheDocument();
    expect(backend.people.map((p) => p.name)).toEqual(['Sam', 'Alex']);
  });

  it('adds a person and shows the backend’s message for bad input', async () => {
    const { backend, user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Add a person' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a person' });
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByLabelText('Their name or nickname')).toHaveAccessibleDescription(
      'Please add a name or nickname.',
    );
    await user.type(within(dialog).getByLabelText('Their name or nickname'), 'Jo');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('button', { name: 'Edit Jo' })).toBeInTheDocument();
    expect(backend.people.map((p) => p.name)).toContain('Jo');
  });
});
