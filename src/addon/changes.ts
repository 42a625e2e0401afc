// What one run of the add-in has changed, so that a failure half-way undoes it, and the
// message that says what failed and what state the spreadsheet is left in.
import { messageOf } from '../shared/message';

/** What the add-in has changed so far in one run, to undo it if a later step fails. */
export class Changes {
  private readonly undos: { what: string; undo: () => void }[] = [];
  made = false;

  add(what: string, undo: () => void): void {
    this.undos.push({ what, undo });
    this.made = true;
  }

  /** Undoes everything, newest first; returns what could not be undone. */
  rollback(): string[] {
    const failed: string[] = [];
    for (const { what, undo } of this.undos.reverse()) {
      try {
        undo();
      } catch (error) {
        failed.push(`${what} (${clause(messageOf(error))})`);
      }
    }
    return failed;
  }
}

/** A message without its final period, to be followed by more sentences. */
export function clause(text: string): string {
  return text.replace(/[.\s]+$/, '');
}

/**
 * A call failed and even asking what it did failed: the message says what may be left
 * (a sheet, rows), so the final sentence speaks of everything else.
 */
export function uncertain(error: unknown, mayBeLeft: string): Error {
  const found = new Error(`${clause(messageOf(error))}. ${mayBeLeft}`);
  found.name = 'UncertainWrite';
  return found;
}

/** The failure message: what failed, why, and what state the spreadsheet is left in. */
export function failure(doing: string, error: unknown, changes: Changes): Error {
  const cause = clause(messageOf(error));
  const uncertainty = error instanceof Error && error.name === 'UncertainWrite';
  if (!changes.made) {
    return new Error(
      `Could not ${doing}: ${cause}. ${uncertainty ? 'Nothing else was changed.' : 'Nothing was changed.'}`,
    );
  }
  const failed = changes.rollback();
  if (failed.length === 0) {
    return new Error(
      `Could not ${doing}: ${cause}. What it had started was undone; no other sheet was changed.`,
    );
  }
  return new Error(
    `Could not ${doing}: ${cause}. Undoing what it had started failed too: ${failed.map(clause).join('; ')}. ` +
      'Please remove that by hand; no other sheet was changed.',
  );
}
