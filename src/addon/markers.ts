// Developer metadata keys that mark the sheets the add-in made. Metadata stays with a
// sheet through renames and moves and goes when the sheet is deleted, so it recognises a
// scenario sheet whatever the user calls it; a sheet the user made never carries one.

/** On every scenario sheet generateScenario writes. */
export const SCENARIO_METADATA_KEY = 'ftScenario';
/** On the "FT Compare" sheet compareScenarios writes. */
export const COMPARE_METADATA_KEY = 'ftCompare';

/** What a scenario's marker records of its two-way grid: the selector, the grid's corners. */
export const GRID_CELLS = ['whatIf.shows', 'whatIf.gridFirst', 'whatIf.gridLast'] as const;
