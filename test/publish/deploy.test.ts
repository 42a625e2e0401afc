// `npm run deploy` without Google: the refusal while .clasp.json has the placeholder id, and
// the exact commands it runs, given to a fake runner that answers as clasp 3.4.1 answers
// with --json (scripts/deploy/plan.ts quotes the commands' output). Nothing here runs clasp.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  DeployRefused,
  PLACEHOLDER_SCRIPT_ID,
  deploy,
  lastJsonObject,
  parseDeployArgs,
  scriptIdOf,
} from '../../scripts/deploy/plan';
import type { DeployOptions, RunCommand } from '../../scripts/deploy/plan';

const ROOT = path.join(__dirname, '..', '..');
const NODE = '/opt/node/bin/node';
const CLASP = '/project/node_modules/@google/clasp/build/src/index.js';
const SCRIPT_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-abcdefghijklmnopq';

function options(overrides: Partial<DeployOptions> = {}): DeployOptions {
  return {
    root: '/project',
    claspJson: JSON.stringify({ scriptId: SCRIPT_ID, rootDir: 'dist' }),
    node: NODE,
    clasp: CLASP,
    description: 'Fine-tuning cost 0.1.0',
    ...overrides,
  };
}

/** A runner that records every command and answers clasp as clasp prints with --json. */
function fakeRunner(answers: { version?: string; deployment?: string; failOn?: string } = {}): {
  run: RunCommand;
  commands: string[][];
} {
  const commands: string[][] = [];
  const run: RunCommand = async (argv) => {
    commands.push([...argv]);
    if (answers.failOn && argv.includes(answers.failOn)) throw new Error('exit code 1');
    if (argv.includes('create-version')) return answers.version ?? '{\n  "versionNumber": 7\n}\n';
    if (argv.includes('create-deployment')) {
      return (
        answers.deployment ??
        '{\n  "deploymentId": "AKfycbxDEPLOYMENT",\n  "versionNumber": 7,\n  "description": "Fine-tuning cost 0.1.0"\n}\n'
      );
    }
    return '';
  };
  return { run, commands };
}

describe('npm run deploy refuses to start', () => {
  it('with the committed .clasp.json, and says what to do; nothing runs', async () => {
    const committed = readFileSync(path.join(ROOT, '.clasp.json'), 'utf8');
    const { run, commands } = fakeRunner();
    await expect(deploy(options({ claspJson: committed }), run)).rejects.toThrow(DeployRefused);
    await expect(deploy(options({ claspJson: committed }), run)).rejects.toThrow(
      /placeholder script id REPLACE_WITH_YOUR_SCRIPT_ID.*Project settings.*npx clasp login.*Nothing was built or pushed/,
    );
    expect(commands).toEqual([]);
  });

  it('without a script id, without .clasp.json, with broken JSON or with another rootDir', () => {
    expect(() => scriptIdOf(JSON.stringify({ scriptId: '  ', rootDir: 'dist' }))).toThrow(
      /placeholder script id .* \(or none\)/,
    );
    expect(() => scriptIdOf(undefined)).toThrow(/there is no \.clasp\.json/);
    expect(() => scriptIdOf('{"scriptId": ')).toThrow(/not valid JSON/);
    expect(() => scriptIdOf(JSON.stringify({ scriptId: SCRIPT_ID, rootDir: '.' }))).toThrow(
      /"rootDir": "\."; it must be "dist"/,
    );
    expect(() => scriptIdOf(JSON.stringify({ scriptId: SCRIPT_ID }))).toThrow(/"rootDir": null/);
    expect(PLACEHOLDER_SCRIPT_ID).toBe('REPLACE_WITH_YOUR_SCRIPT_ID');
  });

  it('accepts a real id with rootDir dist (also written ./dist)', () => {
    expect(scriptIdOf(JSON.stringify({ scriptId: SCRIPT_ID, rootDir: './dist' }))).toBe(SCRIPT_ID);
  });
});

describe('npm run deploy with a script id', () => {
  it('builds, pushes with --force, creates a version, then deploys that version', async () => {
    const { run, commands } = fakeRunner();
    const result = await deploy(options(), run);
    expect(commands).toEqual([
      [NODE, '/project/scripts/build.mjs'],
      [NODE, CLASP, 'push', '--force'],
      [NODE, CLASP, '--json', 'create-version', 'Fine-tuning cost 0.1.0'],
      [NODE, CLASP, '--json', 'create-deployment', '-V', '7', '-d', 'Fine-tuning cost 0.1.0'],
    ]);
    expect(result).toEqual({
      scriptId: SCRIPT_ID,
      versionNumber: 7,
      deploymentId: 'AKfycbxDEPLOYMENT',
    });
  });

  it('moves an existing deployment to the new version when given its id', async () => {
    const { run, commands } = fakeRunner();
    await deploy(options({ deploymentId: 'AKfycbxOLD' }), run);
    expect(commands[3]).toEqual([
      NODE,
      CLASP,
      '--json',
      'create-deployment',
      '-V',
      '7',
      '-d',
      'Fine-tuning cost 0.1.0',
      '-i',
      'AKfycbxOLD',
    ]);
  });

  it('stops at a failed push and says that only the build ran', async () => {
    const { run, commands } = fakeRunner({ failOn: 'push' });
    await expect(deploy(options(), run)).rejects.toThrow(
      'npm run deploy: clasp push failed: exit code 1. Done before it: built dist/.',
    );
    expect(commands).toHaveLength(2);
  });

  it('stops when clasp reports no version number (it prints 0 when the API gave none)', async () => {
    const { run, commands } = fakeRunner({ version: '{ "versionNumber": 0 }' });
    await expect(deploy(options(), run)).rejects.toThrow(
      /create-version failed: clasp create-version printed no version number.*Done before it: built dist\/; pushed dist\/ to script 1AbC/,
    );
    expect(commands).toHaveLength(3);
  });

  it('stops when the deployment is of another version', async () => {
    const { run } = fakeRunner({
      deployment: '{ "deploymentId": "AKfycbx", "versionNumber": 6 }',
    });
    await expect(deploy(options(), run)).rejects.toThrow(
      /deployed version 6, not the new version 7.*created version 7\./,
    );
  });

  it('refuses an empty description before running anything', async () => {
    const { run, commands } = fakeRunner();
    await expect(deploy(options({ description: '  ' }), run)).rejects.toThrow(
      /description is empty/,
    );
    expect(commands).toEqual([]);
  });
});

describe("reading clasp's --json output", () => {
  it('takes the last JSON object, after any other line clasp printed', () => {
    expect(lastJsonObject('Warning: something\n{\n  "versionNumber": 12\n}\n', 'x')).toEqual({
      versionNumber: 12,
    });
    expect(lastJsonObject('{"a": {"b": 1}}', 'x')).toEqual({ a: { b: 1 } });
    expect(() => lastJsonObject('Created version 3', 'clasp create-version')).toThrow(
      'clasp create-version printed no JSON result: "Created version 3"',
    );
  });
});

describe('npm run deploy -- arguments', () => {
  it('joins the words into the description and takes --deployment-id with its id', () => {
    expect(parseDeployArgs([])).toEqual({ description: '', deploymentId: undefined });
    expect(parseDeployArgs(['Fix', 'the', '--deployment-id', 'AKfycbx1', 'banner'])).toEqual({
      description: 'Fix the banner',
      deploymentId: 'AKfycbx1',
    });
  });

  it('refuses --deployment-id without an id', () => {
    expect(() => parseDeployArgs(['--deployment-id'])).toThrow(DeployRefused);
    expect(() => parseDeployArgs(['--deployment-id', '--other'])).toThrow(
      /--deployment-id needs the id of a deployment/,
    );
  });
});
