// google.script.run for a page the add-in shows (the sidebar, a dialog) inside the
// playground: each call is POSTed to the playground server, which runs the global
// of that name in dist/Code.js, then the page around is told to redraw.
import type { RunResult } from '../view';

type Handler = (value: unknown, userObject?: unknown) => void;

interface RunnerState {
  readonly success?: Handler;
  readonly failure?: Handler;
  readonly userObject?: unknown;
}

function notifyParent(result: RunResult | undefined): void {
  if (window.parent === window) return;
  window.parent.postMessage(
    { type: 'playground:changed', events: result?.events ?? [] },
    window.location.origin,
  );
}

async function call(name: string, args: unknown[], runner: RunnerState): Promise<void> {
  let result: RunResult | undefined;
  try {
    const response = await fetch('/api/run', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, args }),
    });
    result = (await response.json()) as RunResult;
  } catch (error) {
    runner.failure?.(
      new Error(`The playground server did not answer: ${String(error)}`),
      runner.userObject,
    );
    return;
  }
  notifyParent(result);
  if (result.ok) runner.success?.(result.value, runner.userObject);
  else runner.failure?.(new Error(result.error), runner.userObject);
}

function makeRunner(runner: RunnerState): unknown {
  return new Proxy(
    {},
    {
      get(_target, property): unknown {
        if (typeof property !== 'string') return undefined;
        if (property === 'withSuccessHandler')
          return (handler: Handler) => makeRunner({ ...runner, success: handler });
        if (property === 'withFailureHandler')
          return (handler: Handler) => makeRunner({ ...runner, failure: handler });
        if (property === 'withUserObject')
          return (userObject: unknown) => makeRunner({ ...runner, userObject });
        if (property === 'then') return undefined;
        return (...args: unknown[]): void => {
          // JSON, like google.script.run, carries only plain data.
          void call(property, JSON.parse(JSON.stringify(args)) as unknown[], runner);
        };
      },
    },
  );
}

const host = {
  close(): void {
    window.parent.postMessage({ type: 'playground:close' }, window.location.origin);
  },
  setHeight(): void {},
  setWidth(): void {},
  editor: { focus(): void {} },
  origin: window.location.origin,
};

(window as unknown as { google: unknown }).google = { script: { run: makeRunner({}), host } };
