// Puts a scenario's layout on its new sheet: cells, formats and formulas one call per kind,
// the inputs' validation and a warning on everything else, and the charts.
import { CATALOG_FIRST_ROW, catalogColumn } from './catalog-sheet';
import { splitFormulas } from './formula-blocks';
import { inputRule } from './input-rules';
import type { InputRule } from './input-rules';
import { ensureSheetSize } from './sheet-size';
import type { InputCell, ScenarioLayout } from './scenario-layout';
import { a1Of, rangesOf } from './sheet-ranges';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** The rule of each input cell, built with one builder (builders are local objects). */
function validationRules(
  inputs: readonly InputCell[],
  catalogSheet: Sheet,
): GoogleAppsScript.Spreadsheet.DataValidation[][] {
  const rules = inputs.map((input): InputRule => inputRule(input.field));
  // The whole name column below each list table's header: rows a user adds are listed.
  const tables = [...new Set(rules.flatMap((rule) => (rule.kind === 'list' ? [rule.table] : [])))];
  const columns = rangesOf(
    catalogSheet,
    tables.map((table) => {
      const letter = catalogColumn(table, 0);
      return `${letter}${CATALOG_FIRST_ROW}:${letter}`;
    }),
  );
  const builder = SpreadsheetApp.newDataValidation();
  return rules.map((rule) => {
    if (rule.kind === 'list')
      builder.requireValueInRange(columns[tables.indexOf(rule.table)], true);
    else if (rule.kind === 'choices') builder.requireValueInList([...rule.values], true);
    else if (rule.kind === 'between') builder.requireNumberBetween(rule.min, rule.max);
    else if (rule.kind === 'above') builder.requireNumberGreaterThan(rule.min);
    else builder.requireNumberGreaterThanOrEqualTo(rule.min);
    return [builder.setAllowInvalid(rule.allowInvalid).setHelpText(rule.helpText).build()];
  });
}

/** The input cells as one range (they are one column, one row per field). */
function inputRange(sheet: Sheet, inputs: readonly InputCell[]): Range {
  const [first] = inputs;
  inputs.forEach((input, i) => {
    if (input.column !== first.column || input.row !== first.row + i)
      throw new Error('scenario layout: the input cells are not one column');
  });
  return sheet.getRange(first.row, first.column, inputs.length, 1);
}

const PROTECTION_NOTE =
  'Fine-tuning cost scenario: its results are formulas. Edit the yellow inputs; Sheets asks before you type over anything else.';

/** Rows and columns the cells and charts reach, asked of the sheet (not assumed 1,000 x 26). */
function growSheet(sheet: Sheet, layout: ScenarioLayout): void {
  const rowsNeeded = Math.max(
    layout.rows,
    ...layout.charts.map((chart) => Math.max(chart.anchorRow, chart.range[0] + chart.range[2] - 1)),
  );
  ensureSheetSize(sheet, rowsNeeded, layout.columns);
}

/** One range, one call per kind: the count does not grow with the timeline or the catalog. */
function writeCells(
  sheet: Sheet,
  layout: ScenarioLayout,
  cells: ReturnType<typeof splitFormulas>,
  blockRanges: readonly Range[],
): void {
  const range = sheet.getRange(1, 1, layout.rows, layout.columns);
  range.setValues(cells.values);
  range.setNumberFormats(layout.formats);
  range.setFontWeights(layout.weights);
  range.setBackgrounds(layout.backgrounds);
  // Formulas in en_US syntax whatever the spreadsheet's locale (src/addon/formula-blocks.ts).
  cells.blocks.forEach((block, i) => blockRanges[i].setFormulas(block.formulas));
  sheet.setFrozenRows(layout.frozenRows);
  for (const { first, count, width } of layout.columnWidths) {
    sheet.setColumnWidths(first, count, width);
  }
}

/** The inputs' validation, and a warning before typing over anything else. */
function protectFormulas(sheet: Sheet, layout: ScenarioLayout, catalogSheet: Sheet): void {
  const inputs = inputRange(sheet, layout.inputs);
  inputs.setDataValidations(validationRules(layout.inputs, catalogSheet));
  // A warning (not a lock) on everything but the yellow inputs: typing over a formula asks
  // first, and the add-in's own later writes, which warnings do not stop, still work.
  sheet
    .protect()
    .setWarningOnly(true)
    .setUnprotectedRanges([inputs])
    .setDescription(PROTECTION_NOTE);
}

function insertCharts(sheet: Sheet, layout: ScenarioLayout, chartRanges: readonly Range[]): void {
  layout.charts.forEach((chart, i) => {
    const builder = sheet
      .newChart()
      .setChartType(Charts.ChartType[chart.type])
      .addRange(chartRanges[i])
      .setNumHeaders(chart.numHeaders)
      .setOption('title', chart.title)
      .setPosition(chart.anchorRow, chart.anchorColumn, 0, 0);
    for (const [option, value] of Object.entries(chart.options)) builder.setOption(option, value);
    sheet.insertChart(builder.build());
  });
}

/** Writes a layout on a new sheet; list inputs are validated against the catalog sheet. */
export function writeScenario(sheet: Sheet, layout: ScenarioLayout, catalogSheet: Sheet): void {
  growSheet(sheet, layout);
  const cells = splitFormulas(layout.values);
  // The formula blocks' and the charts' ranges, all of this sheet, in one pair of calls.
  const ranges = rangesOf(sheet, [
    ...cells.blocks.map((block) =>
      a1Of(block.row, block.column, block.formulas.length, block.formulas[0].length),
    ),
    ...layout.charts.map((chart) => a1Of(...chart.range)),
  ]);
  writeCells(sheet, layout, cells, ranges.slice(0, cells.blocks.length));
  protectFormulas(sheet, layout, catalogSheet);
  insertCharts(sheet, layout, ranges.slice(cells.blocks.length));
}
