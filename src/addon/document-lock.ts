// One run of the add-in at a time on a spreadsheet.
import { messageOf } from '../shared/message';
import { clause } from './changes';

/** How long a run waits for another run of the add-in on this spreadsheet to finish. */
const LOCK_WAIT_MS = 30000;

/**
 * Runs `work` holding the document lock, so two runs (two users, or two clicks) never
 * write at once: the second waits, then sees what the first made (the catalog sheet).
 */
export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  try {
    lock.waitLock(LOCK_WAIT_MS);
  } catch (error) {
    // A new message that names the cause (ES2019 has no Error `cause` option).
    // eslint-disable-next-line preserve-caught-error
    throw new Error(
      `Another run of the add-in kept this spreadsheet busy for ${LOCK_WAIT_MS / 1000} seconds (${clause(messageOf(error))}). Nothing was changed; please try again.`,
    );
  }
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
