// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit by hand.
// Regenerate: UPDATE_BINDINGS=1 cargo test -p alongside bindings

export type ErrorCode = "invalid_input" | "not_found" | "already_set_up" | "data_busy" | "database_too_new" | "database_unavailable" | "storage";

export type AppError = { code: ErrorCode, message: string, 
/**
 * The input field the message is about, when there is one.
 */
field: string | null, };

export type AppStatus = { 
/**
 * Why the data could not be opened, if it could not. Crisis help works either way.
 */
databaseProblem: AppError | null, 
/**
 * Where an unreadable earlier data file was kept, if that happened at this start.
 */
movedAside: string | null, 
/**
 * The folder that holds the caregiver's data.
 */
dataDir: string, onboarded: boolean, };

export type Relationship = "child" | "partner" | "parent" | "sibling" | "friend" | "other_family" | "other";

export type Condition = "depression" | "anxiety" | "bipolar" | "psychosis" | "ptsd" | "ocd" | "eating_disorder" | "substance_use" | "borderline_personality" | "other" | "not_sure" | "prefer_not_to_say";

export type Person = { id: number, name: string, relationship: Relationship, conditions: Array<Condition>, };

export type PersonInput = { name: string, relationship: Relationship, conditions: Array<Condition>, };

export type Profile = { caregiverName: string | null, 
/**
 * A region code from the crisis data, e.g. "US" or "OTHER".
 */
region: string, };

export type ProfileInput = { caregiverName: string | null, region: string, };

export type OnboardingInput = { caregiverName: string | null, region: string, person: PersonInput, };

export type Source = { title: string, url: string, };

export type ContactKind = "call" | "text" | "chat" | "web";

export type Contact = { kind: ContactKind, value: string, 
/**
 * Extra words, e.g. "Text HOME to 741741".
 */
detail: string | null, };

export type CrisisLine = { name: string, about: string, hours: string, note: string | null, contacts: Array<Contact>, };

export type Region = { code: string, name: string, emergency: string, emergencyNote: string | null, 
/**
 * ISO date (YYYY-MM-DD) the entry was last checked against its sources.
 */
lastChecked: string, sources: Array<Source>, lines: Array<CrisisLine>, };

export type Guidance = { dangerNow: string, whatToSay: string, whileWaiting: string, };

export type CrisisHelp = { region: Region, guidance: Guidance, };

export type RegionChoice = { code: string, name: string, };

export type Practice = { id: string, title: string, 
/**
 * A one-word label for navigation.
 */
short: string, 
/**
 * One line for the Today card.
 */
summary: string, why: string, steps: Array<string>, sources: Array<Source>, 
/**
 * Education cards that go deeper, by slug.
 */
cards: Array<string>, };

export type Topic = "depression" | "anxiety" | "bipolar" | "psychosis" | "ptsd" | "ocd" | "eating_disorders" | "substance_use" | "borderline" | "understanding" | "support" | "treatment" | "safety" | "caregiver";

export type Span = { text: string, strong: boolean, em: boolean, };

export type Block = { "type": "heading", text: string, } | { "type": "paragraph", spans: Array<Span>, } | { "type": "list", ordered: boolean, items: Array<Array<Span>>, };

export type CardSummary = { slug: string, title: string, summary: string, topic: Topic, crisis: boolean, bookmarked: boolean, read: boolean, };

export type CardDetail = { slug: string, title: string, summary: string, topic: Topic, topicTitle: string, body: Array<Block>, tryThis: string, crisis: boolean, lastReviewed: string, sources: Array<Source>, related: Array<CardSummary>, bookmarked: boolean, read: boolean, };

export type TopicGroup = { topic: Topic, title: string, readCount: number, total: number, cards: Array<CardSummary>, };

export type Library = { bookmarked: Array<CardSummary>, topics: Array<TopicGroup>, };

export type Segment = { text: string, hit: boolean, };

export type SearchHit = { slug: string, title: Array<Segment>, snippet: Array<Segment>, topicTitle: string, crisis: boolean, };

export type WinInput = { personId: number, text: string, 
/**
 * The local day it happened, YYYY-MM-DD.
 */
happenedOn: string, tags: Array<string>, note: string | null, };

export type Win = { id: number, personId: number, personName: string, happenedOn: string, text: string, note: string | null, tags: Array<string>, 
/**
 * The text with search matches marked, when listed for a search.
 */
textMarked: Array<Segment> | null, noteMarked: Array<Segment> | null, };

export type WinFilter = { personId: number | null, tag: string | null, from: string | null, to: string | null, search: string | null, };

export type Cursor = { happenedOn: string, id: number, };

export type PeriodCount = { 
/**
 * "2026-11" for a month, or the Monday "2026-11-16" for a week.
 */
period: string, count: number, };

export type WinPage = { wins: Array<Win>, next: Cursor | null, 
/**
 * How many wins match the filter in each month and week shown on this page.
 */
months: Array<PeriodCount>, weeks: Array<PeriodCount>, };

export type Added = { win: Win, total: number, milestone: number | null, };

export type OnThisDay = { monthAgo: Array<Win>, yearAgo: Array<Win>, };

export type Tag = { id: number, name: string, };

export type Exported = { path: string, count: number, };

export type PlanSteps = { 
/**
 * 1. The signs that a crisis may be building.
 */
warningSigns: Array<string>, 
/**
 * 2. Things they can do on their own to cope.
 */
coping: Array<string>, 
/**
 * 3. People and places that help take their mind off things.
 */
distractions: Array<string>, 
/**
 * 4. People they can ask for help.
 */
helpers: Array<string>, 
/**
 * 5. Professionals and crisis services.
 */
professionals: Array<string>, 
/**
 * 6. Making the surroundings safer.
 */
saferEnvironment: Array<string>, };

export type SafetyPlanInput = { personId: number, steps: PlanSteps, 
/**
 * Whether the plan was made together with the person.
 */
madeTogether: boolean, };

export type SafetyPlan = { personId: number, version: number, 
/**
 * RFC 3339 UTC.
 */
savedAt: string, madeTogether: boolean, steps: PlanSteps, };

export type PlanVersion = { version: number, savedAt: string, itemCount: number, };

export type SavedPlan = { plan: SafetyPlan, changed: boolean, };

export type WarningSignInput = { personId: number, sign: string, 
/**
 * What to do when it shows.
 */
action: string | null, 
/**
 * Whom to call.
 */
contact: string | null, };

export type WarningSign = { id: number, personId: number, sign: string, action: string | null, contact: string | null, };

export type NoticedInput = { personId: number, 
/**
 * The local day the signs were noticed, YYYY-MM-DD.
 */
noticedOn: string, signIds: Array<number>, note: string | null, };

export type Noticed = { id: number, personId: number, noticedOn: string, 
/**
 * The signs' words as they were when noticed.
 */
signs: Array<string>, note: string | null, };

export type CrisisPlan = { personId: number, personName: string, 
/**
 * The newest version, if a plan has been saved.
 */
plan: SafetyPlan | null, 
/**
 * What the editor starts from: the current plan, or a fresh one with step 5 filled in.
 */
draft: PlanSteps, 
/**
 * Every saved version, newest first.
 */
versions: Array<PlanVersion>, signs: Array<WarningSign>, 
/**
 * Newest first.
 */
noticed: Array<Noticed>, };

export type CardContact = { name: string, 
/**
 * A phone number or how to reach them.
 */
reach: string | null, };

export type CaregiverCard = { contacts: Array<CardContact>, whatHelps: string | null, };
