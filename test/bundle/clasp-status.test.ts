// `clasp status --json` works offline, without a login, and lists exactly the files a
// push would send: the built Code.js, the manifest, and the sidebar page once it exists.
//
// The committed .clasp.json carries a placeholder script id (clasp 3.4.1 refuses to run
// `status` with an empty one: "Project settings not found."), so `npx clasp status --json`
// works on a fresh clone. The test runs clasp on a temporary copy of the project, where it
// can drop decoys without touching the work tree; everything else is copied as is.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './helpers';

const CLASP = path.join(ROOT, 'node_modules', '@google', 'clasp', 'build', 'src', 'index.js');
const FAKE_SCRIPT_ID = 'FAKE-SCRIPT-ID-for-an-offline-clasp-status-test';
/** What a push must send, if the build wrote it. */
const PUSHED_FROM_DIST = ['Code.js', 'appsscript.json', 'Reference.html', 'Sidebar.html'];

/** Not in a clone (ignored by git), or too big to copy; node_modules gets a decoy instead. */
const SKIPPED = new Set(['node_modules', '.git', 'coverage', 'playground-data', 'test-results']);

interface ClaspStatus {
  filesToPush: string[];
  untrackedFiles: string[];
}

let workspace: string;
let project: string;

beforeAll(() => {
  workspace = mkdtempSync(path.join(os.tmpdir(), 'clasp-status-'));
  project = path.join(workspace, 'project');
  mkdirSync(project);
  // The project as a clone has it (node_modules and .git aside), with dist/ as built.
  for (const entry of readdirSync(ROOT)) {
    if (SKIPPED.has(entry)) continue;
    cpSync(path.join(ROOT, entry), path.join(project, entry), { recursive: true });
  }
  // A decoy dependency: a push must never send node_modules.
  mkdirSync(path.join(project, 'node_modules', 'decoy'), { recursive: true });
  writeFileSync(path.join(project, 'node_modules', 'decoy', 'index.js'), 'module.exports = 1;\n');
  const config = JSON.parse(readFileSync(path.join(ROOT, '.clasp.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  if (!config.scriptId) config.scriptId = FAKE_SCRIPT_ID;
  writeFileSync(path.join(project, '.clasp.json'), JSON.stringify(config));
});

afterAll(() => {
  rmSync(workspace, { recursive: true, force: true });
});

function claspStatus(): ClaspStatus {
  const home = path.join(workspace, 'home');
  mkdirSync(home, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // No credentials anywhere: an empty home, no auth file from the environment.
    HOME: home,
    USERPROFILE: home,
    XDG_CONFIG_HOME: home,
    // A request would go to a proxy that is not there and fail loudly.
    HTTP_PROXY: 'http://127.0.0.1:9',
    HTTPS_PROXY: 'http://127.0.0.1:9',
    NO_PROXY: '',
  };
  delete env.clasp_config_auth;
  delete env.clasp_config_project;
  delete env.clasp_config_ignore;
  delete env.GOOGLE_APPLICATION_CREDENTIALS;
  // What `npx clasp status --json` runs: the locally installed clasp's bin script.
  const stdout = execFileSync(process.execPath, [CLASP, 'status', '--json'], {
    cwd: project,
    env,
    encoding: 'utf8',
    timeout: 60000,
  });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '') as ClaspStatus;
}

describe('npx clasp status --json', () => {
  it('the committed .clasp.json sends dist/ and has no real script id to push to', () => {
    const config = JSON.parse(readFileSync(path.join(ROOT, '.clasp.json'), 'utf8')) as {
      rootDir?: string;
      scriptId?: string;
    };
    expect(config.rootDir).toBe('dist');
    // A placeholder, so a fresh clone can run `clasp status` but never push anywhere real.
    expect(config.scriptId).toBe('REPLACE_WITH_YOUR_SCRIPT_ID');
  });

  it('runs offline without a login and lists exactly the files a push must send', () => {
    const expected = PUSHED_FROM_DIST.filter((file) => existsSync(path.join(ROOT, 'dist', file)))
      .map((file) => `dist/${file}`)
      .sort();
    expect(expected).toEqual(expect.arrayContaining(['dist/Code.js', 'dist/appsscript.json']));
    const status = claspStatus();
    expect([...status.filesToPush].sort()).toEqual(expected);
  });

  it('would list a stray script dropped into dist/ (the check can fail)', () => {
    const stray = path.join(project, 'dist', 'stray.js');
    writeFileSync(stray, 'function stray() {}\n');
    try {
      expect(claspStatus().filesToPush).toContain('dist/stray.js');
    } finally {
      rmSync(stray);
    }
  });
});
