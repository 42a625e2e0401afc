// Which price of a managed fine-tuning service applies: services price by model-size bracket
// and method (catalog.ts, ManagedFineTuningRow). One rule for the FT_* functions, the engine's
// scenario and the scenario sheet's formulas (src/addon/lookup-formulas.ts, bracketScores).
import type { ManagedFineTuningRow } from './catalog';
import { normalizeName } from './names';

/** The size limit of a row without one (every size): larger than any model. */
export const NO_SIZE_LIMIT = 1e300;
/** The score when no row applies: larger than any row's. */
export const NO_BRACKET = 1e308;

/** A row's size limit, NO_SIZE_LIMIT when it has none. */
export function sizeLimit(row: ManagedFineTuningRow): number {
  return row.upToBillions ?? NO_SIZE_LIMIT;
}

/**
 * A row's rank for a model (lower wins): twice its size limit, plus one for a row of every
 * method, so the smallest bracket that holds the size wins and, within it, the method's own
 * row. NO_BRACKET when it does not apply (too small a bracket, or another method). A size
 * limit holds its own size: 16 is in "up to 16B", 16.1 is not.
 */
export function bracketScore(
  row: ManagedFineTuningRow,
  sizeBillions: number,
  methodMatches: (method: string) => boolean,
): number {
  const limit = sizeLimit(row);
  if (!(sizeBillions <= limit)) return NO_BRACKET;
  const method = row.method ?? '';
  if (method === '') return 2 * limit + 1;
  return methodMatches(method) ? 2 * limit : NO_BRACKET;
}

/**
 * The row that prices a model of a size (billions; undefined: a row for every size) and a
 * method (undefined: a row for every method) among one service's rows; undefined when none
 * does. Of two rows with one bracket and method, the later (lower in the sheet) wins.
 */
export function pickBracket(
  rows: readonly ManagedFineTuningRow[],
  sizeBillions: number | undefined,
  method: string | undefined,
): ManagedFineTuningRow | undefined {
  const key = method === undefined ? undefined : normalizeName(method);
  const matches = (rowMethod: string): boolean => normalizeName(rowMethod) === key;
  let best: ManagedFineTuningRow | undefined;
  let bestScore = NO_BRACKET;
  for (const row of rows) {
    const score = bracketScore(row, sizeBillions ?? NO_SIZE_LIMIT, matches);
    if (score < NO_BRACKET && score <= bestScore) {
      best = row;
      bestScore = score;
    }
  }
  return best;
}

/** "LoRA, 13B" for messages: what a price was looked for. */
export function bracketWanted(
  sizeBillions: number | undefined,
  method: string | undefined,
): string {
  const size = sizeBillions === undefined ? 'any model size' : `a ${sizeBillions}B model`;
  return method === undefined ? `${size} and any method` : `${size} with ${method}`;
}
