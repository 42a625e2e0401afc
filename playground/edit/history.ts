// Undo and redo: a bounded list of steps and a cursor. A new step drops whatever
// had been undone (as in Sheets, typing after an undo ends the redo).

export const HISTORY_LIMIT = 100;

export class History<Step> {
  private readonly steps: Step[] = [];
  /** How many of `steps` are done (the rest were undone and may be redone). */
  private done = 0;

  constructor(private readonly limit: number = HISTORY_LIMIT) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new Error(`History limit must be a whole number of at least 1, not ${limit}.`);
  }

  record(step: Step): void {
    this.steps.length = this.done;
    this.steps.push(step);
    if (this.steps.length > this.limit) this.steps.shift();
    this.done = this.steps.length;
  }

  /** The step to undo (now counted as undone), or undefined when there is none. */
  undo(): Step | undefined {
    if (this.done === 0) return undefined;
    this.done--;
    return this.steps[this.done];
  }

  /** The step to redo (now counted as done again), or undefined when there is none. */
  redo(): Step | undefined {
    if (this.done === this.steps.length) return undefined;
    return this.steps[this.done++];
  }

  canUndo(): boolean {
    return this.done > 0;
  }

  canRedo(): boolean {
    return this.done < this.steps.length;
  }

  clear(): void {
    this.steps.length = 0;
    this.done = 0;
  }
}
