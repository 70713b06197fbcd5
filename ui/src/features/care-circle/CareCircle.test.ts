import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../App.svelte';
import { FakeBackend } from '../../lib/api/testing';
import { expectAccessible } from '../../test/axe';
import { broughtWords } from './words';

type User = ReturnType<typeof userEvent.setup>;

async function start(backend = new FakeBackend().onboarded()) {
  backend.install();
  const user = userEvent.setup();
  const view = render(App);
  await screen.findByRole('heading', { name: 'Today' });
  return { backend, user, ...view };
}

/** Settings, then its Care circle section's button: the way to the screen. */
async function openCareCircle(user: User) {
  await user.click(screen.getByRole('button', { name: 'Settings' }));
  await screen.findByRole('heading', { name: 'Settings', level: 1 });
  const section = await screen.findByRole('region', { name: 'Care circle' });
  await user.click(within(section).getByRole('button', { name: 'Open the care circle' }));
  const heading = await screen.findByRole('heading', { name: 'Care circle', level: 1 });
  await screen.findByRole('heading', { name: /Start a care circle|Who is in the circle about/ });
  return heading;
}

/** Starts a circle about Sam with the shares ticked at first. */
async function startCircle(user: User) {
  await openCareCircle(user);
  const start = screen.getByRole('region', { name: 'Start a care circle' });
  await user.click(within(start).getByRole('button', { name: 'Start the care circle' }));
  await screen.findByRole('heading', { name: 'Who is in the circle about Sam' });
}

/**
 * A chosen file. jsdom's File has no text() (browsers, and the app's webview, do), so it is given
 * one that reads what the file holds.
 */
function bundleFile(text: string, name = 'x.age') {
  const file = new File([text], name);
  Object.defineProperty(file, 'text', { value: () => Promise.resolve(text) });
  return file;
}

const tasksList = () => screen.getByRole('list', { name: 'Who is doing what' });
/** The words of a checkbox's label, as read. */
const labelOf = (c: HTMLElement) => ((c as HTMLInputElement).labels?.[0]?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The items on the who-is-doing-what list, in order. */
const itemNames = () => within(tasksList()).getAllByRole('checkbox').map(labelOf);

describe('The care circle', () => {
  it('says in Settings that nothing is shared at first, and opens the care circle from there', async () => {
    const { user, container } = await start();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await screen.findByRole('heading', { name: 'Settings', level: 1 });
    const section = await screen.findByRole('region', { name: 'Care circle' });
    expect(await within(section).findByText('Nothing is shared. Everything you write stays on this computer.')).toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'Open the care circle' }));
    const heading = await screen.findByRole('heading', { name: 'Care circle', level: 1 });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(await screen.findByRole('heading', { name: 'Start a care circle' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: "Join a relative's circle" })).toBeInTheDocument();
    await expectAccessible(container);
  });

  it('starts a circle with the caregiver’s name and the kinds they tick, then shows who is in it', async () => {
    const { backend, user, container } = await start();
    await openCareCircle(user);
    const form = screen.getByRole('region', { name: 'Start a care circle' });
    expect(within(form).getByLabelText('Your name, as your family will see it')).toHaveValue('Maria');
    // Only the least personal kinds are shared from the start.
    const ticked = within(form)
      .getAllByRole('checkbox')
      .filter((c) => (c as HTMLInputElement).checked)
      .map(labelOf);
    expect(ticked).toEqual(['Small wins', 'Who is doing what']);
    const plan = within(form).getByRole('checkbox', { name: 'Safety plan, with its earlier versions' });
    expect(plan).not.toBeChecked();
    expect(within(form).getByText(/Never shared, whatever you choose: your own strain/)).toBeInTheDocument();
    await user.click(plan);
    expect(plan).toBeChecked();
    await user.click(within(form).getByRole('button', { name: 'Start the care circle' }));

    const who = await screen.findByRole('region', { name: 'Who is in the circle about Sam' });
    expect(within(who).getByText('Maria')).toBeInTheDocument();
    expect(within(who).getByText(/\(this computer\)/)).toBeInTheDocument();
    // There is no one else yet, and this computer cannot be removed from here.
    expect(within(who).queryByRole('button', { name: /Remove/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Start a care circle' })).not.toBeInTheDocument();
    expect(backend.called('create_care_circle')).toHaveLength(1);
    expect(backend.called('create_care_circle')[0].args.circle).toEqual({
      personId: backend.people[0].id,
      yourName: 'Maria',
      shares: ['safety_plan', 'wins', 'tasks'],
    });

    // What it shares is shown as chosen, and can be changed.
    const shares = screen.getByRole('region', { name: 'What the circle shares' });
    expect(within(shares).getByRole('checkbox', { name: 'Safety plan, with its earlier versions' })).toBeChecked();
    expect(within(shares).getByRole('checkbox', { name: 'Small wins' })).toBeChecked();
    expect(within(shares).getByRole('checkbox', { name: 'Warning signs' })).not.toBeChecked();
    await user.click(within(shares).getByRole('checkbox', { name: 'Warning signs' }));
    await user.click(within(shares).getByRole('checkbox', { name: 'Small wins' }));
    await user.click(within(shares).getByRole('button', { name: 'Save what is shared' }));
    expect(await within(shares).findByText('Saved what the circle shares.')).toBeInTheDocument();
    expect(backend.careCircles.circles[0].shares).toEqual(['safety_plan', 'warning_signs', 'tasks']);
    await expectAccessible(container);

    // Settings now says what is shared, and with whom.
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const summary = await screen.findByRole('region', { name: 'Care circle' });
    expect(
      await within(summary).findByText(
        /About Sam: shares\s+safety plan, with its earlier versions, warning signs, who is doing what,\s+with no one else yet\./,
      ),
    ).toBeInTheDocument();
  });

  it('refuses a blank name beside its field, and starts nothing', async () => {
    const { backend, user } = await start();
    await openCareCircle(user);
    const form = screen.getByRole('region', { name: 'Start a care circle' });
    const name = within(form).getByLabelText('Your name, as your family will see it');
    await user.clear(name);
    await user.type(name, '   ');
    await user.click(within(form).getByRole('button', { name: 'Start the care circle' }));
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription('Please add your name.');
    await waitFor(() => expect(name).toHaveFocus());
    // Shown once, beside the field: not also as an alert.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(backend.careCircles.circles).toHaveLength(0);
    expect(screen.getByRole('heading', { name: 'Start a care circle' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Who is in the circle/ })).not.toBeInTheDocument();

    // With a name it starts.
    await user.type(name, 'Mum');
    await user.click(within(form).getByRole('button', { name: 'Start the care circle' }));
    const who = await screen.findByRole('region', { name: 'Who is in the circle about Sam' });
    expect(within(who).getByText('Mum')).toBeInTheDocument();
    expect(backend.careCircles.circles).toHaveLength(1);
  });

  it('keeps who is doing what: adds items, marks one done, and removes one with Undo', async () => {
    const { backend, user, container } = await start();
    await startCircle(user);
    const tasks = screen.getByRole('region', { name: 'Who is doing what' });
    expect(within(tasks).getByText(/Nothing on the list yet/)).toBeInTheDocument();
    const what = within(tasks).getByLabelText('What needs doing');
    const who = within(tasks).getByLabelText('Who is doing it');
    expect(who).toHaveValue('Maria');

    // Nothing to do is refused beside its field.
    await user.click(within(tasks).getByRole('button', { name: 'Add to the list' }));
    await waitFor(() => expect(what).toHaveAccessibleDescription('Please add what needs doing.'));
    expect(what).toHaveAttribute('aria-invalid', 'true');
    expect(backend.careCircles.tasks).toHaveLength(0);

    await user.type(what, 'Ring the GP');
    await user.click(within(tasks).getByRole('button', { name: 'Add to the list' }));
    expect(await within(tasks).findByText('Added: Maria — Ring the GP.')).toBeInTheDocument();
    expect(what).toHaveValue('');
    expect(what).not.toHaveAttribute('aria-invalid');

    await user.type(what, 'Drive Sam to the clinic');
    await user.clear(who);
    await user.type(who, 'Tom');
    await user.type(within(tasks).getByLabelText(/On which day/), '2026-12-08');
    await user.click(within(tasks).getByRole('button', { name: 'Add to the list' }));
    expect(await within(tasks).findByText('Added: Tom — Drive Sam to the clinic.')).toBeInTheDocument();

    // The dated item comes before the undated one.
    await waitFor(() => expect(itemNames()).toHaveLength(2));
    expect(itemNames()[0]).toMatch(/^Tom: Drive Sam to the clinic\s*· .*2026/);
    expect(itemNames()[1]).toBe('Maria: Ring the GP');

    // Done goes to the end of the list, still ticked.
    await user.click(within(tasksList()).getByRole('checkbox', { name: /Drive Sam to the clinic/ }));
    await waitFor(() => expect(itemNames()[0]).toBe('Maria: Ring the GP'));
    expect(within(tasksList()).getByRole('checkbox', { name: /Drive Sam to the clinic/ })).toBeChecked();
    expect(within(tasksList()).getByRole('checkbox', { name: /Ring the GP/ })).not.toBeChecked();
    expect(backend.careCircles.tasks.find((t) => t.what === 'Drive Sam to the clinic')?.done).toBe(true);
    await expectAccessible(container);

    await user.click(within(tasksList()).getByRole('button', { name: 'Remove Ring the GP' }));
    expect(await within(tasks).findByText('Removed “Ring the GP”.')).toBeInTheDocument();
    await waitFor(() => expect(itemNames()).toHaveLength(1));
    expect(within(tasksList()).queryByRole('checkbox', { name: /Ring the GP/ })).not.toBeInTheDocument();
    await user.click(within(tasks).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(itemNames()).toEqual(['Maria: Ring the GP', expect.stringMatching(/^Tom: Drive Sam/)]));
    expect(within(tasks).queryByText('Removed “Ring the GP”.')).not.toBeInTheDocument();
    expect(backend.called('restore_care_task')).toHaveLength(1);
  });

  it('saves a bundle only with a passphrase long enough, saying where it went', async () => {
    const { backend, user, container } = await start();
    await startCircle(user);
    const files = screen.getByRole('region', { name: 'Share by file' });
    const pass = within(files).getByLabelText('Passphrase for the bundle');
    expect(pass).toHaveAccessibleDescription(/At least 8 characters/);

    await user.type(pass, 'kettle');
    await user.click(within(files).getByRole('button', { name: 'Save a bundle' }));
    await waitFor(() => expect(pass).toHaveAttribute('aria-invalid', 'true'));
    expect(pass).toHaveAccessibleDescription(
      'Please choose a passphrase of at least 8 characters (this one has 6). A few words you will remember work well. Nothing was saved.',
    );
    expect(within(files).queryByText(/Saved the bundle/)).not.toBeInTheDocument();
    expect(backend.careCircles.saved).toBeNull();
    await expectAccessible(container);

    await user.clear(pass);
    await user.type(pass, 'blue kettle garden');
    await user.click(within(files).getByRole('button', { name: 'Save a bundle' }));
    expect(
      await within(files).findByText(/^Saved the bundle: \/home\/me\/Downloads\/alongside-care-circle-2026-12-04\.age\. Send it to your family/),
    ).toBeInTheDocument();
    expect(pass).not.toHaveAttribute('aria-invalid');
    expect(pass).toHaveValue('');
    expect(backend.careCircles.saved?.passphrase).toBe('blue kettle garden');
  });

  it('refuses a file that is not a bundle, and a wrong passphrase, changing nothing', async () => {
    const { backend, user, container } = await start();
    await startCircle(user);
    const files = screen.getByRole('region', { name: 'Share by file' });
    const input = within(files).getByLabelText('Bundle file from your circle');
    const pass = within(files).getByLabelText("The bundle's passphrase");
    const bringIn = within(files).getByRole('button', { name: 'Bring in this bundle' });

    // No file chosen yet: said beside the file field.
    await user.click(bringIn);
    await waitFor(() => expect(input).toHaveAccessibleDescription('Please choose the bundle file first.'));
    expect(backend.called('import_care_circle_bundle')).toHaveLength(0);

    await user.upload(input, bundleFile('Dear Tom, here are the notes from Tuesday.', 'notes.age'));
    expect(await within(files).findByText('Chosen: notes.age')).toBeInTheDocument();
    await user.type(pass, 'blue kettle garden');
    await user.click(bringIn);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This is not a care circle bundle from Alongside. Nothing was changed.',
    );
    expect(backend.careCircles.circles[0].devices).toHaveLength(1);
    await expectAccessible(container);

    // A real bundle with the wrong passphrase: said beside the passphrase.
    const text = backend.careCircles.bundleFrom('Tom', 'blue kettle garden', { circleId: backend.careCircles.circles[0].id });
    await user.upload(input, bundleFile(text));
    await user.clear(pass);
    await user.type(pass, 'green kettle garden');
    await user.click(bringIn);
    await waitFor(() => expect(pass).toHaveAccessibleDescription(/That passphrase does not open this file/));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(backend.careCircles.circles[0].devices).toHaveLength(1);
  });

  it('brings in a relative’s bundle of the same circle: they join the list of who is in it', async () => {
    const { backend, user, container } = await start();
    await startCircle(user);
    const text = backend.careCircles.bundleFrom('Tom', 'blue kettle garden', {
      circleId: backend.careCircles.circles[0].id,
      tasks: [{ what: 'Pick up the prescription', who: 'Tom' }],
    });
    const files = screen.getByRole('region', { name: 'Share by file' });
    await user.upload(within(files).getByLabelText('Bundle file from your circle'), bundleFile(text));
    await user.type(within(files).getByLabelText("The bundle's passphrase"), 'blue kettle garden');
    await user.click(within(files).getByRole('button', { name: 'Bring in this bundle' }));
    expect(await within(files).findByText(broughtWords(1, 0, 0))).toBeInTheDocument();
    expect(within(files).getByLabelText("The bundle's passphrase")).toHaveValue('');

    const who = screen.getByRole('region', { name: 'Who is in the circle about Sam' });
    expect(await within(who).findByText('Tom')).toBeInTheDocument();
    expect(within(who).getByText(/not synced with this computer yet/)).toBeInTheDocument();
    // What they added to the list shows in it.
    await waitFor(() => expect(itemNames()).toEqual(['Tom: Pick up the prescription']));
    await expectAccessible(container);

    // The same bundle again changes nothing.
    await user.upload(within(files).getByLabelText('Bundle file from your circle'), bundleFile(text));
    await user.type(within(files).getByLabelText("The bundle's passphrase"), 'blue kettle garden');
    await user.click(within(files).getByRole('button', { name: 'Bring in this bundle' }));
    expect(await within(files).findByText('Everything in the file was already here.')).toBeInTheDocument();
    expect(backend.careCircles.tasks).toHaveLength(1);

    // Removing a relative asks first, then marks them removed.
    await user.click(within(who).getByRole('button', { name: 'Remove Tom from the circle' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove Tom from the circle?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep them' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(backend.called('remove_care_circle_device')).toHaveLength(0);
    await user.click(within(who).getByRole('button', { name: 'Remove Tom from the circle' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Remove' }));
    expect(await within(who).findByText(/· removed /)).toBeInTheDocument();
    expect(within(who).queryByRole('button', { name: 'Remove Tom from the circle' })).not.toBeInTheDocument();
    expect(backend.called('remove_care_circle_device')[0].args).toEqual({
      id: backend.careCircles.circles[0].id,
      device: 'device-tom',
    });

    // Tom may know the passphrase used before: a bundle from now on needs a new one.
    const pass = within(files).getByLabelText('Passphrase for the bundle');
    await user.type(pass, 'blue kettle garden');
    await user.click(within(files).getByRole('button', { name: 'Save a bundle' }));
    await waitFor(() => expect(pass).toHaveAccessibleDescription(/choose a new passphrase/));
    expect(backend.careCircles.saved).toBeNull();
    await user.clear(pass);
    await user.type(pass, 'only the three of us');
    await user.click(within(files).getByRole('button', { name: 'Save a bundle' }));
    expect(await within(files).findByText(/Saved the bundle/)).toBeInTheDocument();
    expect(backend.careCircles.saved?.passphrase).toBe('only the three of us');
  });

  it('joins a relative’s circle with the bundle they sent, bringing in their list', async () => {
    const { backend, user, container } = await start();
    await openCareCircle(user);
    const text = backend.careCircles.bundleFrom('Tom', 'blue kettle garden', {
      tasks: [{ what: 'Pick up the prescription', who: 'Tom', onDay: '2026-12-09' }],
    });
    const join = screen.getByRole('group', { name: 'Join with a bundle file' });
    await user.upload(within(join).getByLabelText('Bundle file from your circle'), bundleFile(text));
    await user.type(within(join).getByLabelText("The bundle's passphrase"), 'blue kettle garden');
    expect(within(join).getByLabelText('Your name, as your family will see it')).toHaveValue('Maria');
    await user.click(within(join).getByRole('button', { name: 'Join with this bundle' }));

    const who = await screen.findByRole('region', { name: 'Who is in the circle about Sam' });
    expect(within(who).getByText('Tom')).toBeInTheDocument();
    expect(within(who).getByText('Maria')).toBeInTheDocument();
    expect(within(who).getByText(/\(this computer\)/)).toBeInTheDocument();
    await waitFor(() => expect(itemNames()).toEqual([expect.stringMatching(/^Tom: Pick up the prescription\s*· .*2026/)]));
    expect(backend.called('import_care_circle_bundle')[0].args.join).toEqual({
      personId: backend.people[0].id,
      yourName: 'Maria',
    });
    await expectAccessible(container);
  });

  it('turns live sync on with an invite, showing its code and QR code, and off again', async () => {
    const { backend, user, container } = await start();
    await openCareCircle(user);
    await startCircle(user);
    const live = await screen.findByRole('region', { name: 'Live sync' });
    expect(within(live).getByText(/Live sync is off: nothing leaves this computer/)).toBeInTheDocument();
    await user.click(within(live).getByRole('button', { name: 'Invite a computer' }));
    expect(await within(live).findByLabelText('Invite code')).toHaveValue('aedq-obyh-a4dq');
    expect(within(live).getByRole('img', { name: 'The invite code as a QR code' })).toBeInTheDocument();
    expect(within(live).getByText(/Live sync is on/)).toBeInTheDocument();
    await expectAccessible(container);
    await user.click(within(live).getByRole('button', { name: 'Turn live sync off' }));
    expect(await within(live).findByText(/Live sync is off/)).toBeInTheDocument();
    expect(within(live).queryByLabelText('Invite code')).not.toBeInTheDocument();
    expect(backend.called('set_care_circle_live').at(-1)?.args).toMatchObject({ on: false });
  });

  it('starts a second circle about someone else the caregiver supports, and switches between them', async () => {
    const backend = new FakeBackend().onboarded();
    backend.people.push({ id: 99, name: 'Alex', relationship: 'friend', conditions: [] });
    const { user, container } = await start(backend);
    await startCircle(user);
    const another = screen.getByRole('region', { name: 'Someone else you support' });
    await user.click(within(another).getByRole('button', { name: 'Start or join a circle about Alex' }));
    const form = await screen.findByRole('region', { name: 'Start a care circle' });
    // Only those with no circle yet can be chosen: Alex alone, so there is nothing to choose.
    expect(within(form).queryByLabelText('Who is the circle about?')).not.toBeInTheDocument();
    await expectAccessible(container);
    await user.click(within(form).getByRole('button', { name: 'Start the care circle' }));
    await screen.findByRole('heading', { name: 'Who is in the circle about Alex' });
    expect(backend.careCircles.circles.map((c) => c.personId)).toEqual([1, 99]);
    // Everyone has a circle now: no offer of another.
    expect(screen.queryByRole('region', { name: 'Someone else you support' })).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Which circle'), 'About Sam');
    expect(await screen.findByRole('heading', { name: 'Who is in the circle about Sam' })).toBeInTheDocument();
  });

  it('sets a relay only with a full https address, and says so where live sync is described', async () => {
    const { backend, user, container } = await start();
    await openCareCircle(user);
    await startCircle(user);
    const live = await screen.findByRole('region', { name: 'Live sync' });
    const field = within(live).getByLabelText('Relay address (optional)');
    const save = within(live).getByRole('button', { name: 'Save the relay' });

    // Plain http over a network is refused beside the field, and nothing is set.
    await user.type(field, 'http://relay.example.org');
    await user.click(save);
    await waitFor(() => expect(field).toHaveAccessibleDescription(/https:\/\/ address/));
    expect(backend.careCircles.circles[0].relay ?? null).toBeNull();

    await user.clear(field);
    await user.type(field, 'https://Relay.Example.org');
    await user.click(save);
    expect(await within(live).findByText(/can now also reach each other through https:\/\/relay.example.org\//)).toBeInTheDocument();
    expect(backend.called('set_care_circle_relay').at(-1)?.args).toEqual({
      id: backend.careCircles.circles[0].id,
      relay: 'https://Relay.Example.org',
    });
    await user.click(within(live).getByRole('button', { name: 'Turn live sync on' }));
    expect(await within(live).findByText(/through the circle's relay/)).toBeInTheDocument();
    await expectAccessible(container);

    // Cleared: straight connections only.
    await user.clear(field);
    await user.click(save);
    expect(await within(live).findByText(/uses no relay/)).toBeInTheDocument();
    expect(within(live).getByText(/and to nothing else/)).toBeInTheDocument();
  });
});
