import type { PlanSteps } from '../../lib/api';

/**
 * The six steps of a safety plan, after the structure Stanley and Brown describe (2012), in our
 * own words. Written in the first person: it is the person's plan, ideally made with them.
 */
export const STEPS: { key: keyof PlanSteps; title: string; hint: string }[] = [
  {
    key: 'warningSigns',
    title: 'My warning signs',
    hint: 'Thoughts, moods or changes that show a crisis may be building.',
  },
  {
    key: 'coping',
    title: 'Things I can do on my own',
    hint: 'Small things that help get through a hard moment, without needing anyone else.',
  },
  {
    key: 'distractions',
    title: 'People and places that take my mind off things',
    hint: 'A friend to sit with, a café, a walk in the park, a place with other people around.',
  },
  {
    key: 'helpers',
    title: 'People I can ask for help',
    hint: 'Family or friends I can tell that I am struggling. Add a number for each.',
  },
  {
    key: 'professionals',
    title: 'Professionals and crisis services',
    hint: 'The doctor or care team, and crisis lines that are open at any hour. The lines for your region are filled in; change them as you need.',
  },
  {
    key: 'saferEnvironment',
    title: 'Making my surroundings safer',
    hint: 'Ways to put time and distance between a bad moment and the means to act on it, such as keeping medicines with someone else.',
  },
];

export function emptySteps(): PlanSteps {
  return {
    warningSigns: [],
    coping: [],
    distractions: [],
    helpers: [],
    professionals: [],
    saferEnvironment: [],
  };
}

/** A step as one text area: one line each. */
export function toText(items: string[]): string {
  return items.join('\n');
}

export function fromText(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

export { savedLabel } from '../../lib/dates';
