// Starts the playground: the built add-in, its workbook and the HTTP server on loopback.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildAssets } from './http/assets';
import { createHandler } from './http/routes';
import type { RequestHandler } from './http/routes';
import { DEFAULT_DATA_FILE } from './paths';
import { PlaygroundSession } from './session';

export interface PlaygroundOptions {
  /** 0 picks a free port. Default 8080. */
  readonly port?: number;
  /** Where the workbook is kept between runs. Default playground-data/workbook.json. */
  readonly dataFile?: string;
  /** Start from a new workbook (the Examples sheet), discarding the saved one. */
  readonly reset?: boolean;
}

export interface RunningPlayground {
  /** http://127.0.0.1:PORT/ */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** The port is taken: a message that says what to do. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(
      `Port ${port} is already in use on 127.0.0.1, so the playground cannot start there. ` +
        `Stop whatever is using it, or pick another port: PORT=${port === 8080 ? 8081 : port + 1} npm start`,
    );
    this.name = 'PortInUseError';
  }
}

export async function startPlayground(options: PlaygroundOptions = {}): Promise<RunningPlayground> {
  let port = options.port ?? 8080;
  // The port first: a busy port must not touch the saved workbook.
  let handler: RequestHandler = (_request, response) => {
    response.writeHead(503).end('Starting…');
  };
  const server = createServer((request, response) => handler(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error);
    });
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  let session: PlaygroundSession;
  try {
    session = new PlaygroundSession(options.dataFile ?? DEFAULT_DATA_FILE);
    if (options.reset) session.reset();
    handler = createHandler(session, await buildAssets(), () => port);
  } catch (error) {
    server.close();
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        session.close();
      }),
  };
}
