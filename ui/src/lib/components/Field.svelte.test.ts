import { describe, expect, it, vi } from 'vitest';
import { createRawSnippet, flushSync } from 'svelte';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Field, { type FieldControl } from './Field.svelte';
import HowItWent from './HowItWent.svelte';
import PersonField from './PersonField.svelte';
import UndoNotice from './UndoNotice.svelte';
import { fieldError } from '../forms';
import { AlongsideError } from '../api/errors';
import type { Person } from '../api';
import { expectAccessible } from '../../test/axe';

// A plain text box standing in for whatever control a screen puts inside a Field.
const textBox = createRawSnippet((control: () => FieldControl) => ({
  render: () => '<input type="text" />',
  setup(node) {
    $effect(() => {
      for (const [name, value] of Object.entries(control())) {
        if (value === undefined) node.removeAttribute(name);
        else node.setAttribute(name, value);
      }
    });
  },
}));

const SAM: Person = { id: 1, name: 'Sam', relationship: 'child', conditions: [] };
const ALEX: Person = { id: 2, name: 'Alex', relationship: 'friend', conditions: [] };

describe('Field', () => {
  it('labels its control, describes it by the hint, and by the error instead while there is one', async () => {
    const props = $state<{ error: string | null }>({ error: null });
    const { container } = render(Field, {
      props: { label: 'Title', hint: 'A few words.', get error() { return props.error; }, children: textBox },
    });
    const box = screen.getByRole('textbox', { name: 'Title' });
    expect(box).toHaveAccessibleDescription('A few words.');
    expect(box).not.toHaveAttribute('aria-invalid');

    props.error = 'Please add a title.';
    flushSync();
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(box).toHaveAccessibleDescription('Please add a title.');
    expect(screen.getByText('Please add a title.')).toHaveClass('field-error');
    await expectAccessible(container);
  });

  it('moves focus to its control when an error appears, so the message is read with it', async () => {
    const props = $state<{ error: string | null }>({ error: null });
    render(Field, {
      props: { label: 'Title', hint: 'A few words.', get error() { return props.error; }, children: textBox },
    });
    const box = screen.getByRole('textbox', { name: 'Title' });
    expect(box).not.toHaveFocus();

    props.error = 'Please add a title.';
    flushSync();
    await waitFor(() => expect(box).toHaveFocus());
    expect(box).toHaveAccessibleDescription('Please add a title.');
  });

  it('names only descriptions that are on screen, and counts characters near the limit', () => {
    const props = $state({ value: 'a'.repeat(10) });
    render(Field, {
      props: { label: 'Title', get count() { return { value: props.value, max: 20 }; }, children: textBox },
    });
    const box = screen.getByRole('textbox', { name: 'Title' });
    expect(box).not.toHaveAttribute('aria-describedby');
    expect(screen.queryByText(/characters/)).not.toBeInTheDocument();

    props.value = 'a'.repeat(17);
    flushSync();
    expect(box).toHaveAccessibleDescription('17 of 20 characters');
    for (const ref of box.getAttribute('aria-describedby')!.split(' ')) {
      expect(document.getElementById(ref)).toBeInTheDocument();
    }
  });

  it('says when a field is optional, in its name', () => {
    render(Field, { props: { label: 'Message', optional: true, children: textBox } });
    expect(screen.getByRole('textbox', { name: 'Message (optional)' })).not.toHaveAttribute('aria-describedby');
  });
});

describe('fieldError', () => {
  it('gives the message only to the field the error is about', () => {
    const error = new AlongsideError('invalid_input', 'Please choose a time.', 'time');
    expect(fieldError(error, 'time')).toBe('Please choose a time.');
    expect(fieldError(error, 'title')).toBeNull();
    expect(fieldError(null, 'time')).toBeNull();
  });
});

describe('PersonField', () => {
  it('asks only when there is more than one person, and binds the chosen id', async () => {
    const props = $state({ people: [SAM], value: 1 as number | null });
    const user = userEvent.setup();
    render(PersonField, {
      props: {
        get people() { return props.people; },
        get value() { return props.value; },
        set value(v) { props.value = v; },
        label: 'Whose win?',
      },
    });
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();

    props.people = [SAM, ALEX];
    flushSync();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Whose win?' }), 'Alex');
    expect(props.value).toBe(2);
  });

  it('shows its error and marks the choice invalid', () => {
    render(PersonField, { props: { people: [SAM, ALEX], value: 1, error: 'Please choose someone.' } });
    const select = screen.getByRole('combobox', { name: 'Who with?' });
    expect(select).toHaveAttribute('aria-invalid', 'true');
    expect(select).toHaveAccessibleDescription('Please choose someone.');
  });
});

describe('HowItWent', () => {
  it('offers 1 to 5 or rather not say, and binds the choice', async () => {
    const props = $state({ value: '' });
    const user = userEvent.setup();
    const { container } = render(HowItWent, {
      props: { get value() { return props.value; }, set value(v) { props.value = v; } },
    });
    const select = screen.getByRole('combobox', { name: 'How did it go? (optional)' });
    expect(select).toHaveValue('');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Rather not say',
      '1 – It was hard',
      '2',
      '3 – Okay',
      '4',
      '5 – It went well',
    ]);
    await user.selectOptions(select, '4');
    expect(props.value).toBe('4');
    await expectAccessible(container);
  });
});

describe('UndoNotice', () => {
  it('shows nothing without a message, then announces it with an Undo button', async () => {
    const props = $state<{ message: string | null }>({ message: null });
    const onundo = vi.fn();
    const user = userEvent.setup();
    render(UndoNotice, { props: { get message() { return props.message; }, onundo } });
    expect(screen.queryByRole('status')).not.toBeInTheDocument();

    props.message = 'Removed the check-in.';
    flushSync();
    expect(screen.getByRole('status')).toHaveTextContent('Removed the check-in.');
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onundo).toHaveBeenCalledOnce();
  });

  it('keeps a short message on one line with its button', () => {
    render(UndoNotice, { props: { message: 'Sam was removed.', onundo: () => {}, inline: true } });
    const notice = screen.getByRole('status');
    expect(notice).toHaveClass('notice', 'inline');
    expect(notice.querySelector('span')).toHaveTextContent('Sam was removed.');
  });
});
