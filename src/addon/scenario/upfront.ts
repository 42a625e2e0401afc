// The up-front breakdown inside Results (E:G from row 18): each item of the total cost of
// ownership, then the total in bold. The pie chart draws these rows.
import type { Block } from './block';
import { RESULTS_COLUMN, upfrontHeaderRow } from './places';
import { writeResultGroup } from './results';

export function writeUpfront(block: Block): void {
  const { grid, places } = block;
  const { upfront, upfrontTotal } = places.results;
  grid.header(upfrontHeaderRow(), RESULTS_COLUMN, ['Up-front breakdown', 'Amount', '']);
  writeResultGroup(block, upfront);
  writeResultGroup(block, upfrontTotal);
  upfront[1].forEach((item, i) => {
    places.cells[`upfront.${i}`] = places.cells[item.name];
  });
  const [total] = upfrontTotal;
  grid.bold(total, RESULTS_COLUMN);
  grid.bold(total, RESULTS_COLUMN + 1);
}
