// Undo/redo history: steps in order, a bounded length, and redo dropped by a new step.
import { History } from '../../playground/edit/history';

describe('History', () => {
  test('undo gives steps back newest first, redo replays them in order', () => {
    const history = new History<string>();
    history.record('a');
    history.record('b');
    expect(history.undo()).toBe('b');
    expect(history.undo()).toBe('a');
    expect(history.undo()).toBeUndefined();
    expect(history.redo()).toBe('a');
    expect(history.redo()).toBe('b');
    expect(history.redo()).toBeUndefined();
  });

  test('a new step after an undo ends the redo, as in Sheets', () => {
    const history = new History<string>();
    history.record('a');
    history.record('b');
    history.undo();
    history.record('c');
    expect(history.canRedo()).toBe(false);
    expect(history.undo()).toBe('c');
    expect(history.undo()).toBe('a');
  });

  test('keeps the last `limit` steps (at least the 50 the playground promises)', () => {
    const history = new History<number>(60);
    for (let step = 1; step <= 100; step++) history.record(step);
    const undone: number[] = [];
    for (let step = history.undo(); step !== undefined; step = history.undo()) undone.push(step);
    // 100 steps recorded, 60 kept: 100 down to 41.
    expect(undone).toHaveLength(60);
    expect(undone[0]).toBe(100);
    expect(undone[59]).toBe(41);
  });

  test('a limit below 1 is refused with a message naming it', () => {
    expect(() => new History<number>(0)).toThrow(/History limit.*0/);
  });
});
