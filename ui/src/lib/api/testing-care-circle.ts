// Test support: the care circle of the in-memory backend (circles, their devices and bundle files,
// and the "who is doing what" list), with the core's refusals and its order for the list. A
// bundle here is a stand-in for the real encrypted one: it begins as an age file does and opens
// only with its passphrase (the real encryption and merging are tested in the core). Of the
// shared records, only the who-is-doing-what items travel in the fake's bundles.
// Used by component tests only.
import type {
  AppError,
  BundleImported,
  CareCircle,
  CareTask,
  CareTaskInput,
  CircleDevice,
  JoinAs,
  NewCareCircle,
  Person,
  SharedKind,
} from '../bindings';

const invalid = (field: string, message: string): AppError => ({ code: 'invalid_input', message, field });
const notFound = (what: string): AppError => ({
  code: 'not_found',
  message: `That ${what} could not be found. It may have been removed already.`,
  field: null,
});

/** The kinds a circle can share, in the core's order, with the core's words for them. */
export const CARE_SHARES: [SharedKind, string][] = [
  ['safety_plan', 'Safety plan, with its earlier versions'],
  ['warning_signs', 'Warning signs'],
  ['appointments', 'Appointments, with questions and notes'],
  ['care_contacts', 'Care contacts'],
  ['boundaries', 'Boundaries'],
  ['checkins', 'Check-ins (who reached out, and when)'],
  ['wins', 'Small wins'],
  ['tasks', 'Who is doing what'],
];

const NEVER_SHARED = [
  'your own strain and daily checks',
  'your self-checks',
  'your self-care plan',
  'your own crisis card',
  'your listening reflections',
];

const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
const ARMOR_END = '-----END AGE ENCRYPTED FILE-----';
const FORMAT = 'alongside-care-circle';
const NAME_MAX = 80;
const TASK_MAX = 300;
const PASSPHRASE_MIN = 8;

/** This computer's device in every circle. */
export const THIS_DEVICE = 'device-this-computer';

/** One item as it travels in a bundle: by its stable id, never this computer's row id. */
type SharedTask = { uid: string; what: string; who: string; onDay: string | null; done: boolean; removed: boolean };

/** What a bundle holds (inside the stand-in for the encryption). */
type Envelope = {
  format: string;
  version: number;
  circle: string;
  person: string;
  shares: SharedKind[];
  devices: { device: string; name: string; joinedAt: string; removedAt: string | null }[];
  tasks: SharedTask[];
};

type Held = {
  id: number;
  /** The circle's id across computers, as the bundle carries it. */
  circle: string;
  personId: number;
  shares: SharedKind[];
  devices: CircleDevice[];
  live?: boolean;
  relay?: string | null;
};

type HeldTask = CareTask & { uid: string; removed: boolean };

/** The text the core's `required_text` checks give: trimmed, present, not too long. */
function required(field: string, value: string, max: number, what: string): string {
  const v = value.trim();
  if (!v) throw invalid(field, `Please add ${what}.`);
  const n = [...v].length;
  if (n > max)
    throw invalid(field, `${what[0].toUpperCase()}${what.slice(1)} is a little long: please keep it to ${max} characters or fewer (it has ${n}).`);
  return v;
}

/** A calendar day as a date field sends it, or none. */
function optionalDay(field: string, value: string | null): string | null {
  const v = value?.trim() ?? '';
  if (!v) return null;
  const bad = invalid(field, 'Please choose a date from the calendar.');
  if (!/^\d{4}-\d\d-\d\d$/.test(v)) throw bad;
  const [y, m, d] = v.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) throw bad;
  if (y < 1900 || y > 2200) throw invalid(field, 'Please check the year of that date.');
  return v;
}

/** A relay address, checked as the core's `live::relay_url` checks it. */
function relayUrl(text: string): string | null {
  const t = text.trim();
  if (!t) return null;
  const bad = invalid('relay', "Please give the relay's full address, such as https://relay.example.org. Nothing was changed.");
  if ([...t].length > 200) throw bad;
  const m = /^([a-z]+):\/\/([^/:]+)(?::(\d+))?\/?$/.exec(t.toLowerCase());
  if (!m) throw bad;
  const [, scheme, host, port] = m;
  const hostOk = host.split('.').every((l) => /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(l));
  const portOk = port === undefined || (Number(port) > 0 && Number(port) < 65536);
  if (!hostOk || !portOk) throw bad;
  const here = host === 'localhost' || host.startsWith('127.');
  if (scheme === 'http' && !here)
    throw invalid(
      'relay',
      'Please use the relay\'s https:// address, so that the way to it is protected too. Nothing was changed.',
    );
  if (scheme !== 'https' && scheme !== 'http') throw bad;
  return `${scheme}://${host}${port ? `:${port}` : ''}/`;
}

/** A new bundle's passphrase, checked as the core checks it. */
function newPassphrase(typed: string): string {
  const p = required('passphrase', typed, 1000, 'a passphrase');
  const n = [...p].length;
  if (n < PASSPHRASE_MIN)
    throw invalid(
      'passphrase',
      `Please choose a passphrase of at least ${PASSPHRASE_MIN} characters (this one has ${n}). A few words you will remember work well. Nothing was saved.`,
    );
  return p;
}

/** The stand-in for an age file protected with `passphrase` (the same as `protectedFile`'s). */
function seal(text: string, passphrase: string): string {
  return `${ARMOR_BEGIN}\n${JSON.stringify({ passphrase, text })}\n${ARMOR_END}\n`;
}

/** A bundle's envelope, opened as the core opens it, with the same refusals in the same order. */
function open(text: string, passphrase: string): Envelope {
  const notBundle = invalid('import', 'This is not a care circle bundle from Alongside. Nothing was changed.');
  if (!text.trimStart().startsWith(ARMOR_BEGIN)) throw notBundle;
  const typed = passphrase.trim();
  if (!typed)
    throw invalid('passphrase', 'This file is protected with a passphrase. Please type it to open the file. Nothing was changed.');
  let inner: { passphrase: string; text: string };
  try {
    inner = JSON.parse(text.trim().split('\n')[1]);
  } catch {
    throw invalid('import', 'This protected file could not be opened: it may be cut short or damaged. Nothing was changed.');
  }
  if (inner.passphrase !== typed)
    throw invalid(
      'passphrase',
      'That passphrase does not open this file. Please check it and type it again (capital letters and spaces count). Nothing was changed.',
    );
  let envelope: Envelope;
  try {
    envelope = JSON.parse(inner.text);
  } catch {
    throw notBundle;
  }
  if (envelope?.format !== FORMAT) throw notBundle;
  return envelope;
}

const now = () => new Date().toISOString();

/** The fake's care circles and who-is-doing-what lists. */
export class FakeCareCircles {
  circles: Held[] = [];
  tasks: HeldTask[] = [];
  /** The last bundle saved: where, its text (to bring in elsewhere) and its passphrase. */
  saved: { path: string; text: string; passphrase: string } | null = null;
  /** The passphrases each circle's bundles used, with how many had been removed then. */
  private used = new Map<number, { passphrase: string; removed: number }[]>();
  private nextId = 1;
  private nextUid = 1;

  private found(id: number): Held {
    const c = this.circles.find((x) => x.id === id);
    if (!c) throw notFound('care circle');
    return c;
  }

  private person(personId: number, people: Person[]): Person {
    const p = people.find((x) => x.id === personId);
    if (!p) throw notFound('person');
    return p;
  }

  private view(c: Held, people: Person[]): CareCircle {
    return {
      id: c.id,
      personId: c.personId,
      personName: people.find((p) => p.id === c.personId)?.name ?? '',
      shares: CARE_SHARES.map(([kind, label]) => ({ kind, label, shared: c.shares.includes(kind) })),
      devices: c.devices.map((d) => ({ ...d })),
      live: c.live ?? false,
      relay: c.relay ?? null,
      neverShared: [...NEVER_SHARED],
    };
  }

  private envelope(c: Held, personName: string): Envelope {
    return {
      format: FORMAT,
      version: 1,
      circle: c.circle,
      person: personName,
      shares: [...c.shares],
      devices: c.devices.map(({ device, name, joinedAt, removedAt }) => ({ device, name, joinedAt, removedAt })),
      tasks: c.shares.includes('tasks')
        ? this.tasks
            .filter((t) => t.personId === c.personId)
            .map(({ uid, what, who, onDay, done, removed }) => ({ uid, what, who, onDay, done, removed }))
        : [],
    };
  }

  private ordered(shares: SharedKind[]): SharedKind[] {
    return CARE_SHARES.map(([k]) => k).filter((k) => shares.includes(k));
  }

  list(people: Person[]): CareCircle[] {
    return this.circles.map((c) => this.view(c, people));
  }

  create(input: NewCareCircle, people: Person[]): CareCircle {
    const name = required('yourName', input.yourName, NAME_MAX, 'your name');
    this.person(input.personId, people);
    if (this.circles.some((c) => c.personId === input.personId))
      throw invalid('personId', 'There is already a care circle about this person. You can change what it shares instead.');
    const c: Held = {
      id: this.nextId++,
      circle: `circle-${this.nextUid++}`,
      personId: input.personId,
      shares: this.ordered(input.shares),
      devices: [{ device: THIS_DEVICE, name, joinedAt: now(), removedAt: null, lastSynced: null, thisDevice: true }],
    };
    this.circles.push(c);
    return this.view(c, people);
  }

  /** The code every invite shows, and its stand-in QR modules. */
  static INVITE = { code: 'aedq-obyh-a4dq', qr: [[true, false], [false, true]] };

  invite(id: number) {
    this.found(id).live = true;
    return FakeCareCircles.INVITE;
  }

  setLive(id: number, on: boolean, people: Person[]): CareCircle {
    const c = this.found(id);
    c.live = on;
    return this.view(c, people);
  }

  /** Sets the relay, checked as the core checks it (the same refusals, in the same words). */
  setRelay(id: number, relay: string, people: Person[]): CareCircle {
    const c = this.found(id);
    c.relay = relayUrl(relay);
    return this.view(c, people);
  }

  setShares(id: number, shares: SharedKind[], people: Person[]): CareCircle {
    const c = this.found(id);
    c.shares = this.ordered(shares);
    return this.view(c, people);
  }

  private remember(id: number, passphrase: string, removed: number) {
    this.used.set(id, [...(this.used.get(id) ?? []), { passphrase, removed }]);
  }

  /** Saves the circle's bundle; returns its path, as the core does. */
  save(id: number, passphrase: string, people: Person[]): string {
    const p = newPassphrase(passphrase);
    const c = this.found(id);
    // After a removal, a passphrase used before it is refused, as the core refuses it.
    const removed = c.devices.filter((d) => d.removedAt).length;
    const used = (this.used.get(c.id) ?? []).filter((u) => u.passphrase === p);
    if (used.some((u) => u.removed < removed)) {
      throw invalid(
        'passphrase',
        "Someone has been removed from this care circle since this passphrase was used, so they may know it. Please choose a new passphrase for this circle's bundles, and tell it only to those still in the circle. Nothing was saved.",
      );
    }
    this.remember(c.id, p, removed);
    const text = seal(JSON.stringify(this.envelope(c, this.view(c, people).personName)), p);
    const path = '/home/me/Downloads/alongside-care-circle-2026-12-04.age';
    this.saved = { path, text, passphrase: p };
    return path;
  }

  /**
   * A bundle as a relative's computer saves it, for tests to bring in: of the circle here with
   * `circleId` (a new one, about `person`, when not given), with the relative in it and the items
   * given. Every call is a new device unless `device` is given.
   */
  bundleFrom(
    relative: string,
    passphrase: string,
    {
      circleId = null,
      person = 'Sam',
      device = `device-${relative.toLowerCase()}`,
      shares = ['wins', 'tasks'],
      tasks = [],
    }: {
      circleId?: number | null;
      person?: string;
      device?: string;
      shares?: SharedKind[];
      tasks?: { what: string; who: string; onDay?: string | null; done?: boolean; uid?: string }[];
    } = {},
  ): string {
    const here = circleId === null ? null : this.found(circleId);
    const devices: Envelope['devices'] = here
      ? here.devices.map(({ device, name, joinedAt, removedAt }) => ({ device, name, joinedAt, removedAt }))
      : [];
    if (!devices.some((d) => d.device === device))
      devices.push({ device, name: relative, joinedAt: '2026-12-01T09:00:00Z', removedAt: null });
    const envelope: Envelope = {
      format: FORMAT,
      version: 1,
      circle: here?.circle ?? `circle-${this.nextUid++}`,
      person,
      shares: here ? [...here.shares] : this.ordered(shares),
      devices,
      tasks: tasks.map((t) => ({
        uid: t.uid ?? `task-${this.nextUid++}`,
        what: t.what,
        who: t.who,
        onDay: t.onDay ?? null,
        done: t.done ?? false,
        removed: false,
      })),
    };
    return seal(JSON.stringify(envelope), passphrase);
  }

  /** Brings a bundle in: merges it into its circle here, or with `join`, joins that circle. */
  import(text: string, passphrase: string, join: JoinAs | null, people: Person[]): BundleImported {
    const other = open(text, passphrase);
    let c = this.circles.find((x) => x.circle === other.circle);
    if (!c) {
      if (!join)
        throw invalid(
          'personId',
          `This bundle is from a care circle about ${other.person}. Please choose who that is here, and your name, to join it. Nothing was changed.`,
        );
      const name = required('yourName', join.yourName, NAME_MAX, 'your name');
      this.person(join.personId, people);
      if (this.circles.some((x) => x.personId === join.personId))
        throw invalid('personId', 'There is already a care circle about this person here. Nothing was changed.');
      c = {
        id: this.nextId++,
        circle: other.circle,
        personId: join.personId,
        shares: this.ordered(other.shares),
        devices: [{ device: THIS_DEVICE, name, joinedAt: now(), removedAt: null, lastSynced: null, thisDevice: true }],
      };
      this.circles.push(c);
    }
    // Remembered as the bundle's maker knew the removals, as the core does.
    this.remember(c.id, passphrase, other.devices.filter((d) => d.removedAt).length);
    // Devices: everyone either side knows; a removal on either side stands.
    for (const d of other.devices) {
      const mine = c.devices.find((x) => x.device === d.device);
      if (!mine) c.devices.push({ ...d, lastSynced: null, thisDevice: d.device === THIS_DEVICE });
      else if (!mine.removedAt && d.removedAt) mine.removedAt = d.removedAt;
    }
    let added = 0;
    let changed = 0;
    for (const t of other.tasks) {
      const mine = this.tasks.find((x) => x.uid === t.uid);
      if (!mine) {
        this.tasks.push({ id: this.nextId++, personId: c.personId, ...t });
        added++;
      } else if (mine.what !== t.what || mine.who !== t.who || mine.onDay !== t.onDay || mine.done !== t.done || mine.removed !== t.removed) {
        Object.assign(mine, { what: t.what, who: t.who, onDay: t.onDay, done: t.done, removed: t.removed });
        changed++;
      }
    }
    return { circle: this.view(c, people), added, changed, refused: 0 };
  }

  removeDevice(id: number, device: string, people: Person[]): CareCircle {
    const c = this.found(id);
    if (device === THIS_DEVICE)
      throw invalid('device', 'This is your own computer. To stop sharing from here, leave the circle instead.');
    const d = c.devices.find((x) => x.device === device);
    if (!d || d.removedAt) throw notFound('device');
    d.removedAt = now();
    return this.view(c, people);
  }

  private task(id: number): HeldTask {
    const t = this.tasks.find((x) => x.id === id && !x.removed);
    if (!t) throw notFound('item');
    return t;
  }

  private shown({ uid: _, removed: __, ...t }: HeldTask): CareTask {
    return t;
  }

  /** Still to do first (by day, undated last), then done; as added within each. */
  taskList(personId: number, people: Person[]): CareTask[] {
    this.person(personId, people);
    return this.tasks
      .filter((t) => t.personId === personId && !t.removed)
      .sort(
        (a, b) =>
          Number(a.done) - Number(b.done) ||
          Number(a.onDay === null) - Number(b.onDay === null) ||
          (a.onDay ?? '').localeCompare(b.onDay ?? '') ||
          a.id - b.id,
      )
      .map((t) => this.shown(t));
  }

  addTask(input: CareTaskInput, people: Person[]): CareTask {
    const what = required('what', input.what, TASK_MAX, 'what needs doing');
    const who = required('who', input.who, NAME_MAX, 'who is doing it');
    const onDay = optionalDay('onDay', input.onDay);
    this.person(input.personId, people);
    const t: HeldTask = { id: this.nextId++, uid: `task-${this.nextUid++}`, personId: input.personId, what, who, onDay, done: false, removed: false };
    this.tasks.push(t);
    return this.shown(t);
  }

  setDone(id: number, done: boolean): CareTask {
    const t = this.task(id);
    t.done = done;
    return this.shown(t);
  }

  removeTask(id: number): null {
    this.task(id).removed = true;
    return null;
  }

  restoreTask(id: number): CareTask {
    const t = this.tasks.find((x) => x.id === id && x.removed);
    if (!t) throw notFound('item');
    t.removed = false;
    return this.shown(t);
  }
}
