// Test support: the circle of support of the in-memory backend, with the core's refusals and
// its rule for thin kinds (no one gives it, leaving out relationships that are hard right now).
// Used by component tests only.
import type {
  AppError,
  Circle,
  Connection,
  ConnectionInput,
  Idea,
  KindStanding,
  KindWords,
  Member,
  MemberInput,
  Person,
  SupportKind,
  Win,
} from '../bindings';
import { localDay } from '../dates';

const invalid = (field: string, message: string): AppError => ({ code: 'invalid_input', message, field });
const notFound: AppError = { code: 'not_found', message: 'That is no longer in Alongside.', field: null };

export const KINDS: KindWords[] = [
  { id: 'emotional', name: 'Someone to talk to', about: 'Care and comfort.', example: 'A friend who listens.' },
  { id: 'practical', name: 'Hands-on help', about: 'Help with daily life.', example: 'A lift to the doctor.' },
  { id: 'informational', name: 'Facts and know-how', about: 'Good facts and tips.', example: 'Finding a group.' },
  { id: 'encouragement', name: 'Someone on their side', about: 'Kind, honest words.', example: 'Noticing small wins.' },
  { id: 'peer', name: 'Someone who has been there', about: 'Lived experience.', example: 'A peer worker.' },
];

const idea = (kind: SupportKind, forWhom: 'person' | 'me'): Idea => ({
  id: `${kind}-${forWhom}`,
  kind,
  forWhom,
  title: `An idea for ${kind}`,
  why: 'Why it can help.',
  steps: ['A first step.', 'A second step.'],
  cards: ['peer-support'],
  sources: [{ title: 'Mind', url: 'https://www.mind.org.uk/' }],
});

const TEXT: Record<ConnectionInput['what'], [string, string]> = {
  met_up: ['Met up with', 'Met up with someone'],
  talked: ['Talked with', 'Talked with someone'],
  group: ['Went to', 'Went to a group'],
  activity: ['Did something they enjoy with', 'Did something they enjoy with others'],
};

/** The fake's circles: members (with removed ones kept for Undo) and noted connections. */
export class FakeCircles {
  members: (Member & { removed: boolean })[] = [];
  connections: Connection[] = [];
  private nextId = 1;

  private validate(m: MemberInput, people: Person[]) {
    if (m.personId !== null && !people.some((p) => p.id === m.personId)) throw notFound;
    if (!m.name.trim()) throw invalid('name', 'Please add a name.');
    if (m.lastSeen && m.lastSeen > localDay())
      throw invalid('lastSeen', 'That day is still to come. Please choose today or an earlier day.');
  }

  private shown(personId: number | null): Member[] {
    const order = ['closest', 'close', 'wider'];
    return this.members
      .filter((m) => !m.removed && m.personId === personId)
      .sort((a, b) => order.indexOf(a.closeness) - order.indexOf(b.closeness) || a.name.localeCompare(b.name))
      .map(({ removed: _, ...m }) => m);
  }

  circle(personId: number | null, people: Person[]): Circle {
    if (personId !== null && !people.some((p) => p.id === personId)) throw notFound;
    const members = this.shown(personId);
    const kinds: KindStanding[] = KINDS.map(({ id }) => {
      const givers = members.filter((m) => m.feels !== 'hard' && m.kinds.includes(id)).map((m) => m.name);
      return { kind: id, givers, thin: givers.length === 0 };
    });
    const forWhom = personId === null ? 'me' : 'person';
    return {
      personId,
      members,
      kinds,
      ideas: kinds.filter((k) => k.thin).map((k) => idea(k.kind, forWhom)),
      connections: personId === null ? [] : this.connections.filter((c) => c.personId === personId).slice(0, 10),
    };
  }

  add(m: MemberInput, people: Person[]): Member {
    this.validate(m, people);
    const member = { ...m, name: m.name.trim(), id: this.nextId++, kinds: [...m.kinds].sort(), removed: false };
    this.members.push(member);
    const { removed: _, ...shown } = member;
    return shown;
  }

  update(id: number, m: MemberInput, people: Person[]): Member {
    this.validate(m, people);
    const at = this.members.findIndex((x) => x.id === id && !x.removed && x.personId === m.personId);
    if (at < 0) throw notFound;
    this.members[at] = { ...m, name: m.name.trim(), id, kinds: [...m.kinds].sort(), removed: false };
    const { removed: _, ...shown } = this.members[at];
    return shown;
  }

  remove(id: number): null {
    const m = this.members.find((x) => x.id === id && !x.removed);
    if (!m) throw notFound;
    m.removed = true;
    return null;
  }

  restore(id: number): Member {
    const m = this.members.find((x) => x.id === id && x.removed);
    if (!m) throw notFound;
    m.removed = false;
    const { removed: _, ...shown } = m;
    return shown;
  }

  note(c: ConnectionInput, wins: Win[], people: Person[]): Connection {
    const person = people.find((p) => p.id === c.personId);
    if (!person) throw notFound;
    const day = c.happenedOn || localDay();
    if (day > localDay()) throw invalid('happenedOn', 'That day is still to come. Please choose today or an earlier day.');
    const member = c.memberId === null ? null : this.members.find((m) => m.id === c.memberId && !m.removed);
    if (c.memberId !== null && (!member || member.personId !== c.personId)) throw notFound;
    const text = member ? `${TEXT[c.what][0]} ${member.name}` : TEXT[c.what][1];
    let winId: number | null = null;
    if (c.asWin) {
      winId = 9000 + wins.length;
      wins.unshift({
        id: winId, personId: c.personId, personName: person.name, happenedOn: day, text, note: null,
        tags: ['connection'], textMarked: null, noteMarked: null,
      });
    }
    if (member && (!member.lastSeen || member.lastSeen < day)) member.lastSeen = day;
    const noted: Connection = { id: this.nextId++, personId: c.personId, memberId: c.memberId, what: c.what, happenedOn: day, text, winId };
    this.connections.unshift(noted);
    // Newest day first, as the core lists them.
    this.connections.sort((a, b) => b.happenedOn.localeCompare(a.happenedOn) || b.id - a.id);
    return noted;
  }
}
