/** The engine is pure TypeScript: no Apps Script, no DOM, no Node, nothing outside src/engine. */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const ENGINE = path.join(ROOT, 'src', 'engine');
const engineFiles = readdirSync(ENGINE).filter((file) => file.endsWith('.ts'));

/** Source without comments and string contents, so prose like "the document" does not count. */
function codeOnly(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/[^\n]*/g, ' ')
    .replace(/`(?:\\[\s\S]|[^`\\])*`/g, '``')
    .replace(/'(?:\\.|[^'\\\n])*'/g, "''")
    .replace(/"(?:\\.|[^"\\\n])*"/g, '""');
}

const FORBIDDEN = [
  'SpreadsheetApp',
  'HtmlService',
  'ScriptApp',
  'PropertiesService',
  'UrlFetchApp',
  'Utilities',
  'Logger',
  'Session',
  'google',
  'document',
  'window',
  'navigator',
  'localStorage',
  'process',
  'require',
  'setTimeout',
  'fetch',
];

describe('src/engine is pure', () => {
  it('has the engine files the index re-exports', () => {
    expect(engineFiles).toEqual(
      expect.arrayContaining(['catalog.ts', 'names.ts', 'scenario.ts', 'index.ts', 'errors.ts']),
    );
  });

  it.each(engineFiles)('%s imports only from src/engine', (file) => {
    const source = readFileSync(path.join(ENGINE, file), 'utf8');
    const specifiers = [...source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map(
      (match) => match[1],
    );
    for (const specifier of specifiers) {
      expect(specifier).toMatch(/^\.\/[\w-]+$/);
    }
  });

  it.each(engineFiles)('%s names no Apps Script, DOM or Node global', (file) => {
    const code = codeOnly(readFileSync(path.join(ENGINE, file), 'utf8'));
    const found = FORBIDDEN.filter((name) => new RegExp(`\\b${name}\\b`).test(code));
    expect(found).toEqual([]);
  });

  it('the check itself catches a forbidden name in code but not in a comment', () => {
    expect(codeOnly("// the document\nconst a = 'window';")).not.toMatch(/\b(document|window)\b/);
    expect(codeOnly('const sheet = SpreadsheetApp.getActive();')).toMatch(/\bSpreadsheetApp\b/);
  });

  it('compiles with no Apps Script, DOM or Node types (tsc -p src/engine)', () => {
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    try {
      execFileSync(process.execPath, [tsc, '-p', ENGINE, '--noEmit'], { cwd: ROOT, stdio: 'pipe' });
    } catch (error) {
      // tsc prints its diagnostics on stdout; they are the whole story, the spawn error adds nothing.
      const output = String((error as { stdout?: Buffer }).stdout ?? error);
      // eslint-disable-next-line preserve-caught-error
      throw new Error(`tsc -p src/engine failed:\n${output}`);
    }
  });
});
