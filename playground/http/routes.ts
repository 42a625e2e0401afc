// The playground's HTTP API. Everything is same-origin JSON on loopback; a POST
// must be JSON (so no other site's form can post here) and the Host must be local.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StructureChange } from '../formula/structure';
import { RejectedEntryError } from '../session';
import type { PlaygroundSession } from '../session';
import type { CellArea } from '../view';
import type { PageAssets } from './assets';
import { withShim } from './assets';

const MAX_BODY = 1024 * 1024;

/** Where the page downloads the workbook as .xlsx, and the file's name. */
export const DOWNLOAD_PATH = '/api/download.xlsx';
const DOWNLOAD_NAME = 'fine-tuning-cost-playground.xlsx';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** No resource from anywhere but this server, and no plugins. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
      reject(new HttpError(415, 'Send JSON (Content-Type: application/json).'));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, 'Request too large.'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        const value: unknown = text ? JSON.parse(text) : {};
        if (value === null || typeof value !== 'object' || Array.isArray(value))
          throw new Error('not an object');
        resolve(value as Record<string, unknown>);
      } catch {
        reject(new HttpError(400, 'The body is not a JSON object.'));
      }
    });
    request.on('error', reject);
  });
}

function stringField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string') throw new HttpError(400, `"${name}" must be a string.`);
  return value;
}

function integerField(body: Record<string, unknown>, name: string): number {
  const value = body[name];
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw new HttpError(400, `"${name}" must be an integer.`);
  return value;
}

function areaField(body: Record<string, unknown>, name: string): CellArea {
  const value = body[name];
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new HttpError(400, `"${name}" must be an object {sheet, row, col, rows, cols}.`);
  const area = value as Record<string, unknown>;
  return {
    sheet: stringField(area, 'sheet'),
    row: integerField(area, 'row'),
    col: integerField(area, 'col'),
    rows: integerField(area, 'rows'),
    cols: integerField(area, 'cols'),
  };
}

function oneOf<T extends string>(
  body: Record<string, unknown>,
  name: string,
  allowed: readonly T[],
): T {
  const value = body[name];
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    throw new HttpError(400, `"${name}" must be one of ${allowed.join(', ')}.`);
  return value as T;
}

function gridField(body: Record<string, unknown>, name: string): string[][] {
  const value = body[name];
  if (
    !Array.isArray(value) ||
    !value.every((row) => Array.isArray(row) && row.every((cell) => typeof cell === 'string'))
  )
    throw new HttpError(400, `"${name}" must be rows of text cells.`);
  return value as string[][];
}

/** Server-sent events: one `data: {"version": n}` per change, so every open page redraws. */
function streamChanges(
  session: PlaygroundSession,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Content-Type-Options': 'nosniff',
  });
  const send = (version: number): void => {
    response.write(`data: ${JSON.stringify({ version })}\n\n`);
  };
  send(session.view().version);
  const unsubscribe = session.subscribe(send);
  request.on('close', unsubscribe);
}

function isLocalHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host.toLowerCase());
}

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void;

export function createHandler(
  session: PlaygroundSession,
  assets: PageAssets,
  port: () => number,
): RequestHandler {
  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (!isLocalHost(request.headers.host, port()))
      throw new HttpError(403, 'The playground answers on localhost only.');
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    if (method === 'GET') {
      if (url.pathname === '/' || url.pathname === '/index.html') {
        send(response, 200, 'text/html; charset=utf-8', assets.page);
        return;
      }
      if (url.pathname === '/api/events') {
        streamChanges(session, request, response);
        return;
      }
      if (url.pathname === '/api/state') {
        sendJson(response, 200, session.view());
        return;
      }
      const page =
        url.pathname === '/sidebar' ? 'sidebar' : /^\/page\/(\d+)$/.exec(url.pathname)?.[1];
      if (page !== undefined) {
        const html = session.page(page);
        if (html === undefined) throw new HttpError(404, 'The add-in has not shown this page.');
        send(response, 200, 'text/html; charset=utf-8', withShim(html, assets.shim));
        return;
      }
      if (url.pathname === DOWNLOAD_PATH) {
        // File > Download > Microsoft Excel: the writer the round-trip test checks.
        const bytes = await session.xlsx();
        response.writeHead(200, {
          'Content-Type': XLSX_TYPE,
          'Content-Disposition': `attachment; filename="${DOWNLOAD_NAME}"`,
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
        });
        response.end(bytes);
        return;
      }
      if (url.pathname === '/favicon.ico') {
        response.writeHead(204).end();
        return;
      }
      throw new HttpError(404, 'Not found.');
    }
    if (method !== 'POST') throw new HttpError(405, 'Method not allowed.');
    const origin = request.headers.origin;
    if (origin !== undefined && !isLocalHost(origin.replace(/^http:\/\//, ''), port()))
      throw new HttpError(403, 'Cross-origin requests are refused.');
    const body = await readBody(request);
    switch (url.pathname) {
      case '/api/cell':
        session.setCell(
          stringField(body, 'sheet'),
          integerField(body, 'row'),
          integerField(body, 'col'),
          stringField(body, 'input'),
        );
        sendJson(response, 200, session.view());
        return;
      case '/api/paste': {
        const position = (name: string): { row: number; col: number } | undefined => {
          const value = body[name];
          if (value === undefined) return undefined;
          if (value === null || typeof value !== 'object')
            throw new HttpError(400, `"${name}" must be an object {row, col}.`);
          const o = value as Record<string, unknown>;
          return { row: integerField(o, 'row'), col: integerField(o, 'col') };
        };
        const selection = body.selection;
        let size: { rows: number; cols: number } | undefined;
        if (selection !== undefined) {
          if (selection === null || typeof selection !== 'object')
            throw new HttpError(400, '"selection" must be an object {rows, cols}.');
          const o = selection as Record<string, unknown>;
          size = { rows: integerField(o, 'rows'), cols: integerField(o, 'cols') };
        }
        session.paste({
          sheet: stringField(body, 'sheet'),
          row: integerField(body, 'row'),
          col: integerField(body, 'col'),
          cells: gridField(body, 'cells'),
          origin: position('origin'),
          cut: body.cut === undefined ? undefined : areaField(body, 'cut'),
          selection: size,
        });
        sendJson(response, 200, session.view());
        return;
      }
      case '/api/clear':
        session.clear(areaField(body, 'area'));
        sendJson(response, 200, session.view());
        return;
      case '/api/fill':
        session.fill(areaField(body, 'area'), oneOf(body, 'direction', ['down', 'right'] as const));
        sendJson(response, 200, session.view());
        return;
      case '/api/structure': {
        const change: StructureChange = {
          sheet: stringField(body, 'sheet'),
          kind: oneOf(body, 'kind', ['insert', 'delete'] as const),
          axis: oneOf(body, 'axis', ['rows', 'columns'] as const),
          index: integerField(body, 'index'),
          count: integerField(body, 'count'),
        };
        session.changeStructure(change);
        sendJson(response, 200, session.view());
        return;
      }
      case '/api/undo':
        session.undo();
        sendJson(response, 200, session.view());
        return;
      case '/api/redo':
        session.redo();
        sendJson(response, 200, session.view());
        return;
      case '/api/activate':
        session.activate(stringField(body, 'sheet'));
        sendJson(response, 200, session.view());
        return;
      case '/api/run': {
        const args = body.args ?? [];
        if (!Array.isArray(args)) throw new HttpError(400, '"args" must be an array.');
        sendJson(response, 200, session.run(stringField(body, 'name'), args));
        return;
      }
      case '/api/reset':
        session.reset();
        sendJson(response, 200, session.view());
        return;
      default:
        throw new HttpError(404, 'Not found.');
    }
  };
  return (request, response) => {
    route(request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 400;
      const message = error instanceof Error ? error.message : String(error);
      // An entry the cell's validation refuses: the page shows Sheets' "There was a problem".
      const rejected = error instanceof RejectedEntryError ? { rejected: true } : {};
      if (!response.headersSent) sendJson(response, status, { error: message, ...rejected });
      else response.end();
    });
  };
}
