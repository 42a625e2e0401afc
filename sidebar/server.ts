// A typed, promise-based wrapper around google.script.run. The server functions
// and what they carry are declared once, in src/shared/contract.ts.
import type { ServerFunctions } from '../src/shared/contract';

type ServerName = keyof ServerFunctions;

/** The part of google.script.run the sidebar uses (Apps Script injects it into the page). */
interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
}

interface ScriptGlobal {
  google?: { script?: { run?: ScriptRunner } };
}

/** The message to show for a failure: Apps Script passes an Error; anything else is shown as text. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return String((error as { message: unknown }).message);
  }
  return String(error);
}

/**
 * Calls a server function and resolves with what it returns, or rejects with an
 * Error carrying the server's message. Rejects at once outside Apps Script.
 */
export function callServer<K extends ServerName>(
  name: K,
  ...args: Parameters<ServerFunctions[K]>
): Promise<ReturnType<ServerFunctions[K]>> {
  return new Promise((resolve, reject) => {
    const run = (window as unknown as ScriptGlobal).google?.script?.run;
    if (!run) {
      reject(
        new Error('The calculator is not running inside Google Sheets (no google.script.run).'),
      );
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerFunctions[K]>))
      .withFailureHandler((error) => reject(new Error(errorMessage(error))));
    const call = (runner as unknown as Record<string, unknown>)[name];
    if (typeof call !== 'function') {
      reject(new Error(`The server has no function ${name}.`));
      return;
    }
    (call as (...params: unknown[]) => void).apply(runner, args);
  });
}
