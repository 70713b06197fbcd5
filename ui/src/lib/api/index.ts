// The only module that talks to the Tauri backend. Pages import from here, never from @tauri-apps.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import type {
  BackgroundStatus,
  BackupStatus,
  DueAction,
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
  PracticeLog,
  Starter,
  TodayPlan,
  DailyCheck,
  DailyCheckInput,
  Instrument,
  SelfCarePlan,
  SelfCheckInput,
  SelfCheckResult,
  StrainOverview,
  CaregiverCard,
  CrisisPlan,
  Noticed,
  NoticedInput,
  SafetyPlan,
  SafetyPlanInput,
  SavedPlan,
  WarningSign,
  WarningSignInput,
  Added,
  Cursor,
  Exported,
  OnThisDay,
  Tag,
  Win,
  WinFilter,
  WinInput,
  WinPage,
  AppStatus,
  CardDetail,
  Library,
  SearchHit,
  CrisisHelp,
  OnboardingInput,
  Person,
  PersonInput,
  Practice,
  Profile,
  ProfileInput,
  RegionChoice,
  DataSummary,
  Erased,
  ExportedEverything,
  ImportedEverything,
  ProtectionStatus,
  Report,
  ReportRequest,
  SavedReport,
  Circle,
  KindWords,
  Member,
  MemberInput,
  Connection,
  ConnectionInput,
  BundleImported,
  CareCircle,
  CareTask,
  CareTaskInput,
  JoinAs,
  NewCareCircle,
  SharedKind,
  InviteView,
} from '../bindings';
import { toAlongsideError } from './errors';

export { AlongsideError, toAlongsideError, UNEXPECTED_MESSAGE } from './errors';
export type * from '../bindings';
export { LIMITS } from '../bindings';

const lockedListeners = new Set<() => void>();

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    const error = toAlongsideError(e);
    // Alongside locked somewhere else (the idle lock, the tray): the app shows the lock screen.
    if (error.code === 'locked') for (const listener of lockedListeners) listener();
    throw error;
  }
}

export const api = {
  appStatus: () => call<AppStatus>('app_status'),
  retryDatabase: () => call<AppStatus>('retry_database'),
  protectionStatus: () => call<ProtectionStatus>('protection_status'),
  unlock: (secret: string) => call<ProtectionStatus>('unlock', { secret }),
  setUpProtection: (passphrase: string) =>
    call<ProtectionStatus>('set_up_protection', { passphrase }),
  lockNow: () => call<ProtectionStatus>('lock_now'),
  setPassphrase: (current: string | null, passphrase: string) =>
    call<ProtectionStatus>('set_passphrase', { current, passphrase }),
  newRecoveryCode: () => call<ProtectionStatus>('new_recovery_code'),
  recoveryCodeSaved: () => call<ProtectionStatus>('recovery_code_saved'),
  setAppLock: (on: boolean, idleMinutes: number | null) =>
    call<ProtectionStatus>('set_app_lock', { on, idleMinutes }),
  setPin: (passphrase: string, pin: string | null) =>
    call<ProtectionStatus>('set_pin', { passphrase, pin }),

  getProfile: () => call<Profile | null>('get_profile'),
  updateProfile: (profile: ProfileInput) => call<Profile>('update_profile', { profile }),
  completeOnboarding: (onboarding: OnboardingInput) =>
    call<Person>('complete_onboarding', { onboarding }),

  listPeople: () => call<Person[]>('list_people'),
  addPerson: (person: PersonInput) => call<Person>('add_person', { person }),
  updatePerson: (id: number, person: PersonInput) => call<Person>('update_person', { id, person }),
  removePerson: (id: number) => call<null>('remove_person', { id }),
  restorePerson: (id: number) => call<Person>('restore_person', { id }),

  crisisRegions: () => call<RegionChoice[]>('crisis_regions'),
  crisisHelp: (region: string) => call<CrisisHelp>('crisis_help', { region }),

  listPractices: () => call<Practice[]>('list_practices'),

  learnLibrary: () => call<Library>('learn_library'),
  learnCard: (slug: string) => call<CardDetail>('learn_card', { slug }),
  learnSearch: (query: string) => call<SearchHit[]>('learn_search', { query }),
  setCardBookmark: (slug: string, bookmarked: boolean) =>
    call<null>('set_card_bookmark', { slug, bookmarked }),
  setCardRead: (slug: string, read: boolean) => call<null>('set_card_read', { slug, read }),

  addWin: (win: WinInput) => call<Added>('add_win', { win }),
  updateWin: (id: number, win: WinInput) => call<Win>('update_win', { id, win }),
  deleteWin: (id: number) => call<null>('delete_win', { id }),
  restoreWin: (id: number) => call<Win>('restore_win', { id }),
  listWins: (filter: WinFilter, after: Cursor | null = null) =>
    call<WinPage>('list_wins', { filter, after }),
  winsOnThisDay: () => call<OnThisDay>('wins_on_this_day'),
  listTags: () => call<Tag[]>('list_tags'),
  addTag: (name: string) => call<Tag>('add_tag', { name }),
  renameTag: (id: number, name: string) => call<Tag>('rename_tag', { id, name }),
  exportWinsCsv: (filter: WinFilter) => call<Exported>('export_wins_csv', { filter }),

  getCrisisPlan: (personId: number, region: string) =>
    call<CrisisPlan>('get_crisis_plan', { personId, region }),
  saveSafetyPlan: (plan: SafetyPlanInput) => call<SavedPlan>('save_safety_plan', { plan }),
  getSafetyPlanVersion: (personId: number, version: number) =>
    call<SafetyPlan>('get_safety_plan_version', { personId, version }),
  addWarningSign: (sign: WarningSignInput) => call<WarningSign>('add_warning_sign', { sign }),
  updateWarningSign: (id: number, sign: WarningSignInput) =>
    call<WarningSign>('update_warning_sign', { id, sign }),
  removeWarningSign: (id: number) => call<null>('remove_warning_sign', { id }),
  restoreWarningSign: (id: number) => call<WarningSign>('restore_warning_sign', { id }),
  recordSignsNoticed: (noticed: NoticedInput) =>
    call<Noticed>('record_signs_noticed', { noticed }),
  getCaregiverCard: () => call<CaregiverCard>('get_caregiver_card'),
  saveCaregiverCard: (card: CaregiverCard) => call<CaregiverCard>('save_caregiver_card', { card }),

  listSelfChecks: () => call<Instrument[]>('list_self_checks'),
  strainOverview: () => call<StrainOverview>('strain_overview'),
  saveDailyCheck: (check: DailyCheckInput) => call<DailyCheck>('save_daily_check', { check }),
  takeSelfCheck: (check: SelfCheckInput) => call<SelfCheckResult>('take_self_check', { check }),
  saveSelfCarePlan: (plan: SelfCarePlan) => call<SelfCarePlan>('save_self_care_plan', { plan }),

  practiceLog: () => call<PracticeLog>('practice_log'),
  addListeningMoment: (moment: ListeningInput) =>
    call<ListeningMoment>('add_listening_moment', { moment }),
  addCheckin: (checkin: CheckinInput) => call<Checkin>('add_checkin', { checkin }),
  saveStarter: (id: number | null, text: string) => call<Starter>('save_starter', { id, text }),
  saveAppointment: (id: number | null, appointment: AppointmentInput) =>
    call<Appointment>('save_appointment', { id, appointment }),
  saveCareContact: (id: number | null, contact: CareContactInput) =>
    call<CareContact>('save_care_contact', { id, contact }),
  addBoundary: (boundary: BoundaryInput) => call<Boundary>('add_boundary', { boundary }),
  giveSpace: (space: GiveSpaceInput) => call<GiveSpace>('give_space', { space }),
  endGiveSpace: (personId: number) => call<null>('end_give_space', { personId }),
  removeEntry: (kind: EntryKind, id: number) => call<null>('remove_entry', { kind, id }),
  restoreEntry: (kind: EntryKind, id: number) => call<null>('restore_entry', { kind, id }),
  todayPlan: () => call<TodayPlan>('today_plan'),
  /** Today's data is on screen (the startup benchmark ends here; otherwise nothing happens). */
  todayShown: () => call<null>('today_shown'),
  markSuggestion: (key: string, state: MarkState | null) =>
    call<null>('mark_suggestion', { key, state }),

  listReminders: () => call<Reminder[]>('list_reminders'),
  saveReminder: (id: number | null, reminder: ReminderInput) =>
    call<Reminder>('save_reminder', { id, reminder }),
  removeReminder: (id: number) => call<null>('remove_reminder', { id }),
  restoreReminder: (id: number) => call<Reminder>('restore_reminder', { id }),
  dueNow: () => call<DueItem[]>('due_now'),
  resolveDue: (id: number, action: DueAction) => call<null>('resolve_due', { id, action }),
  getReminderSettings: () => call<ReminderSettings>('get_reminder_settings'),
  saveReminderSettings: (settings: ReminderSettings) =>
    call<ReminderSettings>('save_reminder_settings', { settings }),
  pauseReminders: (minutes: number | null) =>
    call<ReminderSettings>('pause_reminders', { minutes }),
  sendTestNotification: () => call<null>('send_test_notification'),
  exportRemindersIcs: () => call<Exported>('export_reminders_ics'),
  reportPreview: (request: ReportRequest) => call<Report>('report_preview', { request }),
  /** Saves the report as a PDF in Downloads, beside (never over) any earlier one. */
  saveReport: (request: ReportRequest) => call<SavedReport>('save_report', { request }),
  getCircle: (personId: number | null) => call<Circle>('get_circle', { personId }),
  supportKinds: () => call<KindWords[]>('support_kinds'),
  addCircleMember: (member: MemberInput) => call<Member>('add_circle_member', { member }),
  updateCircleMember: (id: number, member: MemberInput) =>
    call<Member>('update_circle_member', { id, member }),
  removeCircleMember: (id: number) => call<null>('remove_circle_member', { id }),
  restoreCircleMember: (id: number) => call<Member>('restore_circle_member', { id }),
  noteConnection: (connection: ConnectionInput) => call<Connection>('note_connection', { connection }),
  careCircles: () => call<CareCircle[]>('care_circles'),
  createCareCircle: (circle: NewCareCircle) => call<CareCircle>('create_care_circle', { circle }),
  setCareCircleShares: (id: number, shares: SharedKind[]) =>
    call<CareCircle>('set_care_circle_shares', { id, shares }),
  /** Saves the circle's shared records as a protected bundle in Downloads; returns its path. */
  saveCareCircleBundle: (id: number, passphrase: string) =>
    call<string>('save_care_circle_bundle', { id, passphrase }),
  /** Merges a bundle into its circle here; `join` joins a circle this computer is not in yet. */
  importCareCircleBundle: (text: string, passphrase: string, join: JoinAs | null) =>
    call<BundleImported>('import_care_circle_bundle', { text, passphrase, join }),
  removeCareCircleDevice: (id: number, device: string) =>
    call<CareCircle>('remove_care_circle_device', { id, device }),
  /** An invite code and QR code for one new device (for an hour); turns live sync on. */
  createCareInvite: (id: number) => call<InviteView>('create_care_invite', { id }),
  /** Joins a circle with an invite code made on another computer. */
  joinCareCircle: (code: string, personId: number, yourName: string) =>
    call<CareCircle>('join_care_circle', { code, personId, yourName }),
  setCareCircleLive: (id: number, on: boolean) => call<CareCircle>('set_care_circle_live', { id, on }),
  /** Sets the relay the circle's computers use when they cannot reach each other directly ('' for none). */
  setCareCircleRelay: (id: number, relay: string) => call<CareCircle>('set_care_circle_relay', { id, relay }),
  /** Calls `callback` when another device's changes have arrived. */
  onCareCircleSynced: async (callback: () => void): Promise<() => void> => {
    try {
      return await listen('care-circle-synced', () => callback());
    } catch {
      return () => {};
    }
  },
  careTasks: (personId: number) => call<CareTask[]>('care_tasks', { personId }),
  addCareTask: (task: CareTaskInput) => call<CareTask>('add_care_task', { task }),
  setCareTaskDone: (id: number, done: boolean) => call<CareTask>('set_care_task_done', { id, done }),
  removeCareTask: (id: number) => call<null>('remove_care_task', { id }),
  restoreCareTask: (id: number) => call<CareTask>('restore_care_task', { id }),
  backgroundStatus: () => call<BackgroundStatus>('background_status'),
  setStartAtLogin: (enabled: boolean) =>
    call<BackgroundStatus>('set_start_at_login', { enabled }),

  backupStatus: () => call<BackupStatus>('backup_status'),
  backUpNow: () => call<BackupStatus>('back_up_now'),
  /** `null` puts backups back in the default folder beside the data. */
  setBackupFolder: (folder: string | null) => call<BackupStatus>('set_backup_folder', { folder }),
  /** Restores a kept backup by its name; the data reopens on it, so reload the app after. */
  restoreBackup: (name: string) => call<BackupStatus>('restore_backup', { name }),
  /** With a passphrase the file is protected with it; `null` saves it as plain JSON. */
  exportEverything: (passphrase: string | null) =>
    call<ExportedEverything>('export_everything', { passphrase }),
  dataSummary: () => call<DataSummary>('data_summary'),
  /** `passphrase` opens a protected file; a plain one needs none (`null`). */
  importEverything: (text: string, passphrase: string | null, replaceExisting: boolean) =>
    call<ImportedEverything>('import_everything', { text, passphrase, replaceExisting }),
  eraseEverything: (typed: string, includeBackups: boolean) =>
    call<Erased>('erase_everything', { typed, includeBackups }),
  /** Calls `callback` whenever the scheduler has put something in the Due now list. */
  onRemindersDue: async (callback: () => void): Promise<() => void> => {
    try {
      return await listen('reminders-due', () => callback());
    } catch {
      // No event channel (tests, an old webview): the list still refreshes when opened.
      return () => {};
    }
  },
  /** Calls `callback` whenever a command is refused because Alongside is locked. */
  onLockedError: (callback: () => void): (() => void) => {
    lockedListeners.add(callback);
    return () => lockedListeners.delete(callback);
  },
  /** Calls `callback` when Alongside was locked from outside the window (the tray). */
  onLocked: async (callback: () => void): Promise<() => void> => {
    try {
      return await listen('locked', () => callback());
    } catch {
      return () => {};
    }
  },
};
