// Where the project's files are, found the same way whether this code runs from
// playground/ (tests) or from a bundle under node_modules/.cache (npm start).
import { existsSync } from 'node:fs';
import path from 'node:path';

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (
      existsSync(path.join(dir, 'scripts', 'build.mjs')) &&
      existsSync(path.join(dir, 'package.json'))
    )
      return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/** The project's root directory. */
export const ROOT: string = findRoot(__dirname);
export const DIST: string = path.join(ROOT, 'dist');
export const CODE_JS: string = path.join(DIST, 'Code.js');
export const SIDEBAR_HTML: string = path.join(DIST, 'Sidebar.html');
export const CLIENT_DIR: string = path.join(ROOT, 'playground', 'client');
export const DEFAULT_DATA_FILE: string = path.join(ROOT, 'playground-data', 'workbook.json');
