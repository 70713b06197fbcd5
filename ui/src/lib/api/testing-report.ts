// Test support: the appointment report of the in-memory backend, with the core's headings,
// empty lines and refusals. Used by component tests only.
import type {
  AppError,
  MySection,
  Person,
  PersonSection,
  Report,
  ReportPeriod,
  ReportRequest,
  ReportSection,
  SavedReport,
  Win,
} from '../bindings';
import { localDay } from '../dates';

const invalid = (field: string, message: string): AppError => ({ code: 'invalid_input', message, field });

const PERIOD_WORDS: Record<Exclude<ReportPeriod['kind'], 'custom'>, string> = {
  lastTwoWeeks: '20 November 2026 to 3 December 2026',
  lastMonth: '4 November 2026 to 3 December 2026',
  lastThreeMonths: '4 September 2026 to 3 December 2026',
};

function periodWords(p: ReportPeriod): string {
  if (p.kind !== 'custom') return PERIOD_WORDS[p.kind];
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!day.test(p.from)) throw invalid('from', 'Please choose a day from the calendar.');
  if (!day.test(p.to)) throw invalid('to', 'Please choose a day from the calendar.');
  if (p.from > p.to) throw invalid('to', 'The last day comes before the first day. Please swap them round.');
  if (p.to > localDay()) throw invalid('to', "The last day can't be in the future. Please choose today or earlier.");
  return `${p.from} to ${p.to}`;
}

function noParts(): AppError {
  return invalid('sections', 'Please tick at least one part to put in the report.');
}

const PERSON_PARTS: Record<PersonSection, (wins: Win[]) => ReportSection> = {
  warningSigns: () => ({
    heading: 'Warning signs noticed',
    intro: null,
    body: [{ kind: 'empty', text: 'No warning signs were written down in these dates.' }],
  }),
  checkins: () => ({
    heading: 'Check-ins',
    intro: 'How often I checked in, week by week.',
    body: [{ kind: 'chart', label: 'Check-ins each week', max: 3, bars: [{ label: '16 Nov', value: 1 }, { label: '23 Nov', value: 3 }] }],
  }),
  appointments: () => ({
    heading: 'Appointments',
    intro: null,
    body: [{ kind: 'empty', text: 'No appointments were written down in these dates.' }],
  }),
  wins: (wins) => ({
    heading: 'Small wins',
    intro: null,
    body: wins.length
      ? [{ kind: 'table', columns: ['Day', 'What went well'], rows: wins.map((w) => [w.happenedOn, w.text]) }]
      : [{ kind: 'empty', text: 'No small wins were written down in these dates.' }],
  }),
};

const MY_PARTS: Record<MySection, ReportSection> = {
  strain: {
    heading: 'How stretched I have felt',
    intro: null,
    body: [{ kind: 'empty', text: 'There were no daily checks in these dates.' }],
  },
  selfChecks: {
    heading: 'My self-checks',
    intro: 'These are screenings, not a diagnosis.',
    body: [{ kind: 'table', columns: ['Day', 'Check', 'Result'], rows: [['1 December 2026', 'PHQ-4', 'Mild']] }],
  },
  load: {
    heading: 'What I have been handling',
    intro: null,
    body: [{ kind: 'empty', text: 'No check-ins or appointments were written down in these dates.' }],
  },
};

const PERSON_ORDER: PersonSection[] = ['warningSigns', 'checkins', 'appointments', 'wins'];
const MY_ORDER: MySection[] = ['strain', 'selfChecks', 'load'];

/** The fake's report and saved files: each save adds a file, as the core never overwrites. */
export class FakeReports {
  saved: SavedReport[] = [];

  build(request: ReportRequest, people: Person[], wins: Win[]): Report {
    const period = periodWords(request.period);
    if (request.about === 'person') {
      const person = people.find((p) => p.id === request.personId);
      if (!person) throw { code: 'not_found', message: 'That person is no longer in Alongside.', field: null };
      if (!request.sections.length) throw noParts();
      return {
        title: `About ${person.name}`,
        subtitle: `Notes for ${person.name}'s care team`,
        period,
        summary: [`${person.name} had ${wins.length} small wins written down.`],
        sections: PERSON_ORDER.filter((s) => request.sections.includes(s)).map((s) =>
          PERSON_PARTS[s](wins.filter((w) => w.personId === person.id)),
        ),
        footer: 'In an emergency, call 999.',
      };
    }
    if (!request.sections.length) throw noParts();
    return {
      title: 'About me',
      subtitle: 'Notes for my own doctor',
      period,
      summary: ['I took one self-check.'],
      sections: MY_ORDER.filter((s) => request.sections.includes(s)).map((s) => MY_PARTS[s]),
      footer: 'In an emergency, call 999.',
    };
  }

  save(request: ReportRequest, people: Person[], wins: Win[]): SavedReport {
    this.build(request, people, wins);
    const about = request.about === 'person' ? people.find((p) => p.id === request.personId)?.name : 'me';
    const stem = `Alongside report about ${about} 2026-12-03`;
    const taken = this.saved.filter((s) => s.fileName.startsWith(stem)).length;
    const saved = { fileName: taken ? `${stem}-${taken + 1}.pdf` : `${stem}.pdf`, folder: '/home/me/Downloads' };
    this.saved.push(saved);
    return saved;
  }
}
