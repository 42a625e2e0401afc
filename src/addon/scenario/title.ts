// Rows 1-2: the scenario's title and its verdict, in bold above everything.
import { TITLE, VERDICT } from '../../engine';
import type { Block } from './block';

export function writeTitle({ grid, places, formula }: Block): void {
  grid.set(1, 1, formula(TITLE().expr));
  grid.bold(1, 1);
  grid.set(2, 1, `=${places.at.get(VERDICT().name) ?? ''}`);
  grid.bold(2, 1);
}
