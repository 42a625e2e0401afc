// `npm run deploy [-- "what changed"] [--deployment-id ID]`: builds dist/, pushes it with
// clasp, creates a version and a deployment of it, and prints the script id and version the
// Marketplace SDK asks for. Refuses to start while .clasp.json has the placeholder script id.
// The steps are in scripts/deploy/plan.ts (tested there with a fake runner).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DeployRefused, deploy, deploySummary, parseDeployArgs } from './deploy/plan';
import type { DeployResult, RunCommand } from './deploy/plan';

// scripts/run-ts.mjs runs a bundled copy elsewhere; argv[1] is this file's real path.
const root = path.resolve(path.dirname(process.argv[1]), '..');

/** Runs a command in the project's folder, showing its output as it comes; rejects on a non-zero exit. */
const run: RunCommand = (argv) =>
  new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), {
      cwd: root,
      stdio: ['inherit', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      process.stdout.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(signal ? `stopped by ${signal}` : `exit code ${code}`));
    });
  });

const version = (
  JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }
).version;
const claspFile = path.join(root, '.clasp.json');

function start(): Promise<DeployResult> {
  const { description, deploymentId } = parseDeployArgs(process.argv.slice(2));
  return deploy(
    {
      root,
      claspJson: existsSync(claspFile) ? readFileSync(claspFile, 'utf8') : undefined,
      node: process.execPath,
      clasp: path.join(root, 'node_modules', '@google', 'clasp', 'build', 'src', 'index.js'),
      description:
        description || `Fine-tuning cost ${version}, ${new Date().toISOString().slice(0, 10)}`,
      deploymentId,
    },
    run,
  );
}

// Through a promise, so a refusal of the arguments is reported like any other.
Promise.resolve()
  .then(start)
  .then(
    (result) => console.log(`\n${deploySummary(result)}`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = error instanceof DeployRefused ? 2 : 1;
    },
  );
