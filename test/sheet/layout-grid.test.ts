// The scenario layout's grid refuses a cell two blocks claim: a group of results that grows
// (a metric added to the model) must push the groups below it down, never write over them.
import { Grid } from '../../src/addon/scenario/grid';

test('a cell written twice is a layout error; a blank write is not', () => {
  const grid = new Grid(4);
  grid.set(3, 2, '=A1');
  grid.set(3, 3, '');
  grid.set(3, 3, 'Label');
  expect(() => grid.set(3, 2, 5)).toThrow('scenario layout: row 3, column 2 is written twice');
  expect(() => grid.label(3, 3, 'Other')).toThrow('written twice');
});
