// `npm run deploy`: build, push, cut a version and deploy it, as four commands run one after
// the other. The commands are run by an injected runner, so a test can check the refusal and
// the exact sequence without Google (and without ever running `clasp push`).
//
// clasp 3.x commands (`npx clasp --help`): `push`, `create-version` (alias `version`) and
// `create-deployment` (alias `deploy`, `-V` version, `-d` description, `-i` an existing
// deployment to move to the new version). `--json` is clasp's global option for output a
// script can read: create-version prints {"versionNumber": N}, create-deployment
// {"deploymentId", "versionNumber", "description"}.
import path from 'node:path';

/** The script id .clasp.json carries in the repository (test/bundle/clasp-status.test.ts). */
export const PLACEHOLDER_SCRIPT_ID = 'REPLACE_WITH_YOUR_SCRIPT_ID';
/** What `clasp push` sends: the build output only. */
export const EXPECTED_ROOT_DIR = 'dist';

/** Runs a program with its arguments in the project's folder and returns what it printed. */
export type RunCommand = (argv: readonly string[]) => Promise<string>;

/** Why `npm run deploy` would not start; nothing has run when it is thrown. */
export class DeployRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeployRefused';
  }
}

export interface DeployOptions {
  /** The project's folder (where .clasp.json is). */
  readonly root: string;
  /** The text of .clasp.json, or undefined when there is none. */
  readonly claspJson: string | undefined;
  /** The Node executable that runs the build and clasp. */
  readonly node: string;
  /** The installed clasp's entry script (node_modules/@google/clasp/build/src/index.js). */
  readonly clasp: string;
  /** Description of the version and the deployment. */
  readonly description: string;
  /** A deployment to move to the new version instead of making a new one. */
  readonly deploymentId?: string;
}

export interface DeployResult {
  readonly scriptId: string;
  readonly versionNumber: number;
  readonly deploymentId: string;
}

const WHAT_TO_DO =
  'Put your Apps Script project\'s id in .clasp.json ("scriptId"; the id is under ' +
  'Extensions → Apps Script → Project settings → IDs), or make a project with ' +
  '`rm .clasp.json && npx clasp create-script --type sheets --rootDir dist --title "Fine-tuning cost"`; ' +
  'log in with `npx clasp login`, then run `npm run deploy` again. Nothing was built or pushed.';

/** `npm run deploy -- [description words] [--deployment-id ID]`, parsed. */
export function parseDeployArgs(args: readonly string[]): {
  description: string;
  deploymentId?: string;
} {
  const words: string[] = [];
  let deploymentId: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== '--deployment-id') {
      words.push(args[i]);
      continue;
    }
    const id = args[i + 1];
    if (id === undefined || id.startsWith('-') || id.trim() === '') {
      throw new DeployRefused(
        'npm run deploy: --deployment-id needs the id of a deployment (`npx clasp list-deployments` lists them). Nothing was built or pushed.',
      );
    }
    deploymentId = id;
    i++;
  }
  return { description: words.join(' ').trim(), deploymentId };
}

/** The script id to deploy to, read from .clasp.json; refuses a missing file, the placeholder or another rootDir. */
export function scriptIdOf(claspJson: string | undefined): string {
  if (claspJson === undefined) {
    throw new DeployRefused(`npm run deploy: there is no .clasp.json. ${WHAT_TO_DO}`);
  }
  let config: { scriptId?: unknown; rootDir?: unknown };
  try {
    config = JSON.parse(claspJson) as { scriptId?: unknown; rootDir?: unknown };
  } catch (error) {
    throw new DeployRefused(
      `npm run deploy: .clasp.json is not valid JSON (${(error as Error).message}). ${WHAT_TO_DO}`,
    );
  }
  const scriptId = typeof config.scriptId === 'string' ? config.scriptId.trim() : '';
  if (scriptId === '' || scriptId === PLACEHOLDER_SCRIPT_ID) {
    throw new DeployRefused(
      `npm run deploy: .clasp.json still has the placeholder script id ${PLACEHOLDER_SCRIPT_ID}` +
        `${scriptId === '' ? ' (or none)' : ''}, so there is no Apps Script project to deploy to. ${WHAT_TO_DO}`,
    );
  }
  const rootDir = typeof config.rootDir === 'string' ? path.normalize(config.rootDir) : '';
  if (rootDir !== EXPECTED_ROOT_DIR) {
    throw new DeployRefused(
      `npm run deploy: .clasp.json has "rootDir": ${JSON.stringify(config.rootDir ?? null)}; it must be ` +
        `"${EXPECTED_ROOT_DIR}", the build output, or clasp would push other files. Nothing was built or pushed.`,
    );
  }
  return scriptId;
}

/** The last JSON object a command printed (clasp may print other lines before it). */
export function lastJsonObject(stdout: string, command: string): Record<string, unknown> {
  const end = stdout.lastIndexOf('}');
  for (
    let start = stdout.lastIndexOf('{', end);
    start >= 0;
    start = stdout.lastIndexOf('{', start - 1)
  ) {
    try {
      const value = JSON.parse(stdout.slice(start, end + 1)) as unknown;
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        return value as Record<string, unknown>;
      }
    } catch {
      // Not yet the whole object: try the previous "{".
    }
  }
  throw new Error(`${command} printed no JSON result: ${JSON.stringify(stdout.trim())}`);
}

function versionNumberOf(stdout: string): number {
  const { versionNumber } = lastJsonObject(stdout, 'clasp create-version');
  // clasp prints 0 when the API answered without a number: that is no version.
  if (typeof versionNumber !== 'number' || !Number.isInteger(versionNumber) || versionNumber < 1) {
    throw new Error(
      `clasp create-version printed no version number: ${JSON.stringify(stdout.trim())}`,
    );
  }
  return versionNumber;
}

function deploymentIdOf(stdout: string, versionNumber: number): string {
  const result = lastJsonObject(stdout, 'clasp create-deployment');
  if (typeof result.deploymentId !== 'string' || result.deploymentId === '') {
    throw new Error(
      `clasp create-deployment printed no deployment id: ${JSON.stringify(stdout.trim())}`,
    );
  }
  if (result.versionNumber !== versionNumber) {
    throw new Error(
      `clasp create-deployment deployed version ${String(result.versionNumber)}, not the new version ${versionNumber}`,
    );
  }
  return result.deploymentId;
}

/** A step that failed after others had run: the message says what already happened. */
function failedStep(step: string, error: unknown, done: readonly string[]): Error {
  const cause = error instanceof Error ? error.message : String(error);
  const before =
    done.length === 0 ? 'Nothing had run before it.' : `Done before it: ${done.join('; ')}.`;
  return new Error(`npm run deploy: ${step} failed: ${cause}. ${before}`);
}

/**
 * Builds dist/, pushes it (with --force: the repository's manifest is the one to send; without
 * it a non-interactive push skips a changed manifest and pushes nothing), creates a version
 * and deploys it. Stops at the first failure and says which steps had already run.
 */
export async function deploy(options: DeployOptions, run: RunCommand): Promise<DeployResult> {
  const scriptId = scriptIdOf(options.claspJson);
  const description = options.description.trim();
  if (description === '') throw new DeployRefused('npm run deploy: the description is empty.');
  const clasp = [options.node, options.clasp];
  const done: string[] = [];
  const step = async <T>(
    name: string,
    argv: readonly string[],
    read: (out: string) => T,
  ): Promise<T> => {
    let value: T;
    try {
      value = read(await run(argv));
    } catch (error) {
      throw failedStep(name, error, done);
    }
    return value;
  };

  await step(
    'the build',
    [options.node, path.join(options.root, 'scripts', 'build.mjs')],
    () => undefined,
  );
  done.push('built dist/');
  await step('clasp push', [...clasp, 'push', '--force'], () => undefined);
  done.push(`pushed dist/ to script ${scriptId}`);
  const versionNumber = await step(
    'clasp create-version',
    [...clasp, '--json', 'create-version', description],
    versionNumberOf,
  );
  done.push(`created version ${versionNumber}`);
  const deployArgs = ['-V', String(versionNumber), '-d', description];
  if (options.deploymentId) deployArgs.push('-i', options.deploymentId);
  const deploymentId = await step(
    'clasp create-deployment',
    [...clasp, '--json', 'create-deployment', ...deployArgs],
    (out) => deploymentIdOf(out, versionNumber),
  );
  return { scriptId, versionNumber, deploymentId };
}

/** What to do with the result: the Marketplace SDK asks for the script id and the version. */
export function deploySummary(result: DeployResult): string {
  return [
    `Deployed version ${result.versionNumber} of script ${result.scriptId} as deployment ${result.deploymentId}.`,
    'Google Workspace Marketplace SDK → App Configuration → Editor add-on: script id ' +
      `${result.scriptId}, version ${result.versionNumber} (see README, Publishing).`,
  ].join('\n');
}
