// Counts every call the add-in makes into an emulated service and injects faults.
// One counter serves the whole workbook, so "the nth call" means the nth call the
// script made, whatever object it was made on, as a round trip to Google would be.

/** The message Apps Script gives when a Spreadsheet service call fails on Google's side. */
export const SERVICE_FAILURE =
  'Service Spreadsheets failed while accessing document with id emulated-spreadsheet.';

export class CallCounter {
  /** Every call so far, as "Class.method", in order. */
  readonly log: string[] = [];
  private failAt = 0;

  get count(): number {
    return this.log.length;
  }

  /** Records one call; throws the injected fault when this is the call chosen by failAtCall. */
  tick(name: string): void {
    this.log.push(name);
    if (this.failAt > 0 && this.log.length === this.failAt) {
      // A fault fires once, as a transient server error does; the calls after it succeed.
      this.failAt = 0;
      throw new Error(SERVICE_FAILURE);
    }
  }

  /** Makes the nth call from now (1-based) throw; 0 turns fault injection off. */
  failAtCall(n: number): void {
    this.failAt = n > 0 ? this.log.length + n : 0;
  }

  reset(): void {
    this.log.length = 0;
    this.failAt = 0;
  }
}
