// The playground page: a spreadsheet-like view of the emulated workbook, its
// menus, the add-on's sidebar in a 300 px panel, and charts drawn as SVG.
import { columnLetter } from '../../src/shared/a1';
import {
  activateSheet,
  changeStructure,
  clearArea,
  fetchState,
  fillArea,
  pasteCells,
  redo,
  resetWorkbook,
  runFunction,
  setCell,
  undo,
} from './api';
import { RejectedEntry } from './api';
import type { Area } from './api';
import { boundsOf, contains, selectionName, single } from './selection';
import type { Bounds, CellPosition, Selection } from './selection';
import { fromTsv, toTsv } from './tsv';
import type { CellView, MenuView, SheetView, UiEvent, WorkbookView } from '../view';
import { needsProtectionWarning } from './protection';

const DEFAULT_COLUMN_WIDTH = 100;
const MIN_ROWS = 60;
const MIN_COLS = 26;

let state: WorkbookView | undefined;
let selection: Selection = single(0, 0);
let editing = false;
let cellIndex = new Map<string, CellView>();
/** This tab's sheet: each tab keeps its own, whatever other tabs show. */
let currentSheet: string | undefined;
/** Rows and columns drawn (the grid grows with the content and where the user goes). */
let drawnRows = 0;
let drawnCols = 0;
/** The furthest cell moved to; a whole column selected does not draw all its rows. */
let reach: CellPosition = { row: 0, col: 0 };

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`missing #${id}`);
  return element as T;
}

const grid = byId<HTMLTableElement>('grid');
const gridWrap = byId<HTMLDivElement>('grid-wrap');
const chartsLayer = byId<HTMLDivElement>('charts-layer');
const editor = byId<HTMLInputElement>('cell-editor');
const formulaInput = byId<HTMLInputElement>('formula-input');
const nameBox = byId<HTMLSpanElement>('name-box');
const cellError = byId<HTMLDivElement>('cell-error');
const tabs = byId<HTMLElement>('tabs');
const menubar = byId<HTMLElement>('menubar');
const sidebar = byId<HTMLElement>('sidebar');
const sidebarFrame = byId<HTMLIFrameElement>('sidebar-frame');
const sidebarTitle = byId<HTMLSpanElement>('sidebar-title');
const statusBox = byId<HTMLDivElement>('status');
const modal = byId<HTMLDivElement>('modal');
const modalTitle = byId<HTMLSpanElement>('modal-title');
const modalBody = byId<HTMLDivElement>('modal-body');
const dvList = byId<HTMLDivElement>('dv-list');
const dvHelp = byId<HTMLDivElement>('dv-help');
const linkChip = byId<HTMLDivElement>('link-chip');
const toastBox = byId<HTMLDivElement>('toast');

function activeSheet(): SheetView | undefined {
  return (
    state?.sheets.find((sheet) => sheet.name === currentSheet) ??
    state?.sheets.find((sheet) => sheet.name === state?.activeSheet) ??
    state?.sheets[0]
  );
}

let statusTimer = 0;
function showStatus(message: string): void {
  statusBox.textContent = message;
  statusBox.classList.add('show');
  window.clearTimeout(statusTimer);
  statusTimer = window.setTimeout(() => statusBox.classList.remove('show'), 4000);
}

/** What closing the modal with its × means (a question's Cancel). */
let onModalClose: (() => void) | undefined;

function showModal(title: string, content: string | HTMLElement): void {
  onModalClose?.();
  onModalClose = undefined;
  modalTitle.textContent = title;
  modalBody.replaceChildren(
    typeof content === 'string' ? document.createTextNode(content) : content,
  );
  modal.hidden = false;
}

function closeModal(): void {
  const cancel = onModalClose;
  onModalClose = undefined;
  modal.hidden = true;
  modalBody.replaceChildren();
  cancel?.();
}

// ---- Sheets' notices: toasts, the protected-range warning -----------------------

let toastTimer = 0;

/**
 * Spreadsheet.toast(msg, title, timeoutSeconds): a popup in the lower right corner with
 * the title and message, shown for timeoutSeconds (5 when not given; a negative value
 * keeps it until closed), as Apps Script's Spreadsheet.toast reference describes it.
 */
function showToast(title: string, message: string, timeoutSeconds?: number): void {
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'toast-close';
  close.setAttribute('aria-label', 'Close');
  close.textContent = '×';
  close.addEventListener('click', () => {
    toastBox.hidden = true;
  });
  const heading = document.createElement('div');
  heading.className = 'toast-title';
  heading.textContent = title;
  const body = document.createElement('div');
  body.className = 'toast-message';
  body.textContent = message;
  toastBox.replaceChildren(close, ...(title ? [heading] : []), body);
  toastBox.hidden = false;
  window.clearTimeout(toastTimer);
  const seconds = timeoutSeconds ?? 5;
  if (seconds >= 0) toastTimer = window.setTimeout(() => (toastBox.hidden = true), seconds * 1000);
}

/** Until when the protected-range warning stays quiet ("Don't show this again for 5 minutes"). */
let warningQuietUntil = 0;

/**
 * A warning-only protection's question before an edit of its cells: "every user can edit
 * data in the protected range, except editing will prompt a warning asking the user to
 * confirm the edit" (Sheets API, ProtectedRange.warningOnly). Resolves true for OK.
 */
function confirmProtectedEdit(description: string): Promise<boolean> {
  return new Promise((resolve) => {
    const box = document.createElement('div');
    box.className = 'protect-warning';
    const text = document.createElement('p');
    text.textContent =
      "You are trying to edit a protected cell or object. It shouldn't be changed accidentally: edit anyway?";
    const note = document.createElement('p');
    note.className = 'protect-description';
    note.textContent = description;
    const quiet = document.createElement('label');
    const check = document.createElement('input');
    check.type = 'checkbox';
    quiet.append(check, " Don't show this again for 5 minutes");
    const buttons = document.createElement('div');
    buttons.className = 'buttons';
    const answer = (ok: boolean): void => {
      onModalClose = undefined;
      if (ok && check.checked) warningQuietUntil = Date.now() + 5 * 60 * 1000;
      closeModal();
      resolve(ok);
    };
    for (const [label, ok] of [
      ['Cancel', false],
      ['OK', true],
    ] as const) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      button.dataset.answer = ok ? 'ok' : 'cancel';
      button.addEventListener('click', () => answer(ok));
      buttons.append(button);
    }
    box.append(text, ...(description ? [note] : []), quiet, buttons);
    showModal('Heads up!', box);
    onModalClose = () => resolve(false);
    (buttons.lastElementChild as HTMLButtonElement).focus();
  });
}

/** Runs an edit of `area`, asking first when it touches a warning-only protected cell. */
function guardedEdit(area: Area, edit: () => void): void {
  const sheet = activeSheet();
  const warning =
    sheet && Date.now() >= warningQuietUntil ? needsProtectionWarning(sheet, area) : undefined;
  if (!warning) {
    edit();
    return;
  }
  void confirmProtectedEdit(warning.description).then((ok) => {
    if (ok) edit();
    else if (pending === 0 && sheet) renderGrid(activeSheet() ?? sheet);
    gridWrap.focus({ preventScroll: true });
  });
}

// ---- grid ---------------------------------------------------------------

function renderGrid(sheet: SheetView): void {
  cellIndex = new Map(sheet.cells.map((cell) => [`${cell.row}:${cell.col}`, cell]));
  let lastRow = 0;
  let lastCol = 0;
  for (const cell of sheet.cells) {
    lastRow = Math.max(lastRow, cell.row + 1);
    lastCol = Math.max(lastCol, cell.col + 1);
  }
  for (const chart of sheet.charts) {
    lastRow = Math.max(lastRow, chart.row + Math.ceil((chart.offsetY + chart.height) / 21) + 1);
    lastCol = Math.max(
      lastCol,
      chart.col + Math.ceil((chart.offsetX + chart.width) / DEFAULT_COLUMN_WIDTH) + 1,
    );
  }
  const rows = Math.min(sheet.rows, Math.max(MIN_ROWS, lastRow + 20, reach.row + 2));
  const cols = Math.min(sheet.cols, Math.max(MIN_COLS, lastCol + 2, reach.col + 2));
  drawnRows = rows;
  drawnCols = cols;

  const colgroup = document.createElement('colgroup');
  const headerCol = document.createElement('col');
  headerCol.style.width = '46px';
  colgroup.append(headerCol);
  let totalWidth = 46;
  const headRow = document.createElement('tr');
  const corner = document.createElement('th');
  corner.className = 'corner';
  headRow.append(corner);
  for (let c = 0; c < cols; c++) {
    const col = document.createElement('col');
    const width = sheet.columnWidths[String(c + 1)] ?? DEFAULT_COLUMN_WIDTH;
    totalWidth += width;
    col.style.width = `${width}px`;
    colgroup.append(col);
    const th = document.createElement('th');
    th.textContent = columnLetter(c + 1);
    th.dataset.col = String(c);
    headRow.append(th);
  }
  const thead = document.createElement('thead');
  thead.append(headRow);
  const widths: number[] = [];
  for (let c = 0; c < cols; c++)
    widths.push(sheet.columnWidths[String(c + 1)] ?? DEFAULT_COLUMN_WIDTH);
  const tbody = document.createElement('tbody');
  for (let r = 0; r < rows; r++) {
    const tr = document.createElement('tr');
    if (sheet.frozenRows > 0 && r === sheet.frozenRows - 1) tr.className = 'frozen-last';
    const th = document.createElement('th');
    th.textContent = String(r + 1);
    th.dataset.row = String(r);
    tr.append(th);
    for (let c = 0; c < cols; c++) {
      const td = document.createElement('td');
      td.dataset.row = String(r);
      td.dataset.col = String(c);
      const cell = cellIndex.get(`${r}:${c}`);
      if (cell) {
        td.textContent = cell.display;
        if (cell.bold) td.classList.add('bold');
        if (cell.align === 'right') td.classList.add('num');
        if (cell.error) {
          td.classList.add('error');
          td.title = cell.error;
        }
        if (cell.background) td.style.background = cell.background;
        if (cell.link) td.classList.add('link');
        // Text runs on over the empty cells to its right, as in Sheets, and stops at the next value.
        if (cell.align === 'left' && cell.display) {
          let width = widths[c];
          for (let n = c + 1; n < cols && !cellIndex.get(`${r}:${n}`)?.display; n++)
            width += widths[n];
          if (width > widths[c]) {
            const text = document.createElement('div');
            text.className = 'spill';
            text.style.width = `${width - 9}px`;
            text.textContent = cell.display;
            td.replaceChildren(text);
            td.classList.add('overflow');
          }
        }
        decorateValidation(td, cell);
      }
      tr.append(td);
    }
    tbody.append(tr);
  }
  grid.style.width = `${totalWidth}px`;
  grid.replaceChildren(colgroup, thead, tbody);
  // Frozen rows stay under the column letters while the sheet scrolls. Every row's offset
  // is read before any cell is made sticky: a read after a write forces a layout per row.
  const frozen = Array.from(tbody.rows).slice(0, sheet.frozenRows);
  const tops = frozen.map((tr) => tr.offsetTop);
  frozen.forEach((tr, r) => {
    for (const cell of Array.from(tr.cells)) {
      cell.style.position = 'sticky';
      cell.style.top = `${tops[r]}px`;
      // Each frozen cell stacks above the ones to its right, so its text can run over them,
      // and below the column letters (60) and the open menus (80): from 55 down to 3 at
      // column 53 and beyond (a wide sheet would otherwise cover the menus).
      cell.style.zIndex =
        cell.tagName === 'TH' ? '59' : String(Math.max(3, 56 - Number(cell.dataset.col)));
    }
  });
  renderCharts(sheet);
  updateSelection();
}

/**
 * A rule's marks in its cell, as Sheets draws them: a dropdown's arrow, and for a value
 * that fails a warning rule a red triangle in the corner whose tooltip says "Invalid: ...".
 */
function decorateValidation(td: HTMLTableCellElement, cell: CellView): void {
  const rule = cell.validation;
  if (!rule) return;
  if (rule.options) {
    const arrow = document.createElement('span');
    arrow.className = 'dv-arrow';
    arrow.setAttribute('role', 'button');
    arrow.setAttribute('aria-label', 'Show the list');
    arrow.textContent = '▾';
    td.classList.add('has-dropdown');
    td.append(arrow);
  }
  if (rule.invalid) {
    const mark = document.createElement('span');
    mark.className = 'dv-invalid';
    mark.title = `Invalid: ${rule.message}`;
    td.classList.add('invalid');
    td.append(mark);
  }
}

function closeDropdownList(): void {
  dvList.hidden = true;
  dvList.replaceChildren();
}

/** The list a dropdown cell offers, under the cell; a choice is entered as if typed. */
function openDropdownList(row: number, col: number): void {
  const cell = cellIndex.get(`${row}:${col}`);
  const td = cellElement(row, col);
  const options = cell?.validation?.options;
  if (!td || !options) return;
  select(row, col, false);
  dvList.replaceChildren(
    ...options.map((option) => {
      const item = document.createElement('button');
      item.type = 'button';
      item.className = 'item';
      item.setAttribute('role', 'option');
      item.textContent = option;
      if (option === cell.display) item.setAttribute('aria-selected', 'true');
      item.addEventListener('mousedown', (event) => event.stopPropagation());
      item.addEventListener('click', (event) => {
        event.stopPropagation();
        closeDropdownList();
        commit(option, 'none');
      });
      return item;
    }),
  );
  dvList.style.left = `${td.offsetLeft}px`;
  dvList.style.top = `${td.offsetTop + td.offsetHeight}px`;
  dvList.style.minWidth = `${td.offsetWidth}px`;
  dvList.hidden = false;
}

/** Beside the selected cell: its rule's help text, and a link's target to follow. */
function showCellNotes(): void {
  const { row, col } = selection.active;
  const cell = cellIndex.get(`${row}:${col}`);
  const td = cellElement(row, col);
  const help = cell?.validation?.helpText;
  dvHelp.hidden = !help || !td;
  if (help && td) {
    dvHelp.textContent = help;
    dvHelp.style.left = `${td.offsetLeft + td.offsetWidth + 4}px`;
    dvHelp.style.top = `${td.offsetTop}px`;
  }
  const link = cell?.link;
  linkChip.hidden = !link || !td;
  if (link && td) {
    const anchor = document.createElement('a');
    if ('sheet' in link) {
      anchor.href = '#';
      anchor.textContent = link.sheet;
      anchor.title = `Go to the sheet "${link.sheet}"`;
      anchor.addEventListener('click', (event) => {
        event.preventDefault();
        linkChip.hidden = true;
        showSheet(link.sheet);
        enqueue(() => activateSheet(link.sheet));
      });
    } else {
      anchor.href = link.url;
      anchor.textContent = link.url;
      anchor.target = '_blank';
      anchor.rel = 'noopener noreferrer';
    }
    linkChip.replaceChildren(anchor);
    linkChip.style.left = `${td.offsetLeft}px`;
    linkChip.style.top = `${td.offsetTop + td.offsetHeight + 2}px`;
  }
}

function cellElement(row: number, col: number): HTMLTableCellElement | null {
  return grid.querySelector<HTMLTableCellElement>(`td[data-row="${row}"][data-col="${col}"]`);
}

function renderCharts(sheet: SheetView): void {
  chartsLayer.replaceChildren();
  for (const chart of sheet.charts) {
    const anchor = cellElement(chart.row, chart.col);
    const box = document.createElement('div');
    box.className = 'chart-box';
    box.dataset.chartId = chart.id;
    box.style.left = `${(anchor?.offsetLeft ?? 0) + chart.offsetX}px`;
    box.style.top = `${(anchor?.offsetTop ?? 0) + chart.offsetY}px`;
    box.style.width = `${chart.width}px`;
    box.style.height = `${chart.height}px`;
    // The SVG is drawn by the playground server from the chart's data, with every text escaped.
    box.innerHTML = chart.svg;
    chartsLayer.append(box);
  }
}

// ---- selection --------------------------------------------------------------

const fillHandle = byId<HTMLDivElement>('fill-handle');
const contextMenu = byId<HTMLDivElement>('context-menu');

function updateSelection(): void {
  grid
    .querySelectorAll('.selected, .in-range, .col-selected, .row-selected, .copied')
    .forEach((element) => {
      element.classList.remove('selected', 'in-range', 'col-selected', 'row-selected', 'copied');
    });
  const bounds = boundsOf(selection);
  const sheetName = activeSheet()?.name;
  grid.querySelectorAll<HTMLTableCellElement>('td').forEach((td) => {
    const row = Number(td.dataset.row);
    const col = Number(td.dataset.col);
    if (contains(bounds, row, col)) td.classList.add('in-range');
    if (copied && copied.sheet === sheetName && contains(copied.bounds, row, col))
      td.classList.add('copied');
  });
  cellElement(selection.active.row, selection.active.col)?.classList.add('selected');
  for (let col = bounds.left; col <= bounds.right; col++)
    grid.querySelector(`thead th[data-col="${col}"]`)?.classList.add('col-selected');
  for (let row = bounds.top; row <= bounds.bottom; row++)
    grid.querySelector(`tbody th[data-row="${row}"]`)?.classList.add('row-selected');
  const cell = cellIndex.get(`${selection.active.row}:${selection.active.col}`);
  nameBox.textContent = selectionName(selection);
  if (!editing && document.activeElement !== formulaInput) formulaInput.value = cell?.input ?? '';
  cellError.hidden = !cell?.error;
  cellError.textContent = cell?.error ? `${cell.display}: ${cell.error}` : '';
  placeFillHandle(bounds);
  showCellNotes();
}

function placeFillHandle(bounds: Bounds): void {
  const corner = cellElement(bounds.bottom, bounds.right);
  fillHandle.hidden = !corner;
  if (!corner) return;
  fillHandle.style.left = `${corner.offsetLeft + corner.offsetWidth - 4}px`;
  fillHandle.style.top = `${corner.offsetTop + corner.offsetHeight - 4}px`;
}

function clampPosition(row: number, col: number): CellPosition {
  const sheet = activeSheet();
  const rows = sheet?.rows ?? 1;
  const cols = sheet?.cols ?? 1;
  return {
    row: Math.max(0, Math.min(row, rows - 1)),
    col: Math.max(0, Math.min(col, cols - 1)),
  };
}

/**
 * Selects a range. `scrollTo` is the cell the keyboard moved to, scrolled into view;
 * a mouse selection passes `scroll` false, since the cell is where the user pointed.
 */
function setSelection(next: Selection, scrollTo: CellPosition = next.active, scroll = true): void {
  selection = {
    active: clampPosition(next.active.row, next.active.col),
    corner: clampPosition(next.corner.row, next.corner.col),
  };
  tabRunStart = undefined;
  const sheet = activeSheet();
  const { row, col } = clampPosition(scrollTo.row, scrollTo.col);
  reach = { row, col };
  // Moving past the drawn grid draws more of it.
  if (sheet && (row >= drawnRows - 1 || col >= drawnCols - 1)) renderGrid(sheet);
  else updateSelection();
  if (scroll) cellElement(row, col)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

function select(row: number, col: number, scroll = true): void {
  setSelection(single(row, col), { row, col }, scroll);
}

function areaOf(bounds: Bounds): Area | undefined {
  const sheet = activeSheet();
  if (!sheet) return undefined;
  return {
    sheet: sheet.name,
    row: bounds.top,
    col: bounds.left,
    rows: bounds.bottom - bounds.top + 1,
    cols: bounds.right - bounds.left + 1,
  };
}

/** The rectangle holding every value on the sheet, from A1 (Ctrl+A). */
function usedBounds(): Bounds {
  let bottom = 0;
  let right = 0;
  for (const cell of cellIndex.values()) {
    if (cell.input === '' && cell.display === '') continue;
    bottom = Math.max(bottom, cell.row);
    right = Math.max(right, cell.col);
  }
  return { top: 0, left: 0, bottom, right };
}

// ---- commits: one at a time, in the order the keys were pressed ---------------

let queue: Promise<void> = Promise.resolve();
let pending = 0;

/**
 * Sends a change after every change before it. The page draws the server's answer
 * only once nothing is left in flight, so a key typed meanwhile is never overdrawn.
 */
function enqueue(call: () => Promise<WorkbookView>): void {
  pending++;
  queue = queue.then(async () => {
    let view: WorkbookView | undefined;
    try {
      view = await call();
    } catch (error) {
      // Sheets refuses an entry its rule rejects with a "There was a problem" dialog.
      if (error instanceof RejectedEntry) showModal('There was a problem', error.message);
      else showStatus(error instanceof Error ? error.message : String(error));
    }
    pending--;
    if (pending > 0) return;
    if (view) apply(view);
    else await refresh().catch(() => undefined);
  });
}

/** Shows a typed input in its cell at once, until the server's value replaces it. */
function showPending(row: number, col: number, input: string): void {
  const td = cellElement(row, col);
  if (!td) return;
  td.textContent = input;
  td.classList.add('pending');
}

function startEditing(initial: string | undefined): void {
  const { row, col } = selection.active;
  const td = cellElement(row, col);
  if (!td) return;
  editing = true;
  editor.hidden = false;
  editor.style.left = `${td.offsetLeft}px`;
  editor.style.top = `${td.offsetTop}px`;
  editor.style.minWidth = `${td.offsetWidth}px`;
  editor.style.height = `${td.offsetHeight}px`;
  editor.value = initial ?? cellIndex.get(`${row}:${col}`)?.input ?? '';
  formulaInput.value = editor.value;
  editor.focus();
}

function stopEditing(): void {
  editing = false;
  editor.hidden = true;
  gridWrap.focus({ preventScroll: true });
}

type Move = 'down' | 'right' | 'up' | 'left' | 'none';

/** Where a run of Tabs started: Enter after it goes to the next row of that column, as in Sheets. */
let tabRunStart: CellPosition | undefined;

/** Moves the active cell after Enter or Tab (or their Shift forms). */
function moveAfterEntry(move: Move): void {
  const { row, col } = selection.active;
  const start = tabRunStart;
  if (move === 'down' && start && start.row === row) {
    select(row + 1, start.col);
    return;
  }
  const [dr, dc] = { down: [1, 0], right: [0, 1], up: [-1, 0], left: [0, -1], none: [0, 0] }[move];
  select(row + dr, col + dc);
  if (move === 'right') tabRunStart = start ?? { row, col };
}

function commit(input: string, move: Move): void {
  const sheet = activeSheet();
  if (!sheet) return;
  const { row, col } = selection.active;
  stopEditing();
  showPending(row, col, input);
  guardedEdit({ sheet: sheet.name, row, col, rows: 1, cols: 1 }, () =>
    enqueue(() => setCell(sheet.name, row, col, input)),
  );
  // The selection moves now, so the next key typed lands in the next cell.
  moveAfterEntry(move);
}

// ---- mouse: click, Shift+click, drag, headers, fill handle --------------------

let dragging: 'select' | 'fill' | undefined;
let fillTarget: Bounds | undefined;

function positionOf(target: EventTarget | null): CellPosition | undefined {
  const td = (target as HTMLElement | null)?.closest?.('td');
  if (!td || td.dataset.row === undefined || td.dataset.col === undefined) return undefined;
  return { row: Number(td.dataset.row), col: Number(td.dataset.col) };
}

grid.addEventListener('mousedown', (event) => {
  if (event.button !== 0) return;
  const header = (event.target as HTMLElement).closest('th');
  const sheet = activeSheet();
  if (header && sheet) {
    if (editing) commit(editor.value, 'none');
    // A row or column header selects the whole row or column.
    if (header.dataset.row !== undefined) {
      const row = Number(header.dataset.row);
      const from = event.shiftKey ? selection.active.row : row;
      setSelection(
        { active: { row: from, col: 0 }, corner: { row, col: sheet.cols - 1 } },
        { row, col: 0 },
        false,
      );
    } else if (header.dataset.col !== undefined) {
      const col = Number(header.dataset.col);
      const from = event.shiftKey ? selection.active.col : col;
      setSelection(
        { active: { row: 0, col: from }, corner: { row: sheet.rows - 1, col } },
        { row: 0, col },
        false,
      );
    }
    gridWrap.focus({ preventScroll: true });
    event.preventDefault();
    return;
  }
  const position = positionOf(event.target);
  if (!position) return;
  if (editing) commit(editor.value, 'none');
  if ((event.target as HTMLElement).classList.contains('dv-arrow')) {
    event.preventDefault();
    event.stopPropagation();
    openDropdownList(position.row, position.col);
    return;
  }
  if (event.shiftKey) setSelection({ active: selection.active, corner: position }, position, false);
  else select(position.row, position.col, false);
  dragging = 'select';
  gridWrap.focus({ preventScroll: true });
  event.preventDefault();
});

fillHandle.addEventListener('mousedown', (event) => {
  if (event.button !== 0) return;
  dragging = 'fill';
  fillTarget = boundsOf(selection);
  event.preventDefault();
  event.stopPropagation();
});

function showFillPreview(bounds: Bounds | undefined): void {
  grid
    .querySelectorAll('.fill-preview')
    .forEach((element) => element.classList.remove('fill-preview'));
  if (!bounds) return;
  grid.querySelectorAll<HTMLTableCellElement>('td').forEach((td) => {
    if (contains(bounds, Number(td.dataset.row), Number(td.dataset.col)))
      td.classList.add('fill-preview');
  });
}

document.addEventListener('mousemove', (event) => {
  if (!dragging) return;
  const position = positionOf(document.elementFromPoint(event.clientX, event.clientY));
  if (!position) return;
  if (dragging === 'select') {
    setSelection({ active: selection.active, corner: position }, position, false);
    return;
  }
  // The fill handle extends the selection down or right, whichever the pointer went further.
  const b = boundsOf(selection);
  const down = position.row - b.bottom;
  const right = position.col - b.right;
  fillTarget =
    down <= 0 && right <= 0
      ? b
      : down >= right
        ? { ...b, bottom: position.row }
        : { ...b, right: position.col };
  showFillPreview(fillTarget);
});

document.addEventListener('mouseup', () => {
  const was = dragging;
  dragging = undefined;
  if (was !== 'fill' || !fillTarget) return;
  const b = boundsOf(selection);
  const target = fillTarget;
  fillTarget = undefined;
  showFillPreview(undefined);
  if (target.bottom === b.bottom && target.right === b.right) return;
  const area = areaOf(target);
  if (!area) return;
  const direction = target.bottom > b.bottom ? 'down' : 'right';
  setSelection({ active: selection.active, corner: { row: target.bottom, col: target.right } });
  guardedEdit(area, () => enqueue(() => fillArea(area, direction)));
});

grid.addEventListener('dblclick', (event) => {
  if ((event.target as HTMLElement).closest('td')) startEditing(undefined);
});

// ---- editing keys -------------------------------------------------------------

editor.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    event.preventDefault();
    commit(editor.value, event.shiftKey ? 'up' : 'down');
  } else if (event.key === 'Tab') {
    event.preventDefault();
    commit(editor.value, event.shiftKey ? 'left' : 'right');
  } else if (event.key === 'Escape') {
    event.preventDefault();
    stopEditing();
    updateSelection();
  }
});
editor.addEventListener('input', () => {
  formulaInput.value = editor.value;
});

formulaInput.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    event.preventDefault();
    const value = formulaInput.value;
    formulaInput.blur();
    commit(value, 'down');
  } else if (event.key === 'Escape') {
    formulaInput.blur();
    updateSelection();
  }
});

// ---- grid keys, as in Sheets ----------------------------------------------------

function fill(direction: 'down' | 'right'): void {
  const area = areaOf(boundsOf(selection));
  if (area) guardedEdit(area, () => enqueue(() => fillArea(area, direction)));
}

gridWrap.tabIndex = 0;
document.addEventListener('keydown', (event) => {
  if (editing || !modal.hidden) return;
  const target = event.target as HTMLElement;
  if (target !== gridWrap && target !== document.body) return;
  const ctrl = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (ctrl) {
    const actions: Record<string, () => void> = {
      a: () => setSelection({ active: { row: 0, col: 0 }, corner: bottomRight(usedBounds()) }),
      d: () => fill('down'),
      r: () => fill('right'),
      z: () => enqueue(event.shiftKey ? redo : undo),
      y: () => enqueue(redo),
    };
    const action = actions[key];
    if (action) {
      event.preventDefault();
      action();
    }
    // Ctrl+C, Ctrl+X and Ctrl+V go on to the browser, which fires copy, cut and paste.
    return;
  }
  const moves: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
  };
  if (event.key === 'F2') {
    event.preventDefault();
    startEditing(undefined);
  } else if (event.key in moves) {
    event.preventDefault();
    const [dr, dc] = moves[event.key];
    if (event.shiftKey) {
      const corner = { row: selection.corner.row + dr, col: selection.corner.col + dc };
      setSelection({ active: selection.active, corner }, corner);
    } else select(selection.active.row + dr, selection.active.col + dc);
  } else if (event.key === 'Enter' || event.key === 'Tab') {
    event.preventDefault();
    if (event.key === 'Enter') moveAfterEntry(event.shiftKey ? 'up' : 'down');
    else moveAfterEntry(event.shiftKey ? 'left' : 'right');
  } else if (event.key === 'Delete' || event.key === 'Backspace') {
    event.preventDefault();
    const area = areaOf(boundsOf(selection));
    if (area) {
      guardedEdit(area, () => {
        for (let r = 0; r < area.rows; r++)
          for (let c = 0; c < area.cols; c++) showPending(area.row + r, area.col + c, '');
        enqueue(() => clearArea(area));
      });
    }
  } else if (event.key === 'Escape') {
    copied = undefined;
    updateSelection();
  } else if (event.key.length === 1 && !event.altKey) {
    event.preventDefault();
    startEditing(event.key);
  }
});

function bottomRight(bounds: Bounds): CellPosition {
  return { row: bounds.bottom, col: bounds.right };
}

// ---- clipboard: inside the playground and as tab-separated text ----------------

/** What this tab last copied or cut: the cells' inputs, to paste with shifted formulas. */
let copied:
  { sheet: string; bounds: Bounds; inputs: string[][]; text: string; cut: boolean } | undefined;

function clipboardTarget(event: Event): boolean {
  if (editing || !modal.hidden) return false;
  const target = event.target as HTMLElement | null;
  return !target || target === gridWrap || target === document.body || grid.contains(target);
}

function copySelection(event: ClipboardEvent, cut: boolean): void {
  if (!clipboardTarget(event) || !event.clipboardData) return;
  const sheet = activeSheet();
  if (!sheet) return;
  const bounds = boundsOf(selection);
  const inputs: string[][] = [];
  const shown: string[][] = [];
  for (let row = bounds.top; row <= bounds.bottom; row++) {
    const inputRow: string[] = [];
    const shownRow: string[] = [];
    for (let col = bounds.left; col <= bounds.right; col++) {
      const cell = cellIndex.get(`${row}:${col}`);
      inputRow.push(cell?.input ?? '');
      shownRow.push(cell?.display ?? '');
    }
    inputs.push(inputRow);
    shown.push(shownRow);
  }
  // Other programs get the values as shown; a paste here gets the formulas.
  const text = toTsv(shown);
  event.clipboardData.setData('text/plain', text);
  event.preventDefault();
  copied = { sheet: sheet.name, bounds, inputs, text, cut };
  updateSelection();
}

document.addEventListener('copy', (event) => copySelection(event, false));
document.addEventListener('cut', (event) => copySelection(event, true));

document.addEventListener('paste', (event) => {
  if (!clipboardTarget(event) || !event.clipboardData) return;
  const sheet = activeSheet();
  if (!sheet) return;
  event.preventDefault();
  const text = event.clipboardData.getData('text/plain');
  const bounds = boundsOf(selection);
  const selected = { rows: bounds.bottom - bounds.top + 1, cols: bounds.right - bounds.left + 1 };
  const source = copied && copied.text === text ? copied : undefined;
  if (!source && text === '') return;
  const cells = source ? source.inputs : fromTsv(text);
  const cut = source?.cut ? areaOf(source.bounds) : undefined;
  if (source?.cut) copied = undefined;
  const pasted = {
    sheet: sheet.name,
    row: bounds.top,
    col: bounds.left,
    rows: Math.max(selected.rows, cells.length),
    cols: Math.max(selected.cols, ...cells.map((row) => row.length)),
  };
  guardedEdit(pasted, () =>
    enqueue(() =>
      pasteCells({
        sheet: sheet.name,
        row: bounds.top,
        col: bounds.left,
        cells,
        origin: source ? { row: source.bounds.top, col: source.bounds.left } : undefined,
        cut: cut && source ? { ...cut, sheet: source.sheet } : undefined,
        selection: selected,
      }),
    ),
  );
  // The pasted cells end up selected (the whole selection when it was filled with copies).
  const height = cells.length;
  const width = Math.max(...cells.map((row) => row.length));
  const tiled =
    !cut &&
    selected.rows % height === 0 &&
    selected.cols % width === 0 &&
    selected.rows * selected.cols > height * width;
  const corner = tiled
    ? { row: bounds.bottom, col: bounds.right }
    : { row: bounds.top + height - 1, col: bounds.left + width - 1 };
  setSelection({ active: { row: bounds.top, col: bounds.left }, corner });
});

// ---- right-click on a row or column header: insert and delete ------------------

function closeContextMenu(): void {
  contextMenu.hidden = true;
  contextMenu.replaceChildren();
}

grid.addEventListener('contextmenu', (event) => {
  const header = (event.target as HTMLElement).closest('th');
  const sheet = activeSheet();
  if (!header || !sheet || (header.dataset.row === undefined && header.dataset.col === undefined))
    return;
  event.preventDefault();
  const axis = header.dataset.row !== undefined ? 'rows' : 'columns';
  const position = Number(axis === 'rows' ? header.dataset.row : header.dataset.col);
  let b = boundsOf(selection);
  // Whole rows (columns) selected around the clicked one are what the menu acts on;
  // otherwise the clicked row (column) is selected, as in Sheets.
  const inside =
    axis === 'rows'
      ? position >= b.top && position <= b.bottom && b.left === 0 && b.right === sheet.cols - 1
      : position >= b.left && position <= b.right && b.top === 0 && b.bottom === sheet.rows - 1;
  if (!inside) {
    if (axis === 'rows')
      setSelection(
        { active: { row: position, col: 0 }, corner: { row: position, col: sheet.cols - 1 } },
        { row: position, col: 0 },
        false,
      );
    else
      setSelection(
        { active: { row: 0, col: position }, corner: { row: sheet.rows - 1, col: position } },
        { row: 0, col: position },
        false,
      );
    b = boundsOf(selection);
  }
  const first = axis === 'rows' ? b.top : b.left;
  const count = axis === 'rows' ? b.bottom - b.top + 1 : b.right - b.left + 1;
  const name = (n: number): string => (axis === 'rows' ? String(n + 1) : columnLetter(n + 1));
  const noun =
    axis === 'rows'
      ? count > 1
        ? `${count} rows`
        : '1 row'
      : count > 1
        ? `${count} columns`
        : '1 column';
  const span = count > 1 ? `${name(first)} – ${name(first + count - 1)}` : name(first);
  const items: [string, 'insert' | 'delete', number][] =
    axis === 'rows'
      ? [
          [`Insert ${noun} above`, 'insert', first],
          [`Insert ${noun} below`, 'insert', first + count],
          [`Delete ${count > 1 ? 'rows' : 'row'} ${span}`, 'delete', first],
        ]
      : [
          [`Insert ${noun} left`, 'insert', first],
          [`Insert ${noun} right`, 'insert', first + count],
          [`Delete ${count > 1 ? 'columns' : 'column'} ${span}`, 'delete', first],
        ];
  contextMenu.replaceChildren(
    ...items.map(([label, kind, index]) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'item';
      button.setAttribute('role', 'menuitem');
      button.textContent = label;
      button.addEventListener('click', (click) => {
        click.stopPropagation();
        closeContextMenu();
        enqueue(() => changeStructure({ sheet: sheet.name, kind, axis, index: index + 1, count }));
      });
      return button;
    }),
  );
  contextMenu.style.left = `${event.clientX}px`;
  contextMenu.style.top = `${event.clientY}px`;
  contextMenu.hidden = false;
});

document.addEventListener('click', () => closeContextMenu());
document.addEventListener('mousedown', (event) => {
  if (!dvList.hidden && !dvList.contains(event.target as Node)) closeDropdownList();
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') closeContextMenu();
});

// ---- tabs, menus, sidebar ---------------------------------------------------

function renderTabs(view: WorkbookView): void {
  tabs.replaceChildren(
    ...view.sheets.map((sheet) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('role', 'tab');
      button.textContent = sheet.name;
      button.dataset.sheet = sheet.name;
      button.setAttribute('aria-selected', String(sheet.name === activeSheet()?.name));
      button.addEventListener('click', () => {
        if (sheet.name === activeSheet()?.name) return;
        // The tab switches at once; the server learns it for the add-in's getActiveSheet().
        showSheet(sheet.name);
        enqueue(() => activateSheet(sheet.name));
      });
      return button;
    }),
  );
}

function closeMenus(): void {
  menubar.querySelectorAll('.open').forEach((element) => element.classList.remove('open'));
}

function menuButton(label: string, onClick: () => void, functionName?: string): HTMLButtonElement {
  const item = document.createElement('button');
  item.type = 'button';
  item.className = 'item';
  item.setAttribute('role', 'menuitem');
  item.textContent = label;
  if (functionName) item.dataset.function = functionName;
  item.addEventListener('click', (event) => {
    event.stopPropagation();
    closeMenus();
    onClick();
  });
  return item;
}

function topMenu(label: string, entries: HTMLElement[]): HTMLElement {
  const menu = document.createElement('div');
  menu.className = 'menu';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.setAttribute('aria-haspopup', 'true');
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    const wasOpen = menu.classList.contains('open');
    closeMenus();
    if (!wasOpen) menu.classList.add('open');
  });
  const dropdown = document.createElement('div');
  dropdown.className = 'dropdown';
  dropdown.setAttribute('role', 'menu');
  dropdown.append(...entries);
  menu.append(button, dropdown);
  return menu;
}

function addonSubmenu(addon: MenuView): HTMLElement {
  const wrapper = document.createElement('div');
  wrapper.className = 'submenu';
  const opener = document.createElement('button');
  opener.type = 'button';
  opener.className = 'item';
  opener.setAttribute('aria-haspopup', 'true');
  opener.textContent = addon.title;
  const arrow = document.createElement('span');
  arrow.textContent = '▸';
  opener.append(arrow);
  opener.addEventListener('click', (event) => {
    event.stopPropagation();
    wrapper.classList.toggle('open');
  });
  const dropdown = document.createElement('div');
  dropdown.className = 'dropdown';
  dropdown.setAttribute('role', 'menu');
  for (const item of addon.items) {
    if (!item.functionName) {
      const separator = document.createElement('div');
      separator.className = 'sep';
      dropdown.append(separator);
      continue;
    }
    const name = item.functionName;
    dropdown.append(menuButton(item.label, () => void runMenuItem(item.label, name), name));
  }
  wrapper.append(opener, dropdown);
  return wrapper;
}

function renderMenus(view: WorkbookView): void {
  const reset = menuButton('Reset playground workbook…', () => {
    if (
      window.confirm('Reset the playground workbook to the Examples sheet? Your changes are lost.')
    ) {
      void resetWorkbook().then((next) => {
        closeSidebar();
        apply(next, true);
        showStatus('Workbook reset');
      });
    }
  });
  const extensions = view.addonMenus.length
    ? view.addonMenus.map(addonSubmenu)
    : [
        Object.assign(document.createElement('div'), {
          className: 'item',
          textContent: 'No add-on menu (onOpen added none)',
        }),
      ];
  const undoItem = menuButton('Undo (Ctrl+Z)', () => enqueue(undo));
  undoItem.disabled = view.canUndo === false;
  const redoItem = menuButton('Redo (Ctrl+Y)', () => enqueue(redo));
  redoItem.disabled = view.canRedo === false;
  // As Sheets' File > Download > Microsoft Excel: the server writes the file (charts left out).
  const download = menuButton('Download: Microsoft Excel (.xlsx)', () => {
    const link = Object.assign(document.createElement('a'), {
      href: '/api/download.xlsx',
      download: 'fine-tuning-cost-playground.xlsx',
    });
    document.body.append(link);
    link.click();
    link.remove();
  });
  menubar.replaceChildren(
    topMenu('File', [download, reset]),
    topMenu('Edit', [undoItem, redoItem]),
    topMenu('Extensions', extensions),
  );
}

document.addEventListener('click', () => closeMenus());

async function runMenuItem(label: string, functionName: string): Promise<void> {
  showStatus(`Running ${label}…`);
  try {
    // The add-in's getActiveSheet() is this tab's sheet.
    const sheet = activeSheet();
    if (sheet) await activateSheet(sheet.name);
    const result = await runFunction(functionName);
    handleEvents(result.events);
    if (!result.ok) showModal(label, result.error);
    else statusBox.classList.remove('show');
  } catch (error) {
    showModal(label, error instanceof Error ? error.message : String(error));
  }
  await refresh(true);
}

function openSidebar(title: string): void {
  sidebarTitle.textContent = title;
  sidebar.hidden = false;
  sidebarFrame.src = `/sidebar?${Date.now()}`;
  const current = activeSheet();
  if (current) renderCharts(current);
}

function closeSidebar(): void {
  sidebar.hidden = true;
  sidebarFrame.src = 'about:blank';
}

function handleEvents(events: readonly UiEvent[]): void {
  for (const event of events) {
    if (event.kind === 'sidebar') openSidebar(event.title);
    else if (event.kind === 'dialog') {
      const frame = document.createElement('iframe');
      frame.title = event.title;
      frame.src = event.html;
      showModal(event.title, frame);
    } else if (event.kind === 'alert') showModal(event.title || 'Alert', event.message);
    else showToast(event.title, event.message, event.timeoutSeconds);
  }
}

byId<HTMLButtonElement>('sidebar-close').addEventListener('click', closeSidebar);
byId<HTMLButtonElement>('modal-close').addEventListener('click', closeModal);

interface FrameMessage {
  type?: string;
  events?: UiEvent[];
}

window.addEventListener('message', (event: MessageEvent<FrameMessage>) => {
  if (event.origin !== window.location.origin) return;
  if (event.data?.type === 'playground:changed') {
    handleEvents((event.data.events ?? []).filter((e) => e.kind !== 'sidebar'));
    void refresh(true);
  } else if (event.data?.type === 'playground:close') {
    closeSidebar();
    closeModal();
  }
});

// ---- state ----------------------------------------------------------------

/**
 * Draws a workbook state. `follow` takes the server's active sheet (after this tab
 * ran the add-in, which may activate a sheet); otherwise the tab keeps its own.
 */
function apply(view: WorkbookView, follow = false): void {
  const before = activeSheet()?.name;
  state = view;
  if (follow || !currentSheet || !view.sheets.some((sheet) => sheet.name === currentSheet))
    currentSheet = view.activeSheet;
  if (activeSheet()?.name !== before) selection = single(0, 0);
  document.title = `${view.title} · playground`;
  byId<HTMLDivElement>('doc-title').textContent = view.title;
  renderTabs(view);
  renderMenus(view);
  const sheet = activeSheet();
  if (sheet) renderGrid(sheet);
  document.body.dataset.version = String(view.version);
}

function showSheet(name: string): void {
  currentSheet = name;
  selection = single(0, 0);
  copied = undefined;
  if (state) apply(state);
  // Another sheet opens at its top left, not at the last sheet's scroll position.
  gridWrap.scrollTo(0, 0);
}

async function refresh(follow = false): Promise<void> {
  apply(await fetchState(), follow);
}

// Every change on the server (this tab's, another tab's, the add-in's) arrives as an
// event with the new version; the tab redraws once its own commits have landed.
const changes = new EventSource('/api/events');
changes.addEventListener('message', (event: MessageEvent<string>) => {
  const { version } = JSON.parse(event.data) as { version: number };
  if (state && version > state.version && pending === 0) void refresh();
});

void refresh(true);
