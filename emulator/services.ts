// LockService and the part of Utilities the add-in uses. Neither is a SpreadsheetApp call,
// so neither is counted by the workbook's call counter.
import { partsInZone } from './cells';

type GasLock = GoogleAppsScript.Lock.Lock;

/** The document lock's state, shared by every Lock object of one workbook. */
export interface LockState {
  /** The id of the Lock object that holds the lock, or null. */
  holder: number | null;
  nextId: number;
  /** Listeners to run once, right after the next release (tests start a waiting run there). */
  released: (() => void)[];
}

/** Apps Script's message when waitLock gives up. */
export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

/**
 * One execution's lock. The emulator runs one execution at a time, so a lock another
 * execution holds is never released while this one waits: waitLock fails at once with
 * Apps Script's timeout message (tests model "the second run waits" by starting it
 * from onLockReleased instead).
 */
export class EmulatedLock implements Pick<
  GasLock,
  'waitLock' | 'tryLock' | 'releaseLock' | 'hasLock'
> {
  private readonly id: number;

  constructor(private readonly state: LockState) {
    this.id = state.nextId++;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error(LOCK_TIMEOUT);
  }

  tryLock(timeoutInMillis: number): boolean {
    if (typeof timeoutInMillis !== 'number' || !(timeoutInMillis >= 0)) {
      throw new Error(
        `The parameters (${typeof timeoutInMillis}) don't match the method signature for LockService.Lock.tryLock.`,
      );
    }
    if (this.state.holder !== null && this.state.holder !== this.id) return false;
    this.state.holder = this.id;
    return true;
  }

  releaseLock(): void {
    if (this.state.holder !== this.id) return;
    this.state.holder = null;
    const listeners = this.state.released.splice(0);
    for (const listener of listeners) listener();
  }

  hasLock(): boolean {
    return this.state.holder === this.id;
  }
}

export interface LockServiceEmulation {
  getDocumentLock(): EmulatedLock;
}

export function createLockService(state: LockState): LockServiceEmulation {
  return { getDocumentLock: () => new EmulatedLock(state) };
}

export interface UtilitiesEmulation {
  formatDate(date: Date, timeZone: string, format: string): string;
}

/** Utilities.formatDate for the SimpleDateFormat letters yyyy, MM, dd, HH, mm and ss. */
export function formatDate(date: unknown, timeZone: unknown, format: unknown): string {
  if (
    Object.prototype.toString.call(date) !== '[object Date]' ||
    typeof timeZone !== 'string' ||
    typeof format !== 'string'
  ) {
    throw new Error("The parameters don't match the method signature for Utilities.formatDate.");
  }
  const parts = partsInZone(date as Date, timeZone);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  const letters: Record<string, string> = {
    yyyy: part('year'),
    MM: part('month'),
    dd: part('day'),
    HH: part('hour'),
    mm: part('minute'),
    ss: part('second'),
  };
  return format.replace(/yyyy|MM|dd|HH|mm|ss/g, (token) => letters[token]);
}
