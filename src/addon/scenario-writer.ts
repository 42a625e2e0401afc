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
  builder: GoogleAppsScript.Spreadsheet.DataValidationBuilder,
  services: Range,
): GoogleAppsScript.Spreadsheet.DataValidation[][] {
  const rules = inputs.map((input): InputRule => inputRule(input.field));
  // The whole name column below each list table's header: rows a user adds are listed. The
  // managed table names a service once per price: its list is this sheet's, each name once.
  const tables = [
    ...new Set(
      rules.flatMap((rule) =>
        rule.kind === 'list' && rule.table !== 'managed' ? [rule.table] : [],
      ),
    ),
  ];
  const columns = rangesOf(
    catalogSheet,
    tables.map((table) => {
      const letter = catalogColumn(table, 0);
      return `${letter}${CATALOG_FIRST_ROW}:${letter}`;
    }),
  );
  return rules.map((rule) => {
    if (rule.kind === 'list')
      builder.requireValueInRange(
        rule.table === 'managed' ? services : columns[tables.indexOf(rule.table)],
        true,
      );
    else if (rule.kind === 'choices') builder.requireValueInList([...rule.values], true);
    else if (rule.kind === 'between') builder.requireNumberBetween(rule.min, rule.max);
    else if (rule.kind === 'date') builder.requireDate();
    else if (rule.kind === 'above') builder.requireNumberGreaterThan(rule.min);
    else builder.requireNumberGreaterThanOrEqualTo(rule.min);
    return [builder.setAllowInvalid(rule.allowInvalid).setHelpText(rule.helpText).build()];
  });
}

/** The what-if inputs' rules (one builder, as above); range rules read this sheet's ranges. */
function whatIfRules(
  layout: ScenarioLayout,
  ranges: readonly Range[],
  builder: GoogleAppsScript.Spreadsheet.DataValidationBuilder,
): GoogleAppsScript.Spreadsheet.DataValidation[][] {
  let next = 0;
  return layout.whatIf.rules.map((rule) => {
    if (rule.kind === 'range') builder.requireValueInRange(ranges[next++], true);
    else if (rule.kind === 'list') builder.requireValueInList(rule.values.slice(), true);
    else builder.requireNumberGreaterThanOrEqualTo(rule.min);
    return [builder.setAllowInvalid(false).setHelpText(rule.helpText).build()];
  });
}

/** The ranges the what-if part needs, in order: its inputs, its editable cells, its rules' lists. */
function whatIfRanges(layout: ScenarioLayout): string[] {
  const { column, row, rules, editable } = layout.whatIf;
  return [
    a1Of(row, column, rules.length, 1),
    ...editable,
    ...rules.flatMap((rule) => (rule.kind === 'range' ? [rule.a1] : [])),
  ];
}

/** The grid's colours: a rule per status over the grid (one call). */
function colourGrid(sheet: Sheet, layout: ScenarioLayout, grid: Range): void {
  const builder = SpreadsheetApp.newConditionalFormatRule();
  const rules = layout.whatIf.colours.rules.map((rule) =>
    builder
      .whenFormulaSatisfied(rule.formula)
      .setBackground(rule.background)
      .setRanges([grid])
      .build(),
  );
  sheet.setConditionalFormatRules(rules);
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
function protectFormulas(
  sheet: Sheet,
  layout: ScenarioLayout,
  catalogSheet: Sheet,
  ranges: readonly Range[],
): void {
  const inputs = inputRange(sheet, layout.inputs);
  // One builder for every rule (builders are local objects; each build() is a new rule).
  const builder = SpreadsheetApp.newDataValidation();
  const [services, whatIfInputs, ...rest] = ranges;
  inputs.setDataValidations(validationRules(layout.inputs, catalogSheet, builder, services));
  const editable = rest.slice(0, layout.whatIf.editable.length);
  whatIfInputs.setDataValidations(whatIfRules(layout, rest.slice(editable.length), builder));
  // A warning (not a lock) on everything but the yellow inputs: typing over a formula asks
  // first, and the add-in's own later writes, which warnings do not stop, still work.
  sheet
    .protect()
    .setWarningOnly(true)
    .setUnprotectedRanges([inputs, whatIfInputs, ...editable])
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
    a1Of(...layout.whatIf.colours.range),
    layout.servicesList,
    ...whatIfRanges(layout),
  ]);
  const charts = cells.blocks.length + layout.charts.length;
  writeCells(sheet, layout, cells, ranges.slice(0, cells.blocks.length));
  protectFormulas(sheet, layout, catalogSheet, ranges.slice(charts + 1));
  colourGrid(sheet, layout, ranges[charts]);
  insertCharts(sheet, layout, ranges.slice(cells.blocks.length, charts));
}
