/**
 * The add-in's code stays in pieces a reader takes in at once: no function, method or
 * arrow function under src/addon is longer than a screenful (issue 22: "layout in rooms").
 * Lengths are measured on the syntax tree (TypeScript's parser), from the declaration's
 * first line to its closing brace, so a nested function counts towards its parent too.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');
const ADDON = path.join(ROOT, 'src', 'addon');
/** A screenful: the most lines one function may take, its signature and braces included. */
const MAX_LINES = 80;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return entry.endsWith('.ts') ? [full] : [];
  });
}

interface FunctionLength {
  readonly where: string;
  readonly lines: number;
}

/** Every function-like node of a source text with its length in lines. */
function functionLengths(fileName: string, text: string): FunctionLength[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2019, true);
  const found: FunctionLength[] = [];
  const lineOf = (position: number): number => source.getLineAndCharacterOfPosition(position).line;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = lineOf(node.getStart(source));
      const lines = lineOf(node.getEnd()) - first + 1;
      const name = node.name && ts.isIdentifier(node.name) ? node.name.text : '(anonymous)';
      found.push({ where: `${path.relative(ROOT, fileName)}:${first + 1} ${name}`, lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('functions under src/addon are a screenful', () => {
  test('the measure counts a function, a method and an arrow, nested ones too', () => {
    // Hand-made source: f spans lines 1-7 (7 lines), the arrow g lines 2-4 (3 lines), the
    // method m lines 9-11 (3 lines) and the function expression h line 13 (1 line).
    const text = [
      'function f(): void {',
      '  const g = (): number => {',
      '    return 1;',
      '  };',
      '  g();',
      '  g();',
      '}',
      'class C {',
      '  m(): void {',
      '    return;',
      '  }',
      '}',
      'const h = function (): void {};',
    ].join('\n');
    const lengths = functionLengths('sample.ts', text).map(({ where, lines }) => [
      where.replace(/^.*:/, ''),
      lines,
    ]);
    expect(lengths).toEqual([
      ['1 f', 7],
      ['2 (anonymous)', 3],
      ['9 m', 3],
      ['13 (anonymous)', 1],
    ]);
  });

  test(`no function is longer than ${MAX_LINES} lines`, () => {
    const files = sourceFiles(ADDON);
    expect(files.length).toBeGreaterThan(5);
    const tooLong = files
      .flatMap((file) => functionLengths(file, readFileSync(file, 'utf8')))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ where, lines }) => `${where}: ${lines} lines`);
    expect(tooLong).toEqual([]);
  });
});
