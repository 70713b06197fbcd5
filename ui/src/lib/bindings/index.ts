// Generated from the Rust types by src-tauri/core/src/bindings.rs. Do not edit by hand.
// Regenerate: UPDATE_BINDINGS=1 cargo test -p alongside-core bindings

export type ErrorCode = "invalid_input" | "not_found" | "already_set_up" | "data_busy" | "database_too_new" | "database_unavailable" | "locked" | "key_file_missing" | "key_file_unreadable" | "encryption_failed" | "storage";

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
dataDir: string, onboarded: boolean, 
/**
 * What protects the data, and whether Alongside is locked.
 */
protection: ProtectionStatus, };

export type ProtectionStatus = { state: ProtectionState, lockedBecause: LockReason | null, 
/**
 * The system key store holds the key, so Alongside opens without asking.
 */
keyStore: boolean, passphrase: boolean, 
/**
 * A PIN opens the app lock (with the key store's help).
 */
pin: boolean, recoveryCode: boolean, 
/**
 * A new recovery code, shown until the caregiver says it is written down.
 */
recoveryCodeToShow: string | null, appLock: boolean, 
/**
 * Lock after this many idle minutes; `None` for never.
 */
idleMinutes: number | null, 
/**
 * Seconds to wait before the next try, after wrong ones.
 */
retryInSeconds: number, };

export type ProtectionState = "open" | "locked" | "setup" | "unavailable";

export type LockReason = "appLock" | "noKeyStore" | "keyStoreUnavailable" | "keyStoreMissing" | "keyStoreChanged";

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

export type CrisisHelp = { region: Region, 
/**
 * For a call about someone else.
 */
guidance: Guidance, 
/**
 * For a call about oneself: from the caregiver's own self-check or "When I need help myself".
 */
forSelf: Guidance, };

export type RegionChoice = { code: string, name: string, };

export type Avoid = { say: string, why: string, };

export type ExerciseItem = { prompt: string, examples: Array<string>, };

export type Exercise = { title: string, intro: string, items: Array<ExerciseItem>, };

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
cards: Array<string>, trySaying: Array<string>, avoidSaying: Array<Avoid>, 
/**
 * Small actions for Today's suggestions.
 */
ideas: Array<string>, exercise: Exercise | null, 
/**
 * Encourage treatment: when the person does not want help (LEAP and CRAFT).
 */
notReadyTitle: string | null, notReady: Array<string>, 
/**
 * Respect boundaries: reflection prompts, and the reminder that supporters need limits too.
 */
prompts: Array<string>, limitsNote: string | null, };

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

export type AnswerChoice = { value: number, label: string, };

export type Item = { text: string, reverse: boolean, 
/**
 * Any answer above the lowest opens Crisis help at once (PHQ-9 item 9).
 */
crisis: boolean, 
/**
 * A short phrase naming the sign, for results that say what drove them.
 */
driver: string | null, 
/**
 * An answer at or above this value offers Crisis help and the caregiver's own card, gently
 * (not at once, as a crisis item does): for example feeling hopeless "Often".
 */
offerHelpAt: number | null, };

export type Subscale = { id: string, title: string, 
/**
 * 1-based item numbers.
 */
items: Array<number>, positiveAt: number, 
/**
 * The instrument offered when this subscale is positive.
 */
offer: string | null, positiveText: string, };

export type Band = { min: number, max: number, label: string, 
/**
 * Higher is more severe; used to notice a worse band than last time.
 */
level: number, guidance: string, steps: Array<string>, 
/**
 * A result in this band offers Crisis help and the caregiver's own card.
 */
offerHelp: boolean, };

export type CrisisGuidance = { guidance: string, steps: Array<string>, };

export type Instrument = { id: string, title: string, summary: string, 
/**
 * False for checks written by Alongside: they are never presented as validated.
 */
validated: boolean, recall: string, stem: string, attribution: string, licence: string, note: string, 
/**
 * Words shown with Crisis help when a crisis item is answered above its lowest value.
 */
crisisMessage: string | null, 
/**
 * Replaces the band's guidance and steps whenever the crisis flag is set: a low total must
 * never read as reassurance beside an answer about thoughts of death or self-harm.
 */
crisisGuidance: CrisisGuidance | null, answers: Array<AnswerChoice>, items: Array<Item>, subscales: Array<Subscale>, bands: Array<Band>, };

export type Score = { total: number, max: number, band: string, level: number, 
/**
 * Ids of subscales at or above their threshold.
 */
positive: Array<string>, 
/**
 * True when a crisis item was answered above its lowest value.
 */
crisis: boolean, 
/**
 * True when an answer or the band calls for offering Crisis help and the caregiver's own
 * card (also true whenever `crisis` is).
 */
offerHelp: boolean, 
/**
 * The signs answered at the top of the scale (or, if none, the next value down), in item
 * order: what drove the result.
 */
drivers: Array<string>, };

export type Sleep = "poor" | "okay" | "good";

export type DailyCheckInput = { 
/**
 * The caregiver's local day, YYYY-MM-DD.
 */
day: string, 
/**
 * 0 (none) to 10 (the most).
 */
strain: number | null, sleep: Sleep | null, 
/**
 * Hours slept, instead of or as well as the word.
 */
sleepHours: number | null, 
/**
 * Did one thing for myself today.
 */
forMyself: boolean | null, note: string | null, 
/**
 * True to change the day's check; false refuses a second one for the same day.
 */
replace: boolean, };

export type DailyCheck = { day: string, strain: number, sleep: Sleep | null, sleepHours: number | null, forMyself: boolean, note: string | null, };

export type SelfCheckInput = { instrument: string, 
/**
 * One per question, in order; `null` for a question not answered.
 */
answers: Array<number | null>, };

export type SelfCheckResult = { id: number, instrument: string, 
/**
 * RFC 3339 UTC.
 */
takenAt: string, answers: Array<number>, score: Score, };

export type SelfCarePlan = { warningSigns: string | null, whatHelps: string | null, whoToAsk: string | null, whatToDrop: string | null, };

export type StrainPoint = { day: string, strain: number, 
/**
 * The average of the entries in the 7 days ending on this day.
 */
average7: number, };

export type PromptKind = "strain_rising" | "worse_band";

export type TrendPrompt = { kind: PromptKind, message: string, nextStep: string, };

export type StrainOverview = { today: DailyCheck | null, 
/**
 * Oldest first, the last 90 days.
 */
series: Array<StrainPoint>, 
/**
 * Newest first.
 */
results: Array<SelfCheckResult>, prompt: TrendPrompt | null, selfCheckDue: boolean, plan: SelfCarePlan, };

export type Listened = "yes" | "partly" | "no";

export type ListeningInput = { personId: number, happenedOn: string, 
/**
 * What they shared.
 */
shared: string | null, 
/**
 * Did I listen without jumping in to fix it?
 */
listened: Listened | null, learned: string | null, felt: string | null, };

export type ListeningMoment = { id: number, personId: number, happenedOn: string, shared: string | null, listened: Listened, learned: string | null, felt: string | null, };

export type CheckinWay = "message" | "call" | "in_person" | "other";

export type CheckinInput = { personId: number, happenedOn: string, how: CheckinWay | null, 
/**
 * How did it go, 1 to 5 (optional).
 */
went: number | null, note: string | null, };

export type Checkin = { id: number, personId: number, happenedOn: string, how: CheckinWay, went: number | null, note: string | null, };

export type Starter = { id: number, text: string, 
/**
 * One Alongside offered, rather than one the caregiver wrote.
 */
builtin: boolean, };

export type AppointmentInput = { personId: number, 
/**
 * Local date and time, YYYY-MM-DDTHH:MM (what a date-time field gives).
 */
startsAt: string, withWhom: string, place: string | null, givingRide: boolean, questions: Array<string>, notesAfter: string | null, };

export type Appointment = { id: number, personId: number, startsAt: string, withWhom: string, place: string | null, givingRide: boolean, questions: Array<string>, notesAfter: string | null, };

export type CareKind = "clinician" | "service" | "pharmacy" | "other";

export type CareContactInput = { 
/**
 * The person this contact is for; none for contacts that serve everyone.
 */
personId: number | null, name: string, kind: CareKind, phone: string | null, note: string | null, };

export type CareContact = { id: number, personId: number | null, name: string, kind: CareKind, phone: string | null, note: string | null, };

export type Whose = "theirs" | "mine";

export type BoundaryInput = { personId: number, whose: Whose, text: string, };

export type Boundary = { id: number, personId: number, whose: Whose, text: string, };

export type GiveSpaceInput = { personId: number, 
/**
 * The last day of the pause (inclusive), YYYY-MM-DD.
 */
until: string, note: string | null, };

export type GiveSpace = { personId: number, until: string, note: string | null, };

export type EntryKind = "listening_moment" | "checkin" | "starter" | "appointment" | "care_contact" | "boundary";

export type PracticeLog = { 
/**
 * Newest first.
 */
moments: Array<ListeningMoment>, checkins: Array<Checkin>, starters: Array<Starter>, 
/**
 * Soonest first.
 */
appointments: Array<Appointment>, contacts: Array<CareContact>, boundaries: Array<Boundary>, spaces: Array<GiveSpace>, };

export type MarkState = "done" | "not_today";

export type Suggestion = { 
/**
 * Stable for the day, so marks stick: e.g. "checkin:3" or "idea:listen:2".
 */
key: string, 
/**
 * Which practice page it belongs to.
 */
practice: string, text: string, done: boolean, 
/**
 * For a suggestion about a circle of support: whose circle it opens (none: the
 * caregiver's own). None for every other suggestion.
 */
circleOf: number | null, };

export type LookBack = { 
/**
 * Monday of this week, YYYY-MM-DD.
 */
weekOf: string, 
/**
 * Sentences about what the caregiver did for the person.
 */
forThem: Array<string>, 
/**
 * Sentences about what they did for themselves.
 */
forYou: Array<string>, };

export type TodayPlan = { suggestions: Array<Suggestion>, lookBack: LookBack, };

export type Day = "MO" | "TU" | "WE" | "TH" | "FR" | "SA" | "SU";

export type Repeat = { "kind": "once" } | { "kind": "daily" } | { "kind": "weekdays" } | { "kind": "weekly", days: Array<Day>, } | { "kind": "every_n_days", n: number, } | { "kind": "monthly_on_day", day: number, } | { "kind": "monthly_on_weekday", nth: number, weekday: Day, };

export type ScheduleInput = { 
/**
 * The first day, YYYY-MM-DD.
 */
startDate: string, 
/**
 * Local time, HH:MM.
 */
time: string, repeat: Repeat, 
/**
 * The last day it may fire, YYYY-MM-DD.
 */
endDate: string | null, 
/**
 * IANA time zone, e.g. "Europe/London".
 */
timeZone: string, };

export type Purpose = "check_in" | "appointment" | "self_care" | "self_check" | "custom";

export type ReminderInput = { title: string, message: string | null, purpose: Purpose, 
/**
 * Who it is about (required for a check-in).
 */
personId: number | null, schedule: ScheduleInput, };

export type Reminder = { id: number, title: string, message: string | null, purpose: Purpose, personId: number | null, schedule: ScheduleInput, 
/**
 * RFC 5545 DTSTART + RRULE, as stored and exported.
 */
rule: string, 
/**
 * The next time it will come, RFC 3339 UTC, if it will.
 */
nextDue: string | null, };

export type DueState = "due" | "missed" | "snoozed" | "done" | "skipped";

export type DueItem = { id: number, reminderId: number, title: string, message: string | null, purpose: Purpose, personId: number | null, 
/**
 * The occurrence's local time, YYYY-MM-DDTHH:MM.
 */
occurrence: string, state: DueState, snoozedUntil: string | null, };

export type SnoozeFor = "ten_minutes" | "one_hour" | "tomorrow_morning";

export type DueAction = { "action": "done", went: number | null, note: string | null, how: CheckinWay | null, } | { "action": "snooze", for: SnoozeFor | null, 
/**
 * A chosen local time, YYYY-MM-DDTHH:MM, instead of a preset.
 */
until: string | null, } | { "action": "skip" };

export type ReminderSettings = { 
/**
 * Quiet hours, HH:MM to HH:MM (may cross midnight). Nothing fires inside them.
 */
quietStart: string | null, quietEnd: string | null, 
/**
 * Show titles and messages in notifications. Off by default: others may see the screen.
 */
showDetails: boolean, 
/**
 * All reminders wait until then (RFC 3339 UTC), e.g. "pause for an hour" from the tray.
 */
pausedUntil: string | null, };

export type BackgroundStatus = { 
/**
 * A tray icon is showing, so closing the window keeps Alongside running.
 */
tray: boolean, 
/**
 * Alongside starts when the caregiver logs in.
 */
startAtLogin: boolean, };

export type BackupInfo = { 
/**
 * The file name; what Restore asks for.
 */
name: string, 
/**
 * When it was made, RFC 3339 UTC.
 */
madeAt: string, sizeBytes: number, };

export type BackupStatus = { dataFolder: string, backupFolder: string, 
/**
 * True when the caregiver chose the folder (false: the default beside the data).
 */
chosenFolder: boolean, 
/**
 * Newest first.
 */
backups: Array<BackupInfo>, 
/**
 * Why the last backup did not work, in caregiver words, when it did not.
 */
problem: string | null, };

export type RecordCounts = { people: number, wins: number, safetyPlans: number, reminders: number, 
/**
 * Every row of every table, the ones above included.
 */
records: number, };

export type ExportedEverything = { path: string, counts: RecordCounts, 
/**
 * True when the file is protected with a passphrase.
 */
protected: boolean, };

export type DataSummary = { 
/**
 * True when anything differs from a fresh Alongside (an import would replace it).
 */
hasData: boolean, counts: RecordCounts, };

export type ImportedEverything = { counts: RecordCounts, 
/**
 * Where the data that was here before was copied, when there was any.
 */
safetyCopy: string | null, };

export type Erased = { backupsRemoved: number, };

export type ReportPeriod = { "kind": "lastTwoWeeks" } | { "kind": "lastMonth" } | { "kind": "lastThreeMonths" } | { "kind": "custom", from: string, to: string, };

export type PersonSection = "warningSigns" | "checkins" | "appointments" | "wins";

export type MySection = "strain" | "selfChecks" | "load";

export type PersonReportRequest = { personId: number, period: ReportPeriod, sections: Array<PersonSection>, };

export type MyReportRequest = { period: ReportPeriod, sections: Array<MySection>, };

export type ReportRequest = { "about": "person" } & PersonReportRequest | { "about": "me" } & MyReportRequest;

export type ReportBar = { label: string, value: number, };

export type ReportBlock = { "kind": "table", columns: Array<string>, rows: Array<Array<string>>, } | { "kind": "chart", label: string, max: number, bars: Array<ReportBar>, } | { "kind": "empty", text: string, };

export type ReportSection = { heading: string, intro: string | null, body: Array<ReportBlock>, };

export type Report = { title: string, 
/**
 * Who the report is for, e.g. "Notes for Sam's care team".
 */
subtitle: string, 
/**
 * The dates in words: "3 September 2026 to 3 December 2026".
 */
period: string, 
/**
 * Plain sentences on what changed over these dates: the first page.
 */
summary: Array<string>, sections: Array<ReportSection>, 
/**
 * The line at the foot of every page: the emergency number for the caregiver's region.
 */
footer: string, };

export type SavedReport = { fileName: string, folder: string, };

export type SupportKind = "emotional" | "practical" | "informational" | "encouragement" | "peer";

export type Tie = "family" | "friend" | "peer" | "group" | "work_or_study" | "care_team" | "other";

export type Closeness = "closest" | "close" | "wider";

export type Feels = "helps" | "mixed" | "hard";

export type MemberInput = { 
/**
 * The person supported whose circle this is; `None` for the caregiver's own circle.
 */
personId: number | null, name: string, tie: Tie, closeness: Closeness, kinds: Array<SupportKind>, feels: Feels | null, 
/**
 * When they last saw each other, YYYY-MM-DD.
 */
lastSeen: string | null, note: string | null, };

export type Member = { id: number, personId: number | null, name: string, tie: Tie, closeness: Closeness, kinds: Array<SupportKind>, feels: Feels | null, lastSeen: string | null, note: string | null, };

export type KindStanding = { kind: SupportKind, 
/**
 * Everyone who gives it and whose relationship is not hard right now, by name.
 */
givers: Array<string>, 
/**
 * No one gives it (relationships that are hard right now do not count).
 */
thin: boolean, };

export type ConnectionKind = "met_up" | "talked" | "group" | "activity";

export type ConnectionInput = { personId: number, memberId: number | null, what: ConnectionKind, 
/**
 * YYYY-MM-DD; today when not given.
 */
happenedOn: string | null, 
/**
 * Also keep it as a small win, tagged "connection".
 */
asWin: boolean, };

export type Connection = { id: number, personId: number, memberId: number | null, what: ConnectionKind, happenedOn: string, 
/**
 * "Met up with Jo", "Went to a group".
 */
text: string, winId: number | null, };

export type SharedKind = "safety_plan" | "warning_signs" | "appointments" | "care_contacts" | "boundaries" | "checkins" | "wins" | "tasks";

export type ShareChoice = { kind: SharedKind, label: string, shared: boolean, };

export type CircleDevice = { device: string, name: string, joinedAt: string, removedAt: string | null, 
/**
 * When it last synced with this device (never, for this device itself).
 */
lastSynced: string | null, thisDevice: boolean, };

export type CareCircle = { id: number, personId: number, personName: string, shares: Array<ShareChoice>, devices: Array<CircleDevice>, 
/**
 * Live sync is on: this computer connects to the circle's other devices.
 */
live: boolean, 
/**
 * The relay the circle's devices use when they cannot reach each other directly, if a
 * member set one; it passes on encrypted messages it cannot read.
 */
relay: string | null, 
/**
 * What is never shared, in words.
 */
neverShared: Array<string>, };

export type NewCareCircle = { personId: number, 
/**
 * How this device's caregiver is named to the others (e.g. "Maria").
 */
yourName: string, shares: Array<SharedKind>, };

export type JoinAs = { 
/**
 * The person here whom the circle is about.
 */
personId: number, yourName: string, };

export type BundleImported = { circle: CareCircle, added: number, changed: number, refused: number, };

export type InviteView = { code: string, 
/**
 * The QR code's modules, row by row.
 */
qr: Array<Array<boolean>>, };

export type CareTask = { id: number, personId: number, what: string, who: string, 
/**
 * The day it is for, if it has one (YYYY-MM-DD).
 */
onDay: string | null, done: boolean, };

export type CareTaskInput = { personId: number, what: string, who: string, onDay: string | null, };

export type KindWords = { id: SupportKind, 
/**
 * A plain label: "Someone to talk to".
 */
name: string, about: string, example: string, };

export type IdeaFor = "person" | "me";

export type Idea = { id: string, kind: SupportKind, forWhom: IdeaFor, title: string, why: string, steps: Array<string>, 
/**
 * Learn cards that go deeper, by slug.
 */
cards: Array<string>, sources: Array<Source>, };

export type Circle = { 
/**
 * The person supported, or `None` for the caregiver's own circle.
 */
personId: number | null, members: Array<Member>, kinds: Array<KindStanding>, 
/**
 * A few ideas for each thin kind, rotating week by week.
 */
ideas: Array<Idea>, 
/**
 * The latest noted connections, newest first (person circles only).
 */
connections: Array<Connection>, };

/** The core's length limits for free text, in characters (as the core counts them). */
export const LIMITS = {
  name: 80,
  winText: 500,
  winNote: 2000,
  reminderTitle: 120,
  reminderMessage: 500,
  warningSign: 200,
  warningAction: 500,
  warningContact: 200,
  noticedNote: 2000,
  dailyNote: 1000,
  selfCarePlanField: 2000,
  practiceText: 1000,
  practiceShort: 200,
  circleNote: 500,
  careTask: 300,
} as const;
