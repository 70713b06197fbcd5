import type { Condition, Relationship } from './bindings';

export const RELATIONSHIPS: { value: Relationship; label: string }[] = [
  { value: 'child', label: 'My child' },
  { value: 'partner', label: 'My partner' },
  { value: 'parent', label: 'My parent' },
  { value: 'sibling', label: 'My brother or sister' },
  { value: 'friend', label: 'My friend' },
  { value: 'other_family', label: 'Another family member' },
  { value: 'other', label: 'Someone else' },
];

export const CONDITIONS: { value: Condition; label: string }[] = [
  { value: 'depression', label: 'Depression' },
  { value: 'anxiety', label: 'Anxiety' },
  { value: 'bipolar', label: 'Bipolar disorder' },
  { value: 'psychosis', label: 'Schizophrenia or psychosis' },
  { value: 'ptsd', label: 'PTSD or trauma' },
  { value: 'ocd', label: 'Obsessive-compulsive disorder (OCD)' },
  { value: 'eating_disorder', label: 'An eating disorder' },
  { value: 'substance_use', label: 'Alcohol or drug use' },
  { value: 'borderline_personality', label: 'Borderline personality disorder' },
  { value: 'other', label: 'Something else' },
  { value: 'not_sure', label: 'Not sure' },
  { value: 'prefer_not_to_say', label: 'Prefer not to say' },
];

export function relationshipLabel(r: Relationship): string {
  return RELATIONSHIPS.find((x) => x.value === r)?.label ?? 'Someone else';
}

export function conditionLabel(c: Condition): string {
  return CONDITIONS.find((x) => x.value === c)?.label ?? c;
}

/** A greeting that fits the hour, without guilt or pressure. */
export function greeting(name: string | null, now: Date = new Date()): string {
  const h = now.getHours();
  const part = h < 5 ? 'Hello' : h < 12 ? 'Good morning' : h < 18 ? 'Good afternoon' : 'Good evening';
  return name ? `${part}, ${name}` : part;
}
