// The page's calls to the playground server.
import type { RunResult, WorkbookView } from '../view';

/** An entry the cell's data validation refused (the server's message says why). */
export class RejectedEntry extends Error {}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const data = (await response.json()) as T | { error: string; rejected?: boolean };
  if (!response.ok) {
    const failed = typeof data === 'object' && data !== null && 'error' in data ? data : undefined;
    const message = failed ? failed.error : response.statusText;
    throw failed?.rejected ? new RejectedEntry(message) : new Error(String(message));
  }
  return data as T;
}

export async function fetchState(): Promise<WorkbookView> {
  const response = await fetch('/api/state');
  return (await response.json()) as WorkbookView;
}

export function setCell(
  sheet: string,
  row: number,
  col: number,
  input: string,
): Promise<WorkbookView> {
  return postJson<WorkbookView>('/api/cell', { sheet, row, col, input });
}

export function activateSheet(sheet: string): Promise<WorkbookView> {
  return postJson<WorkbookView>('/api/activate', { sheet });
}

export function runFunction(name: string, args: unknown[] = []): Promise<RunResult> {
  return postJson<RunResult>('/api/run', { name, args });
}

export function resetWorkbook(): Promise<WorkbookView> {
  return postJson<WorkbookView>('/api/reset', {});
}

export interface Area {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export interface PasteRequest {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly cells: string[][];
  readonly origin?: { row: number; col: number };
  readonly cut?: Area;
  readonly selection?: { rows: number; cols: number };
}

export function pasteCells(request: PasteRequest): Promise<WorkbookView> {
  return postJson<WorkbookView>('/api/paste', request);
}

export function clearArea(area: Area): Promise<WorkbookView> {
  return postJson<WorkbookView>('/api/clear', { area });
}

export function fillArea(area: Area, direction: 'down' | 'right'): Promise<WorkbookView> {
  return postJson<WorkbookView>('/api/fill', { area, direction });
}

export function changeStructure(change: {
  sheet: string;
  kind: 'insert' | 'delete';
  axis: 'rows' | 'columns';
  index: number;
  count: number;
}): Promise<WorkbookView> {
  return postJson<WorkbookView>('/api/structure', change);
}

export function undo(): Promise<WorkbookView> {
  return postJson<WorkbookView>('/api/undo', {});
}

export function redo(): Promise<WorkbookView> {
  return postJson<WorkbookView>('/api/redo', {});
}
