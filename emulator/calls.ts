// Counts every call the add-in makes into an emulated service and injects faults.
// One counter serves the whole workbook, so "the nth call" means the nth call the
// script made, whatever object it was made on, as a round trip to Google would be.

/** The message Apps Script gives when a Spreadsheet service call fails on Google's side. */
export const SERVICE_FAILURE =
  'Service Spreadsheets failed while accessing document with id emulated-spreadsheet.';

/** How an injected fault strikes. */
export type FaultKind =
  /** The chosen call fails before it takes effect, once (a transient server error). */
  | 'once'
  /** The chosen call and every call after it fail (an outage that lasts). */
  | 'outage'
  /** The chosen call takes effect, then reports the error (a timeout after the write). */
  | 'afterEffect';

export class CallCounter {
  /** Every call so far, as "Class.method", in order. */
  readonly log: string[] = [];
  private failAt = 0;
  private kind: FaultKind = 'once';
  /** Set by tick() when the current call must throw once it has taken effect. */
  private pendingAfterEffect = false;

  get count(): number {
    return this.log.length;
  }

  /** Records one call; throws the injected fault when this is a call chosen to fail first. */
  tick(name: string): void {
    this.log.push(name);
    this.pendingAfterEffect = false;
    if (this.failAt === 0 || this.log.length < this.failAt) return;
    if (this.kind === 'outage') throw new Error(SERVICE_FAILURE);
    if (this.log.length !== this.failAt) return;
    this.failAt = 0;
    if (this.kind === 'afterEffect') {
      this.pendingAfterEffect = true;
      return;
    }
    throw new Error(SERVICE_FAILURE);
  }

  /**
   * Called by a method after its effect: throws the fault of an 'afterEffect' call. Methods
   * that change the document call it (insertSheet, deleteSheet, the Range writes, protect,
   * insertChart, ...); on a method that does not, the fault is dropped, as if the call had
   * succeeded.
   */
  settle(): void {
    if (!this.pendingAfterEffect) return;
    this.pendingAfterEffect = false;
    throw new Error(SERVICE_FAILURE);
  }

  /** Makes the nth call from now (1-based) fail as `kind` says; 0 turns fault injection off. */
  failAtCall(n: number, kind: FaultKind = 'once'): void {
    this.failAt = n > 0 ? this.log.length + n : 0;
    this.kind = kind;
    this.pendingAfterEffect = false;
  }

  reset(): void {
    this.log.length = 0;
    this.failAt = 0;
    this.kind = 'once';
    this.pendingAfterEffect = false;
  }
}
