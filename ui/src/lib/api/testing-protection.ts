// Test support: the protection commands of the in-memory backend (unlock, a first passphrase, the
// app lock and its PIN, the recovery code), with the core's rules and words. Used by component tests only.
import type { AppError, ProtectionStatus } from '../bindings';

const invalid = (field: string, message: string): AppError => ({
  code: 'invalid_input',
  message,
  field,
});

export const LOCKED: AppError = {
  code: 'locked',
  message:
    'Alongside is locked. Please unlock it with your passphrase or recovery code; nothing you saved is lost. Crisis help still works.',
  field: null,
};

/** Commands that answer whether or not the data is open. */
export const OPEN_WHILE_LOCKED = new Set([
  'app_status',
  'retry_database',
  'crisis_regions',
  'crisis_help',
  'protection_status',
  'unlock',
  'set_up_protection',
  'lock_now',
]);

const IDLE_CHOICES = [1, 5, 15, 60];
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The code as typed, made canonical the way the core does, or null when it cannot be one. */
export function normalizeRecoveryCode(typed: string): string | null {
  let out = '';
  for (const raw of typed.toUpperCase()) {
    if (raw === ' ' || raw === '-' || raw === '\t') continue;
    const c = raw === 'O' ? '0' : raw === 'I' || raw === 'L' ? '1' : raw;
    if (!CROCKFORD.includes(c)) return null;
    out += c;
  }
  return out.length === 25 ? out : null;
}

/** Three free tries, then 5, 10, 20 … seconds, at most 5 minutes. */
export function retryDelaySeconds(failed: number): number {
  return failed < 3 ? 0 : Math.min(5 * 2 ** Math.min(failed - 3, 6), 300);
}

/** 4 to 12 digits, spaces around them ignored, as the core reads a PIN. */
export function looksLikePin(typed: string): boolean {
  return /^[0-9]{4,12}$/.test(typed.trim());
}

const PIN_NEEDS_KEY_STORE =
  "A PIN needs this computer's key store to keep the key, and it isn't available. Your passphrase still locks and opens Alongside.";
const PIN_CANNOT_OPEN =
  "Your PIN can't open Alongside just now, because this computer's key store can't give the key. Please type your passphrase or recovery code instead.";

function validatePassphrase(field: string, p: string): AppError | null {
  const n = [...p].length;
  if (!p.trim()) return invalid(field, 'Please type a passphrase.');
  if (n < 8)
    return invalid(field, 'Please use at least 8 characters. A short sentence you will remember works well.');
  if (n > 256) return invalid(field, 'Please keep the passphrase under 256 characters.');
  return null;
}

/** What protects the fake data: the visible status plus the secrets the core keeps in its key file. */
export class FakeProtection {
  status: ProtectionStatus = {
    state: 'open',
    lockedBecause: null,
    keyStore: true,
    passphrase: false,
    pin: false,
    recoveryCode: true,
    recoveryCodeToShow: null,
    appLock: false,
    idleMinutes: null,
    retryInSeconds: 0,
  };
  passphrase: string | null = null;
  /** The app lock's PIN, trimmed; it opens only the app lock, with the key store's key. */
  pin: string | null = null;
  recoveryCode = '7K3QD-M9XTR-4HBWN-2JCPE-6YSAF';
  recoverySaved = true;
  failedTries = 0;
  /** When the next try is allowed (Date.now() milliseconds). */
  retryUntil = 0;
  private codes = 0;

  /** Locked, for the given reason, with `passphrase` as the passphrase. */
  lock(because: ProtectionStatus['lockedBecause'] = 'appLock', passphrase = 'correct horse battery') {
    this.passphrase = passphrase;
    this.status = {
      ...this.status,
      state: 'locked',
      lockedBecause: because,
      passphrase: true,
      appLock: because === 'appLock',
      keyStore: because === 'appLock',
      recoveryCodeToShow: null,
    };
    return this;
  }

  current(): ProtectionStatus {
    const left = Math.max(0, Math.ceil((this.retryUntil - Date.now()) / 1000));
    const open = this.status.state === 'open';
    return {
      ...this.status,
      passphrase: this.passphrase !== null,
      pin: this.pin !== null,
      recoveryCodeToShow: open ? this.status.recoveryCodeToShow : null,
      retryInSeconds: Math.min(left, 300),
    };
  }

  /** True while a command that needs the data must say Alongside is locked. */
  get closed() {
    return this.status.state === 'locked' || this.status.state === 'setup';
  }

  private newCode() {
    this.codes += 1;
    const tail = String(this.codes).padStart(5, '0');
    this.recoveryCode = `ABCDE-FGHJK-MNPQR-STVWX-${tail}`;
    this.recoverySaved = false;
    this.status.recoveryCodeToShow = this.recoveryCode;
  }

  private needOpen() {
    if (this.status.state !== 'open') throw LOCKED;
  }

  handle(cmd: string, args: Record<string, unknown>): ProtectionStatus {
    switch (cmd) {
      case 'protection_status':
        return this.current();
      case 'unlock':
        return this.unlock(args.secret as string);
      case 'set_up_protection': {
        if (this.status.state !== 'setup') return this.current();
        const err = validatePassphrase('passphrase', args.passphrase as string);
        if (err) throw err;
        this.passphrase = args.passphrase as string;
        this.status.state = 'open';
        this.newCode();
        return this.current();
      }
      case 'lock_now':
        if (!this.passphrase || !this.status.appLock)
          throw invalid('lock', 'To lock Alongside, first turn on the app lock with a passphrase in Settings.');
        this.status = { ...this.status, state: 'locked', lockedBecause: 'appLock' };
        return this.current();
      case 'set_passphrase': {
        this.needOpen();
        const current = args.current as string | null;
        if (this.passphrase !== null && current !== this.passphrase)
          throw invalid('current', 'That is not your current passphrase. Nothing was changed.');
        const err = validatePassphrase('passphrase', args.passphrase as string);
        if (err) throw err;
        this.passphrase = args.passphrase as string;
        return this.current();
      }
      case 'new_recovery_code':
        this.needOpen();
        this.newCode();
        return this.current();
      case 'recovery_code_saved':
        this.needOpen();
        this.recoverySaved = true;
        this.status.recoveryCodeToShow = null;
        return this.current();
      case 'set_app_lock': {
        this.needOpen();
        const on = args.on as boolean;
        const idle = args.idleMinutes as number | null;
        if (on && !this.passphrase)
          throw invalid('lock', 'Please set a passphrase first: it is what opens Alongside when it is locked.');
        if (idle !== null && !IDLE_CHOICES.includes(idle))
          throw invalid('idle', 'Please choose 1, 5, 15 or 60 minutes, or never.');
        this.status.appLock = on;
        this.status.idleMinutes = on ? idle : null;
        return this.current();
      }
      case 'set_pin': {
        this.needOpen();
        if (this.passphrase === null || args.passphrase !== this.passphrase)
          throw invalid('current', 'That is not your passphrase. Nothing was changed.');
        const pin = args.pin as string | null;
        if (pin === null) {
          this.pin = null;
          return this.current();
        }
        if (!looksLikePin(pin)) throw invalid('pin', 'Please use 4 to 12 digits for your PIN.');
        if (!this.status.keyStore) throw invalid('pin', PIN_NEEDS_KEY_STORE);
        this.pin = pin.trim();
        return this.current();
      }
      default:
        throw new Error(`unknown protection command ${cmd}`);
    }
  }

  private unlock(secret: string): ProtectionStatus {
    const reason = this.status.lockedBecause;
    if (this.status.state !== 'locked' || !reason) return this.current();
    const wait = this.current().retryInSeconds;
    if (wait > 0)
      throw invalid(
        'secret',
        `Please wait ${wait} seconds before trying again. Nothing is lost: Alongside never erases your data after wrong tries.`,
      );
    if (!secret.trim()) throw invalid('secret', 'Please type your passphrase or recovery code.');
    if (this.pin !== null && looksLikePin(secret) && secret.trim() === this.pin) {
      // The key comes from the key store, and only for the app lock; not a wrong try either way.
      if (reason !== 'appLock' || !this.status.keyStore) throw invalid('secret', PIN_CANNOT_OPEN);
      return this.opened(reason);
    }
    const code = normalizeRecoveryCode(secret);
    const opens =
      (this.passphrase !== null && secret === this.passphrase) ||
      (code !== null && code === normalizeRecoveryCode(this.recoveryCode));
    if (!opens) {
      this.failedTries += 1;
      const delay = retryDelaySeconds(this.failedTries);
      this.retryUntil = delay > 0 ? Date.now() + delay * 1000 : 0;
      const then = delay > 0 ? ` Please wait ${delay} seconds before the next try.` : '';
      throw invalid(
        'secret',
        `That doesn't open Alongside. Please check it and try again; capital letters matter in a passphrase.${then}`,
      );
    }
    return this.opened(reason);
  }

  private opened(reason: NonNullable<ProtectionStatus['lockedBecause']>): ProtectionStatus {
    this.failedTries = 0;
    this.retryUntil = 0;
    if (reason !== 'appLock') this.status.keyStore = true;
    this.status = { ...this.status, state: 'open', lockedBecause: null };
    if (!this.recoverySaved) this.newCode();
    return this.current();
  }
}
