// `npm start`: serves the playground on http://localhost:8080 (PORT overrides).
// `npm start -- --reset` starts from a new workbook.
import { DEFAULT_DATA_FILE } from './paths';
import { PortInUseError, startPlayground } from './start';

export { PortInUseError, startPlayground } from './start';
export type { PlaygroundOptions, RunningPlayground } from './start';

function parsePort(text: string | undefined): number {
  if (text === undefined || text === '') return 8080;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${text}".`);
  }
  return port;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--reset');
  if (unknown.length > 0)
    throw new Error(`Unknown option ${unknown.join(' ')}. Usage: npm start [-- --reset]`);
  const reset = args.includes('--reset');
  const playground = await startPlayground({
    port: parsePort(process.env.PORT),
    dataFile: DEFAULT_DATA_FILE,
    reset,
  });
  console.log(
    `Fine-tuning cost playground: http://localhost:${playground.port}  (also ${playground.url})`,
  );
  console.log(
    `Workbook kept in ${DEFAULT_DATA_FILE}${reset ? ' (reset to the Examples sheet)' : ''}; reset it with File → Reset or npm start -- --reset.`,
  );
  console.log('Press Ctrl+C to stop.');
  const stop = (): void => {
    void playground.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// Run only as the entry point (npm start), not when a test imports startPlayground.
if (require.main === module || process.argv[1]?.endsWith('playground/server.ts')) {
  main().catch((error: unknown) => {
    console.error(
      error instanceof PortInUseError || error instanceof Error ? error.message : String(error),
    );
    process.exit(1);
  });
}
