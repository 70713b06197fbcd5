import type { Closeness, ConnectionKind, Feels, Member, SupportKind, Tie } from '../../lib/api';

/** Who someone is to the person, in the order offered. */
export const TIES: [Tie, string][] = [
  ['family', 'Family'],
  ['friend', 'A friend'],
  ['peer', 'A peer supporter or peer group'],
  ['group', 'A club, class or faith group'],
  ['work_or_study', 'Work or study'],
  ['care_team', 'Their care team'],
  ['other', 'Someone else'],
];

/** The rings of the picture, closest first. */
export const CLOSENESS: [Closeness, string][] = [
  ['closest', 'Closest'],
  ['close', 'Close'],
  ['wider', 'A bit further out'],
];

/** How the relationship tends to feel for the person. */
export const FEELS: [Feels, string][] = [
  ['helps', 'Helps'],
  ['mixed', 'Mixed'],
  ['hard', 'Hard right now'],
];

/** A noted connection: what happened, in the order offered. */
export const CONNECTIONS: [ConnectionKind, string][] = [
  ['met_up', 'Met up or spent time together'],
  ['talked', 'Talked on the phone, by video or by message'],
  ['group', 'Went to a group, club or class'],
  ['activity', 'Did something they enjoy with others'],
];

export const label = <T extends string>(list: [T, string][], value: T | null | undefined): string =>
  list.find(([v]) => v === value)?.[1] ?? '';

/** "Sam's circle of support", or the caregiver's own. */
export function circleTitle(name: string | null): string {
  return name === null ? 'Your own circle of support' : `${name}'s circle of support`;
}

/** One member's place in the picture: on its ring, spread evenly around it. */
export interface Placed {
  member: Member;
  x: number;
  y: number;
  ring: number;
}

/** The radius of each ring (closest first) in a picture 320 units wide, centred at 0,0. */
export const RINGS = [62, 106, 150];

/**
 * Places everyone on their ring, spread evenly, starting at the top and going clockwise, each
 * ring turned a little so names on neighbouring rings do not line up.
 */
export function place(members: Member[]): Placed[] {
  const out: Placed[] = [];
  CLOSENESS.forEach(([closeness], ring) => {
    const on = members.filter((m) => m.closeness === closeness);
    const r = RINGS[ring];
    on.forEach((member, i) => {
      const angle = -Math.PI / 2 + (ring * Math.PI) / 7 + (2 * Math.PI * i) / on.length;
      out.push({ member, ring, x: round(r * Math.cos(angle)), y: round(r * Math.sin(angle)) });
    });
  });
  return out;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Two letters for a name in the picture: "Jo" for Jo, "AB" for Ana Bell. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  if (words.length === 1) return [...words[0]].slice(0, 2).join('');
  return [...words[0]][0] + [...words[words.length - 1]][0];
}

/** "Jo, Ana and Kim". */
export function names(list: string[]): string {
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** The kinds a member gives, in words ("Someone to talk to, Hands-on help"). */
export function kindNames(kinds: SupportKind[], words: { id: SupportKind; name: string }[]): string {
  return kinds.map((k) => words.find((w) => w.id === k)?.name ?? k).join(', ');
}
