// Parses the built dist/Code.js and checks what Apps Script reads from it: plain
// top-level function declarations with named parameters, each FT_* one with its
// JSDoc right above it, and no other top-level code than the bundle's initialiser.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { FT_FUNCTIONS, parseCodeJs, ROOT } from './helpers';

interface SourceFunction {
  readonly name: string;
  readonly params: readonly { readonly name: string; readonly optional: boolean }[];
  readonly jsdoc: string;
}

/** The FT_* functions as written in the TypeScript source (src/functions/), read independently of the build. */
function sourceFunctions(): Map<string, SourceFunction> {
  const found = new Map<string, SourceFunction>();
  const dir = path.join(ROOT, 'src', 'functions');
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.ts'))) {
    const file = path.join(dir, name);
    const source = ts.createSourceFile(
      file,
      readFileSync(file, 'utf8'),
      ts.ScriptTarget.ES2019,
      true,
    );
    for (const statement of source.statements) {
      if (!ts.isFunctionDeclaration(statement) || !statement.name) continue;
      const exported = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (!exported || !statement.name.text.startsWith('FT_')) continue;
      found.set(statement.name.text, {
        name: statement.name.text,
        params: statement.parameters.map((param) => ({
          name: param.name.getText(source),
          optional: Boolean(param.questionToken || param.initializer),
        })),
        jsdoc: leadingJsdoc(source, statement) ?? '',
      });
    }
  }
  return found;
}

/** The names src/index.ts exports: everything Apps Script must see as a global. */
function indexExports(): string[] {
  const file = path.join(ROOT, 'src', 'index.ts');
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.ES2019,
    true,
  );
  const names: string[] = [];
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement) && statement.exportClause) {
      if (ts.isNamedExports(statement.exportClause)) {
        names.push(...statement.exportClause.elements.map((element) => element.name.text));
      }
    } else if (
      ts.isFunctionDeclaration(statement) &&
      statement.name &&
      statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
    ) {
      names.push(statement.name.text);
    }
  }
  return names;
}

/** The last /** comment directly above a node, or undefined. */
function leadingJsdoc(source: ts.SourceFile, node: ts.Node): string | undefined {
  const text = source.getFullText();
  const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  const last = ranges[ranges.length - 1];
  if (!last) return undefined;
  const comment = text.slice(last.pos, last.end);
  return comment.startsWith('/**') ? comment : undefined;
}

/** A comment's text with its "*" margins removed and lines trimmed, for comparing. */
function normalized(jsdoc: string): string {
  return jsdoc
    .split('\n')
    .map((line) => line.replace(/^\s*(\/\*\*|\*\/|\*)/, '').trim())
    .join('\n')
    .trim();
}

const code = parseCodeJs();
const text = code.getFullText();
const declarations = new Map<string, ts.FunctionDeclaration>();
for (const statement of code.statements) {
  if (ts.isFunctionDeclaration(statement) && statement.name) {
    declarations.set(statement.name.text, statement);
  }
}
const source = sourceFunctions();

describe('the top level of dist/Code.js', () => {
  it('holds only "use strict", the bundle variable set by its IIFE, and function declarations', () => {
    const unexpected: string[] = [];
    let bundleVariables = 0;
    code.statements.forEach((statement, index) => {
      if (
        index === 0 &&
        ts.isExpressionStatement(statement) &&
        ts.isStringLiteral(statement.expression) &&
        statement.expression.text === 'use strict'
      ) {
        return;
      }
      if (ts.isFunctionDeclaration(statement)) return;
      if (ts.isVariableStatement(statement)) {
        const [declaration, ...more] = statement.declarationList.declarations;
        const initializer = declaration?.initializer;
        if (more.length === 0 && initializer && isIifeWithoutArguments(initializer)) {
          bundleVariables++;
          return;
        }
      }
      unexpected.push(statement.getText(code).slice(0, 80));
    });
    expect(unexpected).toEqual([]);
    expect(bundleVariables).toBe(1);
  });

  it('is minified but broken into lines, so a stack trace’s line number locates the code', () => {
    const lines = readFileSync(path.join(ROOT, 'dist', 'Code.js'), 'utf8').split('\n');
    // About 77 KB: one line would put every error at line 2.
    expect(lines.length).toBeGreaterThan(300);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThan(1000);
  });

  it('has one global function per export of src/index.ts, and no others', () => {
    expect([...declarations.keys()].sort()).toEqual(indexExports().sort());
  });

  it('exports every FT_* function the issue names, and the source defines them', () => {
    expect([...source.keys()].sort()).toEqual(Object.keys(FT_FUNCTIONS).sort());
    for (const name of Object.keys(FT_FUNCTIONS)) expect(declarations.has(name)).toBe(true);
  });

  it('each stub only delegates to the bundle, passing on every argument it was given', () => {
    // `arguments`, not the named parameters: a formula with one argument too many
    // must reach the function, which then says so, instead of losing the extra one.
    const bundleVariable = code.statements.find(ts.isVariableStatement)?.declarationList
      .declarations[0].name;
    const bundleName = bundleVariable && ts.isIdentifier(bundleVariable) ? bundleVariable.text : '';
    expect(bundleName).not.toBe('');
    for (const [name, declaration] of declarations) {
      const call = declaration.parameters.length > 0 ? '.apply(null, arguments)' : '()';
      expect(`${name}: ${normalizeSpace(declaration.body?.getText(code) ?? '')}`).toBe(
        `${name}: { return ${bundleName}.${name}${call}; }`,
      );
    }
    expect(declarations.get('FT_HOURS')?.body?.getText(code)).toContain('.apply(null, arguments)');
  });
});

describe.each(Object.keys(FT_FUNCTIONS))('the declaration of %s in dist/Code.js', (name) => {
  const declaration = declarations.get(name);
  const written = source.get(name);
  if (!declaration || !written) {
    it('exists', () => {
      expect({ inBundle: Boolean(declaration), inSource: Boolean(written) }).toEqual({
        inBundle: true,
        inSource: true,
      });
    });
    return;
  }
  const params = declaration.parameters;
  const jsdoc = leadingJsdoc(code, declaration);
  const tags = ts.getJSDocTags(declaration);

  it('is a plain function with named, simple parameters matching the TypeScript source', () => {
    expect(declaration.asteriskToken).toBeUndefined();
    expect(declaration.modifiers ?? []).toHaveLength(0);
    for (const param of params) {
      expect(ts.isIdentifier(param.name)).toBe(true);
      expect(param.initializer).toBeUndefined();
      expect(param.dotDotDotToken).toBeUndefined();
    }
    expect(params.map((param) => param.name.getText(code))).toEqual(
      written.params.map((param) => param.name),
    );
    expect(params).toHaveLength(FT_FUNCTIONS[name]);
  });

  it('has its JSDoc right above it, as written in the TypeScript source', () => {
    expect(jsdoc).toBeDefined();
    const between = text.slice(
      (ts.getLeadingCommentRanges(text, declaration.getFullStart()) ?? []).pop()?.end ?? 0,
      declaration.getStart(code),
    );
    expect(between).toMatch(/^[ \t]*\r?\n?[ \t]*$/);
    expect(normalized(jsdoc ?? '')).toBe(normalized(written.jsdoc));
  });

  it('has a description, @customfunction and @return', () => {
    const description = ts.getTextOfJSDocComment(
      ts.getJSDocCommentsAndTags(declaration).filter(ts.isJSDoc).pop()?.comment,
    );
    expect((description ?? '').trim().length).toBeGreaterThan(20);
    expect(tags.filter((tag) => tag.tagName.text === 'customfunction')).toHaveLength(1);
    const returns = tags.filter(ts.isJSDocReturnTag);
    expect(returns).toHaveLength(1);
    expect((ts.getTextOfJSDocComment(returns[0].comment) ?? '').trim()).not.toBe('');
  });

  it('has one @param {type} name description per parameter, in order', () => {
    const paramTags = tags.filter(ts.isJSDocParameterTag);
    expect(paramTags.map((tag) => tag.name.getText(code))).toEqual(
      params.map((param) => param.name.getText(code)),
    );
    for (const tag of paramTags) {
      const type = tag.typeExpression?.type.getText(code) ?? '';
      expect(`${tag.name.getText(code)}: ${type}`).toMatch(/: (number|string|string\|number)$/);
      expect((ts.getTextOfJSDocComment(tag.comment) ?? '').trim().length).toBeGreaterThan(5);
    }
  });

  it('says "Optional" in exactly the descriptions of the optional parameters', () => {
    const paramTags = tags.filter(ts.isJSDocParameterTag);
    const saysOptional = paramTags.map((tag) =>
      /^Optional\b/.test((ts.getTextOfJSDocComment(tag.comment) ?? '').trim()),
    );
    expect(saysOptional).toEqual(written.params.map((param) => param.optional));
  });
});

function isIifeWithoutArguments(node: ts.Expression): boolean {
  if (!ts.isCallExpression(node) || node.arguments.length !== 0) return false;
  let callee: ts.Expression = node.expression;
  while (ts.isParenthesizedExpression(callee)) callee = callee.expression;
  return ts.isArrowFunction(callee) || ts.isFunctionExpression(callee);
}

function normalizeSpace(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
