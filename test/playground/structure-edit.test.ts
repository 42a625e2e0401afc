// Rows and columns inserted and deleted in the emulated workbook: cells move, formulas
// on every sheet and chart ranges follow, frozen rows and column widths keep their place.
import { createWorkbook } from '../../emulator';
import type { ChartRecord } from '../../emulator';
import { applyStructureChange } from '../../playground/edit/structure-edit';

function setup(): ReturnType<typeof createWorkbook> {
  const workbook = createWorkbook({ sheets: ['Data', 'Other'] });
  workbook.write('Data', 'A1', [
    ['Month', 'Cost'],
    [1, 10],
    [2, 20],
    [3, 30],
  ]);
  workbook.write('Data', 'D1', [['=SUM(B2:B4)']]);
  workbook.write('Other', 'A1', [['=Data!B3*2', "='Data'!A2:B4", '=B3']]);
  const chart: ChartRecord = {
    chartType: 'LINE',
    ranges: [{ sheet: 'Data', a1: 'A1:B4' }],
    options: {},
    position: { row: 6, column: 2, offsetX: 0, offsetY: 0 },
  };
  workbook.rawSheet('Data').charts.push(chart);
  workbook.rawSheet('Data').frozenRows = 1;
  workbook.rawSheet('Data').columnWidths.set(2, 150);
  return workbook;
}

const sheets = (
  workbook: ReturnType<typeof createWorkbook>,
): ReturnType<typeof workbook.rawSheet>[] =>
  workbook.sheetNames().map((name) => workbook.rawSheet(name));

describe('applyStructureChange', () => {
  test('a row inserted inside a table: cells, formulas on both sheets and the chart follow', () => {
    const workbook = setup();
    const data = workbook.rawSheet('Data');
    applyStructureChange(data, sheets(workbook), {
      kind: 'insert',
      sheet: 'Data',
      axis: 'rows',
      index: 3,
      count: 1,
    });
    expect(workbook.formulas('Data')[0][3]).toBe('=SUM(B2:B5)');
    expect(workbook.values('Data').map((row) => row[1])).toEqual(['Cost', 10, '', 20, 30]);
    // References to other sheets by name (quoted or not) follow; Other's own B3 does not.
    expect(workbook.formulas('Other')[0]).toEqual(['=Data!B4*2', "='Data'!A2:B5", '=B3']);
    expect(data.charts[0].ranges[0].a1).toBe('A1:B5');
    // The chart was anchored at row 6, below the insert: now row 7.
    expect(data.charts[0].position.row).toBe(7);
    expect(data.maxRows).toBe(1001);
    expect(data.frozenRows).toBe(1);
  });

  test('a column deleted: references past it move left, ranges across it shrink, widths move', () => {
    const workbook = setup();
    const data = workbook.rawSheet('Data');
    data.columnWidths.set(3, 90);
    applyStructureChange(data, sheets(workbook), {
      kind: 'delete',
      sheet: 'Data',
      axis: 'columns',
      index: 1,
      count: 1,
    });
    // SUM(B2:B4) was in D1: now in C1 and over A2:A4.
    expect(workbook.formulas('Data')[0][2]).toBe('=SUM(A2:A4)');
    expect(workbook.formulas('Other')[0]).toEqual(['=Data!A3*2', "='Data'!A2:A4", '=B3']);
    expect(data.charts[0].ranges[0].a1).toBe('A1:A4');
    expect(data.charts[0].position.column).toBe(1);
    // Column B's width (150) is now column A's; C's (90) is B's.
    expect([...data.columnWidths].sort()).toEqual([
      [1, 150],
      [2, 90],
    ]);
  });

  test('the frozen header row shrinks when deleted, and bad positions are refused with a message', () => {
    const workbook = setup();
    const data = workbook.rawSheet('Data');
    applyStructureChange(data, sheets(workbook), {
      kind: 'delete',
      sheet: 'Data',
      axis: 'rows',
      index: 1,
      count: 1,
    });
    expect(data.frozenRows).toBe(0);
    expect(workbook.formulas('Other')[0][0]).toBe('=Data!B2*2');
    expect(() =>
      applyStructureChange(data, sheets(workbook), {
        kind: 'delete',
        sheet: 'Data',
        axis: 'rows',
        index: 999,
        count: 5,
      }),
    ).toThrow(/Those rows are out of bounds/);
    expect(() =>
      applyStructureChange(data, sheets(workbook), {
        kind: 'insert',
        sheet: 'Data',
        axis: 'columns',
        index: 2,
        count: 0,
      }),
    ).toThrow(/number of columns must be a whole number from 1 to 1000, not 0/);
  });
});
