// Test support: an in-memory stand-in for the Rust backend behind Tauri's IPC mock. Lives here
// because ui/src/lib/api is the only code that touches @tauri-apps. Used by component tests only.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { localDay } from '../dates';
import { FakeProtection, LOCKED, OPEN_WHILE_LOCKED } from './testing-protection';
import { FakeReports } from './testing-report';
import { FakeCircles, KINDS } from './testing-circle';
import { FakeCareCircles } from './testing-care-circle';

const PROTECTION_COMMANDS = new Set([
  'protection_status',
  'unlock',
  'set_up_protection',
  'lock_now',
  'set_passphrase',
  'new_recovery_code',
  'recovery_code_saved',
  'set_app_lock',
  'set_pin',
]);

/** Removes any IPC mock installed by a test. */
export function resetBackendMock() {
  clearMocks();
}

/** Makes every command fail as a crash would (not an AppError). */
export function breakBackend() {
  mockIPC(() => {
    throw new Error('backend gone');
  });
}
import type {
  BackupStatus,
  DueItem,
  Reminder,
  ReminderInput,
  ReminderSettings,
  Appointment,
  AppointmentInput,
  Boundary,
  BoundaryInput,
  CareContact,
  CareContactInput,
  Checkin,
  CheckinInput,
  EntryKind,
  GiveSpace,
  GiveSpaceInput,
  ListeningInput,
  ListeningMoment,
  MarkState,
  Starter,
  DailyCheck,
  DailyCheckInput,
  Instrument,
  SelfCarePlan,
  SelfCheckInput,
  SelfCheckResult,
  CaregiverCard,
  Noticed,
  NoticedInput,
  PlanSteps,
  SafetyPlan,
  SafetyPlanInput,
  WarningSign,
  WarningSignInput,
  Tag,
  Win,
  WinFilter,
  WinInput,
  WinPage,
  ReportRequest,
  MemberInput,
  ConnectionInput,
  CareTaskInput,
  JoinAs,
  NewCareCircle,
  SharedKind,
  AppError,
  CardDetail,
  CardSummary,
  Library,
  SearchHit,
  AppStatus,
  CrisisHelp,
  OnboardingInput,
  Person,
  PersonInput,
  Practice,
  Profile,
  ProfileInput,
  RegionChoice,
} from '../bindings';

export const REGIONS: RegionChoice[] = [
  { code: 'US', name: 'United States' },
  { code: 'GB', name: 'United Kingdom' },
  { code: 'OTHER', name: 'Somewhere else' },
];

const guidance = {
  dangerNow: 'If someone is in danger right now, call the emergency number.',
  whatToSay: 'Say you are worried about someone.',
  whileWaiting: 'Stay close.',
};
const forSelf = {
  dangerNow: 'If you might act on thoughts of suicide, call the emergency number now.',
  whatToSay: 'Say: I’m having a really hard time and I need to talk to someone.',
  whileWaiting: 'Go to where other people are.',
};

export function crisisFor(code: string): CrisisHelp {
  const lines: Record<string, CrisisHelp['region']> = {
    US: {
      code: 'US',
      name: 'United States',
      emergency: '911',
      emergencyNote: null,
      lastChecked: '2026-11-01',
      sources: [{ title: '988 Lifeline', url: 'https://988lifeline.org/' }],
      lines: [
        {
          name: '988 Suicide & Crisis Lifeline',
          about: 'Free support.',
          hours: '24 hours a day, every day',
          note: null,
          contacts: [{ kind: 'call', value: '988', detail: null }],
        },
      ],
    },
    GB: {
      code: 'GB',
      name: 'United Kingdom',
      emergency: '999',
      emergencyNote: '112 also works.',
      lastChecked: '2026-11-01',
      sources: [{ title: 'Samaritans', url: 'https://www.samaritans.org/' }],
      lines: [
        {
          name: 'Samaritans',
          about: 'A listening line.',
          hours: '24 hours a day, every day',
          note: null,
          contacts: [{ kind: 'call', value: '116 123', detail: null }],
        },
      ],
    },
  };
  const region = lines[code] ?? {
    code: 'OTHER',
    name: 'Somewhere else',
    emergency: 'your local emergency number',
    emergencyNote: null,
    lastChecked: '2026-11-01',
    sources: [{ title: 'Find A Helpline', url: 'https://findahelpline.com/' }],
    lines: [
      {
        name: 'Find A Helpline',
        about: 'A directory.',
        hours: 'Any time',
        note: null,
        contacts: [{ kind: 'web', value: 'findahelpline.com', detail: null }],
      },
    ],
  };
  return { region, guidance, forSelf };
}

export const PRACTICES: Practice[] = [
  ['listen', 'Listen without judgment'],
  ['check_in', 'Check in regularly'],
  ['treatment', 'Encourage treatment'],
  ['celebrate', 'Celebrate progress'],
  ['boundaries', 'Respect boundaries'],
].map(([id, title]) => ({
  id,
  title,
  short: title.split(' ')[0],
  summary: `Summary of ${title}.`,
  why: `Why ${title} matters.`,
  steps: ['One', 'Two', 'Three'],
  sources: [{ title: 'A source', url: 'https://example.org/' }],
  cards: id === 'boundaries' ? ['safety-plan'] : [],
  trySaying: [`Try this for ${title}.`, 'I am here.', 'Take your time.'],
  avoidSaying: [{ say: 'Just cheer up.', why: 'It adds pressure.' }],
  ideas: [`A ${title} idea.`, 'Another idea.', 'A third idea.'],
  exercise: {
    title: `Practice: ${title}`,
    intro: 'Write your own answer, then compare.',
    items: [
      { prompt: 'I don\u2019t see the point any more.', examples: ['It sounds like things feel pointless right now.'] },
      { prompt: 'Everyone is on at me.', examples: ['You feel crowded by everyone.'] },
    ],
  },
  notReadyTitle: id === 'treatment' ? 'When they do not want help' : null,
  notReady: id === 'treatment' ? ['Listen first.', 'Find a shared goal.'] : [],
  prompts: id === 'boundaries' ? ['What have they asked of you?'] : [],
  limitsNote: id === 'boundaries' ? 'Supporters need limits too.' : null,
}));

export const CARDS: CardSummary[] = [
  ['psychosis-what-it-is', 'What psychosis is', 'psychosis', false],
  ['bipolar-what-it-is', 'What bipolar disorder is', 'bipolar', false],
  ['safety-plan', 'Making a safety plan', 'safety', true],
].map(([slug, title, topic, crisis]) => ({
  slug: slug as string,
  title: title as string,
  summary: `About ${title}.`,
  topic: topic as CardSummary['topic'],
  crisis: crisis as boolean,
  bookmarked: false,
  read: false,
}));

/** A time of day as the core takes it. */
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

const invalid = (field: string, message: string): AppError => ({
  code: 'invalid_input',
  message,
  field,
});

const ANSWERS = [
  { value: 0, label: 'Not at all' },
  { value: 1, label: 'Several days' },
  { value: 2, label: 'More than half the days' },
  { value: 3, label: 'Nearly every day' },
];
const steps = ['Take a short walk', 'Tell someone you trust'];

/** Instruments shaped like the shipped ones, enough for the screens. */
export const INSTRUMENTS: Instrument[] = [
  {
    id: 'phq4',
    title: 'PHQ-4',
    summary: 'Four questions about worry and mood.',
    validated: true,
    recall: 'Over the last 2 weeks',
    stem: 'how often have you been bothered by the following problems?',
    attribution: 'Kroenke and colleagues, 2009.',
    licence: 'Public domain.',
    note: 'This is a screening, not a diagnosis.',
    crisisMessage: null,
    crisisGuidance: null,
    answers: ANSWERS,
    items: ['Nervous', 'Worrying', 'Little interest', 'Feeling down'].map((text) => ({ text, reverse: false, crisis: false, driver: null, offerHelpAt: null })),
    subscales: [
      { id: 'anxiety', title: 'Anxiety', items: [1, 2], positiveAt: 3, offer: 'gad7', positiveText: 'Worry may be weighing on you.' },
      { id: 'depression', title: 'Depression', items: [3, 4], positiveAt: 3, offer: 'phq9', positiveText: 'Low mood may be weighing on you.' },
    ],
    bands: [
      { min: 0, max: 2, label: 'Normal', level: 0, guidance: 'Few signs right now.', steps, offerHelp: false },
      { min: 3, max: 5, label: 'Mild', level: 1, guidance: 'Some signs of strain.', steps, offerHelp: false },
      { min: 6, max: 8, label: 'Moderate', level: 2, guidance: 'A fair amount.', steps, offerHelp: false },
      { min: 9, max: 12, label: 'Severe', level: 3, guidance: 'A lot right now.', steps, offerHelp: false },
    ],
  },
  {
    id: 'phq9',
    title: 'PHQ-9',
    summary: 'Nine questions about mood.',
    validated: true,
    recall: 'Over the last 2 weeks',
    stem: 'how often have you been bothered by the following problems?',
    attribution: 'Kroenke, Spitzer and Williams.',
    licence: 'Public domain.',
    note: 'This is a screening, not a diagnosis.',
    crisisMessage: 'Thank you for answering honestly. You deserve support right now.',
    crisisGuidance: {
      guidance: 'Your answer to the last question comes first. Please talk to someone today.',
      steps: ['Call a crisis line today.', 'Call your own doctor today.', 'If you might act on these thoughts, call the emergency number.'],
    },
    answers: ANSWERS,
    items: Array.from({ length: 9 }, (_, i) => ({ text: `Question ${i + 1}`, reverse: false, crisis: i === 8, driver: null, offerHelpAt: null })),
    subscales: [],
    bands: [
      { min: 0, max: 4, label: 'Minimal', level: 0, guidance: 'Few signs.', steps, offerHelp: false },
      { min: 5, max: 27, label: 'Mild or more', level: 1, guidance: 'Some signs.', steps, offerHelp: false },
    ],
  },
  {
    id: 'burnout',
    title: 'Caregiver burnout check',
    summary: 'Ten statements about how caring is affecting you.',
    validated: false,
    recall: 'Over the last month',
    stem: 'how often has each of these been true for you?',
    attribution: 'Written by the Alongside team; not a validated questionnaire.',
    licence: 'Part of Alongside.',
    note: 'This is a reflection, not a test or a diagnosis.',
    crisisMessage: null,
    crisisGuidance: null,
    answers: [
      { value: 0, label: 'Never' },
      { value: 1, label: 'Sometimes' },
      { value: 2, label: 'Often' },
    ],
    items: Array.from({ length: 10 }, (_, i) => ({
      text: i === 5 ? 'I feel hopeless, as if things will never get better.' : `Statement ${i + 1}`,
      reverse: false,
      crisis: false,
      driver: null,
      offerHelpAt: i === 5 ? 2 : null,
    })),
    subscales: [],
    bands: [
      { min: 0, max: 5, label: 'Few signs', level: 0, guidance: 'Few signs of burnout.', steps, offerHelp: false },
      { min: 6, max: 11, label: 'Some signs', level: 1, guidance: 'Some signs of burnout.', steps, offerHelp: false },
      { min: 12, max: 20, label: 'Many signs', level: 2, guidance: 'Many signs of burnout.', steps, offerHelp: true },
    ],
  },
];

const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';

/**
 * A stand-in for a file protected with a passphrase: it begins as the real one does, and the
 * fake opens it only with the same passphrase (the real encryption is tested in the core).
 */
export function protectedFile(text: string, passphrase: string): string {
  return `${ARMOR_BEGIN}\n${JSON.stringify({ passphrase: passphrase.trim(), text })}\n-----END AGE ENCRYPTED FILE-----\n`;
}

/** What the fake's import reads: the file's own text, opened with the passphrase when protected. */
function openedText(text: string, passphrase: unknown): string {
  if (!text.trimStart().startsWith(ARMOR_BEGIN)) return text;
  const typed = typeof passphrase === 'string' ? passphrase.trim() : '';
  if (!typed)
    throw { code: 'invalid_input', message: 'This file is protected with a passphrase. Please type it to open the file. Nothing was changed.', field: 'passphrase' };
  let inner: { passphrase: string; text: string };
  try {
    inner = JSON.parse(text.trim().split('\n')[1]);
  } catch {
    throw { code: 'invalid_input', message: 'This protected file could not be opened: it may be cut short or damaged. Nothing was changed.', field: 'import' };
  }
  if (inner.passphrase !== typed)
    throw { code: 'invalid_input', message: 'That passphrase does not open this file. Please check it and type it again (capital letters and spaces count). Nothing was changed.', field: 'passphrase' };
  return inner.text;
}

export class FakeBackend {
  profile: Profile | null = null;
  /** How long ago the caregiver set Alongside up, for the first self-check suggestion. */
  setUpDaysAgo = 0;
  people: Person[] = [];
  problem: AppError | null = null;
  movedAside: string | null = null;
  /** The key file and lock state: `backend.protection.lock()` starts the app locked. */
  protection = new FakeProtection();
  reports = new FakeReports();
  circles = new FakeCircles();
  careCircles = new FakeCareCircles();
  calls: { cmd: string; args: Record<string, unknown> }[] = [];
  failNext: Record<string, AppError> = {};
  private nextId = 1;
  cardState: Record<string, { bookmarked: boolean; read: boolean }> = {};
  removed: Person[] = [];
  wins: Win[] = [];
  deletedWins = new Set<number>();
  plans: SafetyPlan[] = [];
  signs: WarningSign[] = [];
  removedSigns = new Set<number>();
  noticed: Noticed[] = [];
  caregiverCard: CaregiverCard = { contacts: [], whatHelps: null };
  moments: ListeningMoment[] = [];
  checkins: Checkin[] = [];
  starters: Starter[] = [
    { id: 901, text: 'Thinking of you. No need to reply.', builtin: true },
    { id: 902, text: 'Fancy a walk this weekend?', builtin: true },
  ];
  appointments: Appointment[] = [];
  contacts: CareContact[] = [];
  boundaries: Boundary[] = [];
  spaces: GiveSpace[] = [];
  removedEntries = new Set<string>();
  marks: Record<string, MarkState> = {};
  reminders: Reminder[] = [];
  removedReminders = new Set<number>();
  due: DueItem[] = [];
  reminderSettings: ReminderSettings = { quietStart: '22:00', quietEnd: '07:00', showDetails: false, pausedUntil: null };
  notificationsSent = 0;
  background = { tray: true, startAtLogin: false };
  backups: BackupStatus = {
    dataFolder: '/home/me/.local/share/alongside',
    backupFolder: '/home/me/.local/share/alongside/backups',
    chosenFolder: false,
    backups: [],
    problem: null,
  };
  restoredFrom: string | null = null;
  dailyChecks: DailyCheck[] = [];
  results: SelfCheckResult[] = [];
  selfCarePlan: SelfCarePlan = { warningSigns: null, whatHelps: null, whoToAsk: null, whatToDrop: null };
  today = localDay();
  tags: Tag[] = [
    { id: 1, name: 'self-care' },
    { id: 2, name: 'social' },
  ];

  private cardSummary(c: CardSummary): CardSummary {
    return { ...c, ...(this.cardState[c.slug] ?? {}) };
  }

  library(): Library {
    const cards = CARDS.map((c) => this.cardSummary(c));
    const topics = [...new Set(cards.map((c) => c.topic))].map((topic) => {
      const list = cards.filter((c) => c.topic === topic);
      return {
        topic,
        title: topic === 'safety' ? 'Safety and crisis' : topic,
        readCount: list.filter((c) => c.read).length,
        total: list.length,
        cards: list,
      };
    });
    return { bookmarked: cards.filter((c) => c.bookmarked), topics };
  }

  card(slug: string): CardDetail {
    const c = CARDS.find((x) => x.slug === slug);
    if (!c) throw { code: 'not_found', message: 'That card could not be found.', field: null };
    const s = this.cardSummary(c);
    return {
      slug,
      title: c.title,
      summary: c.summary,
      topic: c.topic,
      topicTitle: c.topic,
      body: [
        { type: 'heading', text: 'What it can look like' },
        { type: 'paragraph', spans: [{ text: 'Some people ', strong: false, em: false }, { text: 'hear voices', strong: true, em: false }] },
        { type: 'list', ordered: false, items: [[{ text: 'Stay calm', strong: false, em: false }]] },
      ],
      tryThis: 'Sit with them for ten minutes.',
      crisis: c.crisis,
      lastReviewed: '2026-11-22',
      sources: [
        { title: 'NIMH', url: 'https://www.nimh.nih.gov/' },
        { title: 'NHS', url: 'https://www.nhs.uk/' },
      ],
      related: CARDS.filter((x) => x.slug !== slug).map((x) => this.cardSummary(x)),
      bookmarked: s.bookmarked,
      read: s.read,
    };
  }

  search(query: string): SearchHit[] {
    const q = query.toLowerCase();
    return CARDS.filter((c) => c.title.toLowerCase().includes(q.split(' ')[0])).map((c) => ({
      slug: c.slug,
      title: [{ text: c.title, hit: false }],
      snippet: [
        { text: 'people may ', hit: false },
        { text: q, hit: true },
      ],
      topicTitle: c.topic,
      crisis: c.crisis,
    }));
  }

  onboarded(name: string | null = 'Maria', personName = 'Sam', region = 'GB') {
    this.profile = { caregiverName: name, region };
    this.people = [
      { id: this.nextId++, name: personName, relationship: 'child', conditions: ['depression'] },
    ];
    return this;
  }

  install() {
    mockIPC((cmd, payload) => {
      const args = (payload ?? {}) as Record<string, unknown>;
      const held = this.held[cmd];
      if (held) {
        delete this.held[cmd];
        return held.then(() => this.handle(cmd, args));
      }
      return this.handle(cmd, args);
    }, { shouldMockEvents: true });
    return this;
  }

  private held: Record<string, Promise<void>> = {};

  /** Makes the next `cmd` wait until the returned function is called, as a slow disk would. */
  holdNext(cmd: string): () => void {
    let release!: () => void;
    this.held[cmd] = new Promise<void>((r) => (release = r));
    return release;
  }

  private status(): AppStatus {
    return {
      databaseProblem: this.problem,
      movedAside: this.movedAside,
      dataDir: '/home/me/.local/share/alongside',
      // As in the core: while locked the data cannot be read, so onboarding is not known.
      onboarded: this.profile !== null && !this.protection.closed,
      protection: this.protection.current(),
    };
  }

  private validatePerson(p: PersonInput): AppError | null {
    if (!p.name.trim()) return invalid('personName', 'Please add a name or nickname.');
    if (p.name.length > 80) return invalid('personName', 'That name is a little long.');
    return null;
  }

  handle(cmd: string, args: Record<string, unknown>): unknown {
    this.calls.push({ cmd, args });
    const fail = this.failNext[cmd];
    if (fail) {
      delete this.failNext[cmd];
      throw fail;
    }
    if (this.protection.closed && !OPEN_WHILE_LOCKED.has(cmd)) throw LOCKED;
    if (PROTECTION_COMMANDS.has(cmd)) return this.protection.handle(cmd, args);
    switch (cmd) {
      case 'app_status':
      case 'retry_database':
        return this.status();
      case 'get_profile':
        return this.profile;
      case 'list_people':
        return this.people;
      case 'crisis_regions':
        return REGIONS;
      case 'crisis_help':
        return crisisFor(args.region as string);
      case 'list_practices':
        return PRACTICES;
      case 'complete_onboarding': {
        const o = args.onboarding as OnboardingInput;
        const err = this.validatePerson(o.person);
        if (err) throw err;
        this.profile = { caregiverName: o.caregiverName, region: o.region };
        const person = { id: this.nextId++, ...o.person };
        this.people.push(person);
        return person;
      }
      case 'update_profile': {
        const p = args.profile as ProfileInput;
        this.profile = { caregiverName: p.caregiverName, region: p.region };
        return this.profile;
      }
      case 'add_person': {
        const p = args.person as PersonInput;
        const err = this.validatePerson(p);
        if (err) throw err;
        const person = { id: this.nextId++, ...p };
        this.people.push(person);
        return person;
      }
      case 'update_person': {
        const p = args.person as PersonInput;
        const err = this.validatePerson(p);
        if (err) throw err;
        const i = this.people.findIndex((x) => x.id === args.id);
        this.people[i] = { id: args.id as number, ...p };
        return this.people[i];
      }
      case 'learn_library':
        return this.library();
      case 'learn_card':
        return this.card(args.slug as string);
      case 'learn_search':
        if ((args.query as string).length > 200)
          throw invalid('query', 'Please keep your search to 200 characters or fewer.');
        return this.search(args.query as string);
      case 'set_card_bookmark':
      case 'set_card_read': {
        const slug = args.slug as string;
        const st = (this.cardState[slug] ??= { bookmarked: false, read: false });
        if (cmd === 'set_card_bookmark') st.bookmarked = args.bookmarked as boolean;
        else st.read = args.read as boolean;
        return null;
      }
      case 'remove_person': {
        const gone = this.people.find((x) => x.id === args.id);
        if (gone) this.removed.push(gone);
        this.people = this.people.filter((x) => x.id !== args.id);
        return null;
      }
      case 'restore_person': {
        const back = this.removed.find((x) => x.id === args.id);
        if (!back) throw { code: 'not_found', message: 'That person could not be found.', field: null };
        this.removed = this.removed.filter((x) => x.id !== args.id);
        this.people.push(back);
        this.people.sort((a, b) => a.id - b.id);
        return back;
      }
      case 'list_tags':
        return this.tags;
      case 'add_tag': {
        const t = { id: this.tags.length + 1, name: (args.name as string).trim() };
        this.tags.push(t);
        return t;
      }
      case 'rename_tag': {
        const name = (args.name as string).trim();
        if (this.tags.some((t) => t.name.toLowerCase() === name.toLowerCase() && t.id !== args.id))
          throw invalid('tag', `There is already a tag called \u201c${name}\u201d.`);
        const t = this.tags.find((x) => x.id === args.id)!;
        for (const w of this.wins) w.tags = w.tags.map((x) => (x === t.name ? name : x));
        t.name = name;
        return t;
      }
      case 'add_win': {
        const w = args.win as WinInput;
        if (!w.text.trim()) throw invalid('text', 'Please add what happened.');
        if (w.text.length > 500) throw invalid('text', 'What happened is a little long.');
        if (w.tags.length > 10) throw invalid('tags', 'Please choose at most 10 tags for one win.');
        const person = this.people.find((p) => p.id === w.personId);
        if (!person) throw { code: 'not_found', message: 'That person could not be found.', field: null };
        const win: Win = {
          id: this.nextId++, personId: w.personId, personName: person.name, happenedOn: w.happenedOn,
          text: w.text.trim(), note: w.note, tags: w.tags, textMarked: null, noteMarked: null,
        };
        this.wins.unshift(win);
        const total = this.wins.filter((x) => !this.deletedWins.has(x.id)).length;
        return { win, total, milestone: [10, 25, 50, 100].includes(total) ? total : null };
      }
      case 'update_win': {
        const w = args.win as WinInput;
        const i = this.wins.findIndex((x) => x.id === args.id);
        this.wins[i] = { ...this.wins[i], text: w.text.trim(), happenedOn: w.happenedOn, tags: w.tags, note: w.note };
        return this.wins[i];
      }
      case 'delete_win':
        this.deletedWins.add(args.id as number);
        return null;
      case 'restore_win':
        this.deletedWins.delete(args.id as number);
        return this.wins.find((x) => x.id === args.id);
      case 'list_wins': {
        const f = args.filter as WinFilter;
        const visible = this.wins
          .filter((x) => !this.deletedWins.has(x.id))
          .filter((x) => !f.search || x.text.toLowerCase().includes(f.search.toLowerCase()))
          .filter((x) => !f.tag || x.tags.includes(f.tag))
          .sort((a, b) => (a.happenedOn < b.happenedOn ? 1 : a.happenedOn > b.happenedOn ? -1 : b.id - a.id));
        const months = [...new Set(visible.map((x) => x.happenedOn.slice(0, 7)))].map((period) => ({
          period, count: visible.filter((x) => x.happenedOn.startsWith(period)).length,
        }));
        return { wins: visible, next: null, months, weeks: [] } satisfies WinPage;
      }
      case 'wins_on_this_day':
        return { monthAgo: [], yearAgo: [] };
      case 'export_wins_csv':
        return { path: '/home/me/Downloads/alongside-wins.csv', count: this.wins.length };
      case 'get_crisis_plan': {
        const personId = args.personId as number;
        const person = this.people.find((p) => p.id === personId);
        if (!person) throw { code: 'not_found', message: 'That person could not be found. It may have been removed already.', field: null };
        const versions = this.plans.filter((p) => p.personId === personId).reverse();
        const plan = versions[0] ?? null;
        const empty: PlanSteps = { warningSigns: [], coping: [], distractions: [], helpers: [], professionals: [], saferEnvironment: [] };
        return {
          personId,
          personName: person.name,
          plan,
          draft: plan ? plan.steps : { ...empty, professionals: ['Emergency: call 999', 'Samaritans: call 116 123'] },
          versions: versions.map((v) => ({ version: v.version, savedAt: v.savedAt, itemCount: Object.values(v.steps).flat().length })),
          signs: this.signs.filter((x) => x.personId === personId && !this.removedSigns.has(x.id)),
          noticed: this.noticed.filter((x) => x.personId === personId),
        };
      }
      case 'save_safety_plan': {
        const input = args.plan as SafetyPlanInput;
        const steps = Object.fromEntries(
          Object.entries(input.steps).map(([k, v]) => [k, (v as string[]).map((x) => x.trim()).filter(Boolean)]),
        ) as PlanSteps;
        for (const [key, lines] of Object.entries(steps))
          if (lines.some((l) => [...l].length > 300))
            throw invalid(key, 'Each line of the plan is a little long: please keep it to 300 characters or fewer.');
        if (Object.values(steps).flat().length === 0)
          throw invalid('warningSigns', 'The plan is empty. Please write at least one line in any step before saving.');
        const mine = this.plans.filter((p) => p.personId === input.personId);
        const plan: SafetyPlan = {
          personId: input.personId,
          version: mine.length + 1,
          savedAt: `2026-11-2${mine.length + 2}T10:00:00Z`,
          madeTogether: input.madeTogether,
          steps,
        };
        this.plans.push(plan);
        return { plan, changed: true };
      }
      case 'get_safety_plan_version': {
        const p = this.plans.find((x) => x.personId === args.personId && x.version === args.version);
        if (!p) throw { code: 'not_found', message: 'That version of the plan could not be found.', field: null };
        return p;
      }
      case 'add_warning_sign':
      case 'update_warning_sign': {
        const input = args.sign as WarningSignInput;
        if (!input.sign.trim()) throw invalid('sign', 'Please add the sign you noticed.');
        const sign: WarningSign = {
          id: (args.id as number | undefined) ?? this.nextId++,
          personId: input.personId,
          sign: input.sign.trim(),
          action: input.action?.trim() || null,
          contact: input.contact?.trim() || null,
        };
        const i = this.signs.findIndex((x) => x.id === sign.id);
        if (i >= 0) this.signs[i] = sign;
        else this.signs.push(sign);
        return sign;
      }
      case 'remove_warning_sign':
        this.removedSigns.add(args.id as number);
        return null;
      case 'restore_warning_sign':
        this.removedSigns.delete(args.id as number);
        return this.signs.find((x) => x.id === args.id);
      case 'record_signs_noticed': {
        const input = args.noticed as NoticedInput;
        if (input.signIds.length === 0 && !input.note?.trim())
          throw invalid('signIds', 'Please tick the signs you are noticing, or write a few words about what you see.');
        const n: Noticed = {
          id: this.nextId++,
          personId: input.personId,
          noticedOn: input.noticedOn,
          signs: this.signs.filter((x) => input.signIds.includes(x.id)).map((x) => x.sign),
          note: input.note?.trim() || null,
        };
        this.noticed.unshift(n);
        return n;
      }
      case 'get_caregiver_card':
        return this.caregiverCard;
      case 'save_caregiver_card': {
        const card = args.card as CaregiverCard;
        this.caregiverCard = {
          contacts: card.contacts.filter((c) => c.name.trim()).map((c) => ({ name: c.name.trim(), reach: c.reach?.trim() || null })),
          whatHelps: card.whatHelps?.trim() || null,
        };
        return this.caregiverCard;
      }
      case 'practice_log': {
        const live = <T extends { id: number }>(kind: EntryKind, list: T[]) =>
          list.filter((x) => !this.removedEntries.has(`${kind}:${x.id}`));
        return {
          moments: live('listening_moment', this.moments),
          checkins: live('checkin', this.checkins),
          starters: live('starter', this.starters),
          appointments: live('appointment', this.appointments),
          contacts: live('care_contact', this.contacts),
          boundaries: live('boundary', this.boundaries),
          spaces: this.spaces,
        };
      }
      case 'add_listening_moment': {
        const m = args.moment as ListeningInput;
        if (!m.listened) throw invalid('listened', 'Please choose yes, partly or no: did you listen without jumping in to fix it?');
        const saved: ListeningMoment = { id: this.nextId++, personId: m.personId, happenedOn: m.happenedOn, shared: m.shared?.trim() || null, listened: m.listened, learned: m.learned?.trim() || null, felt: m.felt?.trim() || null };
        this.moments.unshift(saved);
        return saved;
      }
      case 'add_checkin': {
        const c = args.checkin as CheckinInput;
        if (!c.how) throw invalid('how', 'Please choose how you checked in: a message, a call, in person or another way.');
        const saved: Checkin = { id: this.nextId++, personId: c.personId, happenedOn: c.happenedOn, how: c.how, went: c.went, note: c.note?.trim() || null };
        this.checkins.unshift(saved);
        return saved;
      }
      case 'save_starter': {
        const text = (args.text as string).trim();
        if (!text) throw invalid('text', 'Please add the message.');
        const id = args.id as number | null;
        if (id !== null) {
          const s = this.starters.find((x) => x.id === id)!;
          s.text = text;
          return s;
        }
        const s: Starter = { id: this.nextId++, text, builtin: false };
        this.starters.unshift(s);
        return s;
      }
      case 'save_appointment': {
        const a = args.appointment as AppointmentInput;
        if (!/^\d{4}-\d\d-\d\dT([01]\d|2[0-3]):[0-5]\d$/.test(a.startsAt))
          throw invalid('startsAt', 'Please choose the day and time of the appointment.');
        if (!a.withWhom.trim()) throw invalid('withWhom', 'Please add who the appointment is with.');
        const id = (args.id as number | null) ?? this.nextId++;
        const saved: Appointment = { id, personId: a.personId, startsAt: a.startsAt, withWhom: a.withWhom.trim(), place: a.place?.trim() || null, givingRide: a.givingRide, questions: a.questions.map((q) => q.trim()).filter(Boolean), notesAfter: a.notesAfter?.trim() || null };
        const i = this.appointments.findIndex((x) => x.id === id);
        if (i >= 0) this.appointments[i] = saved;
        else this.appointments.push(saved);
        return saved;
      }
      case 'save_care_contact': {
        const c = args.contact as CareContactInput;
        if (!c.name.trim()) throw invalid('name', 'Please add a name.');
        const saved: CareContact = { id: (args.id as number | null) ?? this.nextId++, personId: c.personId, name: c.name.trim(), kind: c.kind, phone: c.phone?.trim() || null, note: c.note?.trim() || null };
        this.contacts.push(saved);
        return saved;
      }
      case 'add_boundary': {
        const b = args.boundary as BoundaryInput;
        if (!b.text.trim()) throw invalid('text', 'Please add the boundary.');
        const saved: Boundary = { id: this.nextId++, personId: b.personId, whose: b.whose, text: b.text.trim() };
        this.boundaries.push(saved);
        return saved;
      }
      case 'give_space': {
        const g = args.space as GiveSpaceInput;
        if (!g.until || g.until < localDay()) throw invalid('until', 'That day has already passed. Please choose today or a later day.');
        const saved: GiveSpace = { personId: g.personId, until: g.until, note: g.note?.trim() || null };
        this.spaces = [...this.spaces.filter((x) => x.personId !== g.personId), saved];
        return saved;
      }
      case 'end_give_space':
        this.spaces = this.spaces.filter((x) => x.personId !== args.personId);
        return null;
      case 'remove_entry':
        this.removedEntries.add(`${args.kind}:${args.id}`);
        return null;
      case 'restore_entry':
        this.removedEntries.delete(`${args.kind}:${args.id}`);
        return null;
      case 'today_shown':
        return null;
      case 'today_plan': {
        const all = [
          { key: 'checkin:1', practice: 'check_in', text: 'Send Sam a short message that asks nothing back.' },
          { key: 'idea:listen:0', practice: 'listen', text: 'Ask one open question and listen to the whole answer.' },
          { key: 'idea:celebrate:0', practice: 'celebrate', text: 'Notice one small step out loud.' },
          { key: 'idea:boundaries:0', practice: 'boundaries', text: 'Ask what kind of support feels good right now.' },
        ];
        return {
          suggestions: all
            .filter((s) => this.marks[s.key] !== 'not_today')
            .slice(0, 3)
            .map((s) => ({ ...s, done: this.marks[s.key] === 'done' })),
          lookBack: {
            weekOf: localDay(),
            forThem: this.checkins.length ? [`You checked in ${this.checkins.length === 1 ? 'once' : `${this.checkins.length} times`}.`] : ['A quiet week in the app. Being there in ways no app can see counts too.'],
            forYou: ['This week, try one small thing that is just for you.'],
          },
        };
      }
      case 'mark_suggestion': {
        const key = args.key as string;
        if (args.state === null) delete this.marks[key];
        else this.marks[key] = args.state as MarkState;
        return null;
      }
      case 'list_reminders':
        return this.reminders.filter((r) => !this.removedReminders.has(r.id));
      case 'save_reminder': {
        const r = args.reminder as ReminderInput;
        if (!r.title.trim()) throw invalid('title', 'Please add a title.');
        if (r.title.length > 120) throw invalid('title', 'A title is a little long: please keep it to 120 characters or fewer.');
        if (!HH_MM.test(r.schedule.time)) throw invalid('time', 'Please write a time of day, like 19:30.');
        if (r.schedule.repeat.kind === 'weekly' && r.schedule.repeat.days.length === 0)
          throw invalid('repeat', 'Please choose at least one day of the week.');
        const id = (args.id as number | null) ?? this.nextId++;
        const saved: Reminder = {
          id,
          title: r.title.trim(),
          message: r.message,
          purpose: r.purpose,
          personId: r.personId,
          schedule: r.schedule,
          rule: 'DTSTART;TZID=UTC:20261122T180000\nRRULE:FREQ=DAILY',
          nextDue: `${r.schedule.startDate}T${r.schedule.time}:00Z`,
        };
        const i = this.reminders.findIndex((x) => x.id === id);
        if (i >= 0) this.reminders[i] = saved;
        else this.reminders.push(saved);
        return saved;
      }
      case 'remove_reminder':
        this.removedReminders.add(args.id as number);
        return null;
      case 'restore_reminder':
        this.removedReminders.delete(args.id as number);
        return this.reminders.find((r) => r.id === args.id);
      case 'due_now':
        return this.due.filter((d) => ['due', 'missed', 'snoozed'].includes(d.state));
      case 'resolve_due': {
        const d = this.due.find((x) => x.id === args.id)!;
        const a = args.action as { action: string; went?: number | null; note?: string | null; how?: CheckinInput['how']; for?: string | null; until?: string | null };
        if (a.action === 'done') {
          d.state = 'done';
          if (d.purpose === 'check_in' && d.personId !== null)
            this.checkins.unshift({ id: this.nextId++, personId: d.personId, happenedOn: localDay(), how: a.how ?? 'other', went: a.went ?? null, note: a.note ?? null });
        } else if (a.action === 'skip') d.state = 'skipped';
        else if (a.for === null && !/^\d{4}-\d\d-\d\dT([01]\d|2[0-3]):[0-5]\d$/.test(a.until ?? ''))
          throw invalid('until', 'Please choose a day and a time to be reminded again.');
        else d.state = 'snoozed';
        return null;
      }
      case 'get_reminder_settings':
        return this.reminderSettings;
      case 'save_reminder_settings': {
        const st = args.settings as ReminderSettings;
        for (const f of ['quietStart', 'quietEnd'] as const)
          if (st[f] && !HH_MM.test(st[f])) throw invalid(f, 'Please write a time of day, like 19:30.');
        if (!!st.quietStart !== !!st.quietEnd) throw invalid(st.quietStart ? 'quietEnd' : 'quietStart', 'Please choose both when quiet hours start and when they end, or neither.');
        this.reminderSettings = { ...st, pausedUntil: this.reminderSettings.pausedUntil };
        return this.reminderSettings;
      }
      case 'pause_reminders':
        this.reminderSettings = { ...this.reminderSettings, pausedUntil: args.minutes ? new Date(Date.now() + 3600_000).toISOString() : null };
        return this.reminderSettings;
      case 'send_test_notification':
        this.notificationsSent++;
        return null;
      case 'background_status':
        return this.background;
      case 'set_start_at_login':
        this.background = { ...this.background, startAtLogin: args.enabled as boolean };
        return this.background;
      case 'backup_status':
        return this.backups;
      case 'back_up_now': {
        const n = this.backups.backups.length + 1;
        const madeAt = `2026-12-03T10:${String(n).padStart(2, '0')}:00Z`;
        const name = `alongside-2026-12-03T10${String(n).padStart(2, '0')}00Z.db`;
        this.backups = {
          ...this.backups,
          backups: [{ name, madeAt, sizeBytes: 65536 }, ...this.backups.backups],
          problem: null,
        };
        return this.backups;
      }
      case 'set_backup_folder': {
        const folder = args.folder as string | null;
        if (folder !== null && !folder.startsWith('/')) {
          throw {
            code: 'invalid_input',
            field: 'folder',
            message: 'Please give the whole path of a folder, starting from the top.',
          };
        }
        this.backups = {
          ...this.backups,
          backupFolder: folder ?? '/home/me/.local/share/alongside/backups',
          chosenFolder: folder !== null,
        };
        return this.backups;
      }
      case 'restore_backup': {
        const name = args.name as string;
        if (!this.backups.backups.some((b) => b.name === name)) {
          throw { code: 'not_found', field: null, message: 'That backup could not be found.' };
        }
        this.restoredFrom = name;
        return this.backups;
      }
      case 'get_circle':
        return this.circles.circle(args.personId as number | null, this.people);
      case 'support_kinds':
        return KINDS;
      case 'add_circle_member':
        return this.circles.add(args.member as MemberInput, this.people);
      case 'update_circle_member':
        return this.circles.update(args.id as number, args.member as MemberInput, this.people);
      case 'remove_circle_member':
        return this.circles.remove(args.id as number);
      case 'restore_circle_member':
        return this.circles.restore(args.id as number);
      case 'note_connection':
        return this.circles.note(args.connection as ConnectionInput, this.wins, this.people);
      case 'care_circles':
        return this.careCircles.list(this.people);
      case 'create_care_circle':
        return this.careCircles.create(args.circle as NewCareCircle, this.people);
      case 'set_care_circle_shares':
        return this.careCircles.setShares(args.id as number, args.shares as SharedKind[], this.people);
      case 'save_care_circle_bundle':
        return this.careCircles.save(args.id as number, args.passphrase as string, this.people);
      case 'import_care_circle_bundle':
        return this.careCircles.import(args.text as string, args.passphrase as string, args.join as JoinAs | null, this.people);
      case 'remove_care_circle_device':
        return this.careCircles.removeDevice(args.id as number, args.device as string, this.people);
      case 'care_tasks':
        return this.careCircles.taskList(args.personId as number, this.people);
      case 'add_care_task':
        return this.careCircles.addTask(args.task as CareTaskInput, this.people);
      case 'set_care_task_done':
        return this.careCircles.setDone(args.id as number, args.done as boolean);
      case 'remove_care_task':
        return this.careCircles.removeTask(args.id as number);
      case 'restore_care_task':
        return this.careCircles.restoreTask(args.id as number);
      case 'create_care_invite':
        return this.careCircles.invite(args.id as number);
      case 'set_care_circle_live':
        return this.careCircles.setLive(args.id as number, args.on as boolean, this.people);
      case 'set_care_circle_relay':
        return this.careCircles.setRelay(args.id as number, args.relay as string, this.people);
      case 'report_preview':
        return this.reports.build(args.request as ReportRequest, this.people, this.wins);
      case 'save_report':
        return this.reports.save(args.request as ReportRequest, this.people, this.wins);
      case 'export_reminders_ics':
        return { path: '/home/me/Downloads/alongside-reminders.ics', count: this.reminders.length };
      case 'list_self_checks':
        return INSTRUMENTS;
      case 'strain_overview': {
        const sorted = [...this.dailyChecks].sort((a, b) => a.day.localeCompare(b.day));
        return {
          today: this.dailyChecks.find((c) => c.day === this.today) ?? null,
          series: sorted.map((c) => ({ day: c.day, strain: c.strain, average7: c.strain })),
          results: [...this.results].reverse(),
          prompt: null,
          // As in the core: the results here are all recent; a first one is suggested after a week.
          selfCheckDue: this.results.length === 0 && this.profile !== null && this.setUpDaysAgo >= 7,
          plan: this.selfCarePlan,
        };
      }
      case 'save_daily_check': {
        const c = args.check as DailyCheckInput;
        if (c.strain === null || c.strain < 0 || c.strain > 10)
          throw invalid('strain', 'Please choose how much strain you feel, from 0 to 10.');
        if (c.forMyself === null)
          throw invalid('forMyself', 'Please answer yes or no: did you do one thing for yourself today?');
        const existing = this.dailyChecks.findIndex((x) => x.day === c.day);
        if (existing >= 0 && !c.replace)
          throw invalid('day', 'You have already checked in for that day.');
        const saved: DailyCheck = { day: c.day, strain: c.strain, sleep: c.sleep, sleepHours: c.sleepHours, forMyself: c.forMyself, note: c.note?.trim() || null };
        if (existing >= 0) this.dailyChecks[existing] = saved;
        else this.dailyChecks.push(saved);
        return saved;
      }
      case 'take_self_check': {
        const input = args.check as SelfCheckInput;
        const inst = INSTRUMENTS.find((i) => i.id === input.instrument)!;
        const missing = input.answers.flatMap((a, i) => (a === null ? [i + 1] : []));
        if (missing.length) throw invalid('answers', `Please answer questions ${missing.join(', ')}.`);
        const answers = input.answers as number[];
        const total = answers.reduce((a, b) => a + b, 0);
        const band = inst.bands.find((b) => b.min <= total && total <= b.max)!;
        const positive = inst.subscales
          .filter((s) => s.items.reduce((n, i) => n + answers[i - 1], 0) >= s.positiveAt)
          .map((s) => s.id);
        const r: SelfCheckResult = {
          id: this.nextId++,
          instrument: inst.id,
          takenAt: `${this.today}T10:00:00Z`,
          answers,
          score: {
            total,
            max: inst.items.length * Math.max(...inst.answers.map((a) => a.value)),
            band: band.label,
            level: band.level,
            positive,
            crisis: inst.items.some((it, i) => it.crisis && answers[i] > 0),
            offerHelp:
              band.offerHelp ||
              inst.items.some((it, i) => (it.crisis && answers[i] > 0) || (it.offerHelpAt !== null && answers[i] >= it.offerHelpAt)),
            drivers: [],
          },
        };
        this.results.push(r);
        return r;
      }
      case 'save_self_care_plan':
        this.selfCarePlan = args.plan as SelfCarePlan;
        return this.selfCarePlan;
      case 'export_everything': {
        const passphrase = args.passphrase as string | null | undefined;
        if (passphrase == null)
          return { path: '/home/me/Downloads/alongside-everything-2026-12-03.json', counts: this.counts(), protected: false };
        const n = [...passphrase.trim()].length;
        if (n === 0) throw { code: 'invalid_input', message: 'Please add a passphrase.', field: 'passphrase' };
        if (n < 8)
          throw { code: 'invalid_input', message: `Please choose a passphrase of at least 8 characters (this one has ${n}). A few words you will remember work well. Nothing was saved.`, field: 'passphrase' };
        return { path: '/home/me/Downloads/alongside-everything-2026-12-03.age', counts: this.counts(), protected: true };
      }
      case 'data_summary':
        return { hasData: this.profile !== null || this.people.length > 0, counts: this.counts() };
      case 'import_everything': {
        let file: { format?: string; tables?: Record<string, unknown[]> };
        const text = openedText(args.text as string, args.passphrase);
        try {
          file = JSON.parse(text);
        } catch {
          throw { code: 'invalid_input', message: 'This file could not be read: it may be cut short or damaged. Nothing was changed.', field: 'import' };
        }
        if (file.format !== 'alongside-everything' || !file.tables)
          throw { code: 'invalid_input', message: 'This is not a file Alongside made with "Export everything". Please choose that file. Nothing was changed.', field: 'import' };
        const hadData = this.profile !== null || this.people.length > 0;
        if (hadData && !args.replaceExisting)
          throw { code: 'invalid_input', message: 'Alongside already has your records on this computer. Please confirm that the file should replace them. Nothing was changed.', field: 'import' };
        const n = (t: string) => file.tables?.[t]?.length ?? 0;
        const people = (file.tables.people ?? []) as { id: number; name: string; relationship: Person['relationship'] }[];
        this.people = people.map((p) => ({ id: p.id, name: p.name, relationship: p.relationship, conditions: [] }));
        const profile = (file.tables.profile ?? [])[0] as { caregiver_name: string | null; region: string } | undefined;
        this.profile = profile ? { caregiverName: profile.caregiver_name, region: profile.region } : null;
        const records = Object.values(file.tables).reduce((a, t) => a + t.length, 0);
        return {
          counts: { people: n('people'), wins: n('wins'), safetyPlans: n('safety_plans'), reminders: n('reminders'), records },
          safetyCopy: hadData ? '/data/backups/before-import-20261203T100000Z.db' : null,
        };
      }
      case 'erase_everything':
        if ((args.typed as string).trim() !== 'ERASE')
          throw { code: 'invalid_input', message: 'Please type ERASE in capital letters to confirm. Nothing was erased.', field: 'confirm' };
        this.profile = null;
        this.people = [];
        this.wins = [];
        this.reminders = [];
        return { backupsRemoved: args.includeBackups ? 2 : 0 };
      default:
        throw new Error(`unknown command ${cmd}`);
    }
  }

  counts() {
    const records = this.people.length + this.wins.length + this.plans.length + this.reminders.length;
    return { people: this.people.length, wins: this.wins.length, safetyPlans: this.plans.length, reminders: this.reminders.length, records };
  }

  called(cmd: string) {
    return this.calls.filter((c) => c.cmd === cmd);
  }
}
