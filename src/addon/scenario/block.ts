// What every block of the scenario sheet is written with: the grid it fills, the places
// its formulas refer to, and the scenario and catalog it lays out.
import type { CatalogIndex, ScenarioResult, ScenarioTables, TableKey } from '../../engine';
import type { Formula } from './formulas';
import type { Grid } from './grid';
import type { Places } from './places';

export interface Block {
  readonly grid: Grid;
  readonly places: Places;
  readonly formula: Formula;
  readonly result: ScenarioResult;
  readonly index: CatalogIndex;
  /** The tables' rows: catalog names, and the months of the timeline. */
  readonly tables: ScenarioTables;
  /** Each catalog table's last taken row when the scenario is made (spare rows read below). */
  readonly catalogEnds: Readonly<Record<TableKey, number>>;
}
