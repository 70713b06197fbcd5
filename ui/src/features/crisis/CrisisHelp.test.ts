import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import CrisisHelp from './CrisisHelp.svelte';
import { breakBackend, FakeBackend } from '../../lib/api/testing';
import { expectAccessible } from '../../test/axe';

describe('CrisisHelp', () => {
  it('shows the region’s emergency number and lines, and can switch region', async () => {
    new FakeBackend().install();
    const user = userEvent.setup();
    const { container } = render(CrisisHelp, { region: 'US' });
    expect(await screen.findByText('911')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '988 Suicide & Crisis Lifeline' })).toBeInTheDocument();
    expect(screen.getByText(/Last checked 2026-11-01/)).toBeInTheDocument();
    await expectAccessible(container);

    await user.selectOptions(await screen.findByLabelText('Show crisis lines for'), 'United Kingdom');
    expect(await screen.findByText('999')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Samaritans' })).toBeInTheDocument();
  });

  it('can make the region shown the caregiver’s own, from Crisis help itself', async () => {
    new FakeBackend().install();
    const user = userEvent.setup();
    const saved: string[] = [];
    render(CrisisHelp, { region: 'US', onremember: async (code: string) => void saved.push(code) });
    await screen.findByText('911');
    // Nothing to offer while the shown region is already the caregiver's.
    expect(screen.queryByRole('button', { name: /my region/ })).not.toBeInTheDocument();
    await user.selectOptions(await screen.findByLabelText('Show crisis lines for'), 'United Kingdom');
    await user.click(await screen.findByRole('button', { name: 'Make United Kingdom my region' }));
    expect(saved).toEqual(['GB']);
    expect(await screen.findByText('From now on, Crisis help shows United Kingdom first.')).toBeInTheDocument();
  });

  it('shows each source’s address, not only its title', async () => {
    new FakeBackend().install();
    render(CrisisHelp, { region: 'US' });
    const sources = await screen.findByRole('list', { name: 'Sources' });
    expect(sources).toHaveTextContent('988 Lifeline: https://988lifeline.org/');
  });

  it('has words for calling about someone else, and about yourself', async () => {
    new FakeBackend().install();
    const user = userEvent.setup();
    const { container } = render(CrisisHelp, { region: 'GB', forSelf: true });
    expect(await screen.findByText('Say: I’m having a really hard time and I need to talk to someone.')).toBeVisible();
    expect(screen.getByText('If you might act on thoughts of suicide, call the emergency number now.')).toBeInTheDocument();
    expect(screen.queryByText('Say you are worried about someone.')).not.toBeInTheDocument();
    await expectAccessible(container);
    // The caregiver can switch, by keyboard too.
    await user.click(screen.getByRole('radio', { name: 'Someone I care about' }));
    expect(screen.getByText('Say you are worried about someone.')).toBeInTheDocument();
    expect(screen.queryByText(/I’m having a really hard time/)).not.toBeInTheDocument();
  });

  it('is about someone else unless opened for the caregiver', async () => {
    new FakeBackend().install();
    render(CrisisHelp, { region: 'GB' });
    expect(await screen.findByRole('radio', { name: 'Someone I care about' })).toBeChecked();
    expect(screen.getByText('If someone is in danger right now, call the emergency number.')).toBeInTheDocument();
  });

  it('falls back to emergency numbers if the lines cannot be loaded', async () => {
    breakBackend();
    render(CrisisHelp, { region: 'US' });
    expect(await screen.findByText(/call your local emergency number/)).toHaveTextContent('911');
  });
});
