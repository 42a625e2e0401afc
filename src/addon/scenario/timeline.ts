// The monthly timeline (I:N): month 0 to the horizon, a row each, cumulative API,
// fine-tuned and managed costs and the savings; the cumulative chart draws it.
import type { Block } from './block';
import { FIRST_ROW, HEADER_ROW, rel, TIMELINE_COLUMN, TITLE_ROW } from './places';
import { writeTable } from './table';

export function writeTimeline(block: Block): void {
  const { grid, places } = block;
  const timeline = places.tables.timeline;
  const months = block.result.resolved.input.horizonMonths;
  grid.label(TITLE_ROW, TIMELINE_COLUMN, `Monthly timeline (0 to ${months} months)`, true);
  grid.header(
    HEADER_ROW,
    TIMELINE_COLUMN,
    timeline.columns.map((column) => column.label),
  );
  writeTable(block, timeline, []);
  places.cells.timelineFirst = rel(TIMELINE_COLUMN, FIRST_ROW);
}
