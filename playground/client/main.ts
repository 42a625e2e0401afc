// The playground page: a spreadsheet-like view of the emulated workbook, its
// menus, the add-on's sidebar in a 300 px panel, and charts drawn as SVG.
import { columnLetter } from '../../src/shared/a1';
import { activateSheet, fetchState, resetWorkbook, runFunction, setCell } from './api';
import type { CellView, MenuView, SheetView, UiEvent, WorkbookView } from '../view';

const DEFAULT_COLUMN_WIDTH = 100;
const MIN_ROWS = 60;
const MIN_COLS = 26;

interface Selection {
  row: number;
  col: number;
}

let state: WorkbookView | undefined;
let selection: Selection = { row: 0, col: 0 };
let editing = false;
let cellIndex = new Map<string, CellView>();

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

function activeSheet(): SheetView | undefined {
  return state?.sheets.find((sheet) => sheet.name === state?.activeSheet) ?? state?.sheets[0];
}

let statusTimer = 0;
function showStatus(message: string): void {
  statusBox.textContent = message;
  statusBox.classList.add('show');
  window.clearTimeout(statusTimer);
  statusTimer = window.setTimeout(() => statusBox.classList.remove('show'), 4000);
}

function showModal(title: string, content: string | HTMLElement): void {
  modalTitle.textContent = title;
  modalBody.replaceChildren(
    typeof content === 'string' ? document.createTextNode(content) : content,
  );
  modal.hidden = false;
}

function closeModal(): void {
  modal.hidden = true;
  modalBody.replaceChildren();
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
  const rows = Math.min(sheet.rows, Math.max(MIN_ROWS, lastRow + 20));
  const cols = Math.min(sheet.cols, Math.max(MIN_COLS, lastCol + 2));

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
      }
      tr.append(td);
    }
    tbody.append(tr);
  }
  grid.style.width = `${totalWidth}px`;
  grid.replaceChildren(colgroup, thead, tbody);
  // Frozen rows stay under the column letters while the sheet scrolls.
  Array.from(tbody.rows)
    .slice(0, sheet.frozenRows)
    .forEach((tr) => {
      for (const cell of Array.from(tr.cells)) {
        cell.style.position = 'sticky';
        cell.style.top = `${tr.offsetTop}px`;
        // Each frozen cell stacks above the ones to its right, so its text can run over them.
        cell.style.zIndex =
          cell.tagName === 'TH' ? '59' : String(3 + cols - Number(cell.dataset.col));
      }
    });
  renderCharts(sheet);
  updateSelection();
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

function updateSelection(): void {
  grid.querySelectorAll('.selected, .col-selected, .row-selected').forEach((element) => {
    element.classList.remove('selected', 'col-selected', 'row-selected');
  });
  cellElement(selection.row, selection.col)?.classList.add('selected');
  grid.querySelector(`thead th[data-col="${selection.col}"]`)?.classList.add('col-selected');
  grid.querySelector(`tbody th[data-row="${selection.row}"]`)?.classList.add('row-selected');
  const cell = cellIndex.get(`${selection.row}:${selection.col}`);
  nameBox.textContent = `${columnLetter(selection.col + 1)}${selection.row + 1}`;
  if (document.activeElement !== formulaInput) formulaInput.value = cell?.input ?? '';
  cellError.hidden = !cell?.error;
  cellError.textContent = cell?.error ? `${cell.display}: ${cell.error}` : '';
}

function select(row: number, col: number): void {
  const sheet = activeSheet();
  if (!sheet) return;
  selection = {
    row: Math.max(0, Math.min(row, sheet.rows - 1)),
    col: Math.max(0, Math.min(col, sheet.cols - 1)),
  };
  updateSelection();
  cellElement(selection.row, selection.col)?.scrollIntoView({
    block: 'nearest',
    inline: 'nearest',
  });
}

function startEditing(initial: string | undefined): void {
  const td = cellElement(selection.row, selection.col);
  if (!td) return;
  editing = true;
  editor.hidden = false;
  editor.style.left = `${td.offsetLeft}px`;
  editor.style.top = `${td.offsetTop}px`;
  editor.style.minWidth = `${td.offsetWidth}px`;
  editor.style.height = `${td.offsetHeight}px`;
  editor.value = initial ?? cellIndex.get(`${selection.row}:${selection.col}`)?.input ?? '';
  formulaInput.value = editor.value;
  editor.focus();
}

function stopEditing(): void {
  editing = false;
  editor.hidden = true;
  gridWrap.focus({ preventScroll: true });
}

async function commit(input: string, move: 'down' | 'right' | 'none'): Promise<void> {
  const sheet = activeSheet();
  if (!sheet) return;
  const { row, col } = selection;
  stopEditing();
  try {
    apply(await setCell(sheet.name, row, col, input));
  } catch (error) {
    showStatus(error instanceof Error ? error.message : String(error));
  }
  if (move === 'down') select(row + 1, col);
  else if (move === 'right') select(row, col + 1);
  else select(row, col);
}

grid.addEventListener('mousedown', (event) => {
  const td = (event.target as HTMLElement).closest('td');
  if (!td || td.dataset.row === undefined || td.dataset.col === undefined) return;
  if (editing) void commit(editor.value, 'none');
  select(Number(td.dataset.row), Number(td.dataset.col));
  gridWrap.focus({ preventScroll: true });
  event.preventDefault();
});

grid.addEventListener('dblclick', (event) => {
  if ((event.target as HTMLElement).closest('td')) startEditing(undefined);
});

editor.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    event.preventDefault();
    void commit(editor.value, 'down');
  } else if (event.key === 'Tab') {
    event.preventDefault();
    void commit(editor.value, 'right');
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
    formulaInput.blur();
    void commit(formulaInput.value, 'down');
  } else if (event.key === 'Escape') {
    formulaInput.blur();
    updateSelection();
  }
});

gridWrap.tabIndex = 0;
document.addEventListener('keydown', (event) => {
  if (editing || !modal.hidden) return;
  const target = event.target as HTMLElement;
  if (target !== gridWrap && target !== document.body) return;
  const moves: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
    Enter: [1, 0],
    Tab: [0, 1],
  };
  if (event.key === 'F2') {
    event.preventDefault();
    startEditing(undefined);
  } else if (event.key in moves && !(event.key === 'Enter' && event.shiftKey)) {
    event.preventDefault();
    const [dr, dc] = moves[event.key];
    select(selection.row + dr, selection.col + dc);
  } else if (event.key === 'Delete' || event.key === 'Backspace') {
    event.preventDefault();
    void commit('', 'none');
  } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    startEditing(event.key);
  }
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
      button.setAttribute('aria-selected', String(sheet.name === view.activeSheet));
      button.addEventListener('click', () => {
        if (sheet.name === view.activeSheet) return;
        void activateSheet(sheet.name).then((next) => {
          selection = { row: 0, col: 0 };
          apply(next);
        });
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
        selection = { row: 0, col: 0 };
        closeSidebar();
        apply(next);
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
  menubar.replaceChildren(topMenu('File', [reset]), topMenu('Extensions', extensions));
}

document.addEventListener('click', () => closeMenus());

async function runMenuItem(label: string, functionName: string): Promise<void> {
  showStatus(`Running ${label}…`);
  try {
    const result = await runFunction(functionName);
    handleEvents(result.events);
    if (!result.ok) showModal(label, result.error);
    else statusBox.classList.remove('show');
  } catch (error) {
    showModal(label, error instanceof Error ? error.message : String(error));
  }
  await refresh();
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
    else showStatus(event.title ? `${event.title}: ${event.message}` : event.message);
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
    void refresh();
  } else if (event.data?.type === 'playground:close') {
    closeSidebar();
    closeModal();
  }
});

// ---- state ----------------------------------------------------------------

function apply(view: WorkbookView): void {
  const sheetChanged = view.activeSheet !== state?.activeSheet;
  state = view;
  if (sheetChanged) selection = { row: 0, col: 0 };
  document.title = `${view.title} · playground`;
  byId<HTMLDivElement>('doc-title').textContent = view.title;
  renderTabs(view);
  renderMenus(view);
  const sheet = activeSheet();
  if (sheet) renderGrid(sheet);
  document.body.dataset.version = String(view.version);
}

async function refresh(): Promise<void> {
  apply(await fetchState());
}

void refresh();
