// Builds the Apps Script project into dist/:
//   dist/Code.js          the server bundle plus one plain top-level function per global
//   dist/Sidebar.html     the sidebar page with its CSS and script inlined
//   dist/appsscript.json  the manifest
// Apps Script sees only top-level function declarations, and reads a custom
// function's JSDoc from right above it, so the globals listed in src/index.ts get
// delegating stubs that carry the JSDoc written next to each function's source.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
/** The one global the bundle defines; the stubs delegate to it. */
export const BUNDLE_GLOBAL = 'FineTuningCostAddIn';
const TARGET = 'es2019';

/** The functions src/index.ts exports, each with its parameter names and JSDoc. */
export function readGlobals(entry = path.join(root, 'src', 'index.ts')) {
  const program = ts.createProgram([entry], { target: ts.ScriptTarget.ES2019, allowJs: false });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`${entry} exports nothing`);
  return checker.getExportsOfModule(moduleSymbol).map((exported) => {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.declarations?.find(ts.isFunctionDeclaration);
    if (!declaration)
      throw new Error(`src/index.ts: ${exported.name} must be a function declaration`);
    const text = declaration.getSourceFile().getFullText();
    const comments = ts.getLeadingCommentRanges(text, declaration.getFullStart()) ?? [];
    const jsdoc = comments
      .map((range) => text.slice(range.pos, range.end))
      .filter((comment) => comment.startsWith('/**'))
      .pop();
    return {
      name: exported.name,
      params: declaration.parameters.map((param) => param.name.getText()),
      jsdoc: jsdoc ? jsdoc.replace(/^[ \t]*\*/gm, ' *') : '',
    };
  });
}

// The named parameters are what Sheets shows as argument hints; the call passes on
// every argument given (`arguments`), so a function can tell a formula that has one
// too many instead of silently dropping it.
/** A JSDoc comment split into its description lines and its tags. */
export function parseJsdoc(jsdoc) {
  const lines = jsdoc
    .replace(/^\s*\/\*\*/, '')
    .replace(/\*\/\s*$/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\*\s?/, '').trim());
  const description = [];
  const examples = [];
  const tags = [];
  for (const line of lines) {
    if (line.startsWith('@')) {
      const match = /^@(\w+)\s*(.*)$/.exec(line);
      tags.push({ tag: match[1], text: match[2] });
    } else if (tags.length > 0) {
      if (line) tags[tags.length - 1].text += ` ${line}`;
    } else if (line.startsWith('Example:')) {
      examples.push(line.slice('Example:'.length).trim());
    } else if (line) {
      description.push(line);
    }
  }
  return { description: description.join(' '), examples, tags };
}

/** One @param tag: `{type} name description`. */
export function parseParam(text, functionName) {
  const match = /^\{([^}]+)\}\s+(\w+)\s*(.*)$/.exec(text);
  if (!match) throw new Error(`${functionName}: cannot read @param ${text}`);
  const [, type, name, rest] = match;
  const optional = /^Optional\b:?\s*/.exec(rest);
  const meaning = optional ? rest.slice(optional[0].length) : rest;
  return {
    name,
    type: type
      .split('|')
      .map((part) => (part.trim() === 'string' ? 'text' : part.trim()))
      .join(' or '),
    optional: Boolean(optional),
    meaning,
  };
}

/**
 * The custom functions as the add-on's Function reference dialog lists them, read from
 * the same JSDoc as the stubs and the README, so the three cannot disagree.
 */
export function functionReferenceEntries(globals = readGlobals()) {
  return globals.flatMap((global) => {
    const doc = parseJsdoc(global.jsdoc);
    if (!doc.tags.some((tag) => tag.tag === 'customfunction')) return [];
    const params = doc.tags
      .filter((tag) => tag.tag === 'param')
      .map((tag) => parseParam(tag.text, global.name));
    const args = params.map((param) => (param.optional ? `[${param.name}]` : param.name));
    return [
      {
        syntax: `${global.name}(${args.join(', ')})`,
        does: doc.description,
        example: doc.examples.join(' '),
      },
    ];
  });
}

function stub({ name, params, jsdoc }) {
  const call = params.length > 0 ? '.apply(null, arguments)' : '()';
  return `${jsdoc ? `${jsdoc}\n` : ''}function ${name}(${params.join(', ')}) {\n  return ${BUNDLE_GLOBAL}.${name}${call};\n}\n`;
}

async function buildServer() {
  const result = await build({
    entryPoints: [path.join(root, 'src', 'index.ts')],
    bundle: true,
    format: 'iife',
    globalName: BUNDLE_GLOBAL,
    target: TARGET,
    platform: 'neutral',
    legalComments: 'none',
    // Apps Script loads the whole file for every custom-function call: drop whitespace,
    // simplify syntax and shorten local names (the manifest logs no exceptions, so no stack
    // is read in production; exported names stay, the stubs call them), and break lines so
    // an error's line number still points somewhere (not all at line 2).
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: true,
    lineLimit: 120,
    write: false,
  });
  const bundle = result.outputFiles[0].text;
  const stubs = readGlobals().map(stub).join('\n');
  const header = '// Built by scripts/build.mjs from src/: edit the TypeScript, not this file.\n';
  writeAtomically(path.join(dist, 'Code.js'), `${header}${bundle}\n${stubs}`);
}

/** Escapes text for the reference page's HTML. */
function escapeHtml(text) {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * dist/Reference.html, the add-on's Function reference dialog, from the same JSDoc as the
 * stubs' autocomplete and the README's table. A file of its own rather than text inside
 * dist/Code.js: Apps Script loads Code.js for every custom-function call, the page only when
 * the dialog opens.
 */
export function referencePage(entries = functionReferenceEntries()) {
  const rows = entries
    .map(
      (entry) =>
        `<tr><td><code>${escapeHtml(entry.syntax)}</code></td><td>${escapeHtml(entry.does)}<br><small>${escapeHtml(entry.example)}</small></td></tr>`,
    )
    .join('');
  return (
    '<!DOCTYPE html><html><head><base target="_top"><style>' +
    'body{font:13px Arial,sans-serif;margin:8px}table{border-collapse:collapse}' +
    'td{border-bottom:1px solid #ddd;padding:6px;vertical-align:top}code{white-space:normal}' +
    '</style></head><body><p>Every function takes single cells or whole ranges; names are matched ' +
    'ignoring case and spaces; a model may be a size in billions (8 or "8B").</p>' +
    `<table>${rows}</table></body></html>\n`
  );
}

async function buildSidebar() {
  const page = path.join(root, 'sidebar', 'index.html');
  if (!existsSync(page)) return;
  const script = await build({
    entryPoints: [path.join(root, 'sidebar', 'main.ts')],
    bundle: true,
    format: 'iife',
    target: TARGET,
    platform: 'browser',
    legalComments: 'none',
    write: false,
  });
  const js = script.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const css = readFileSync(path.join(root, 'sidebar', 'style.css'), 'utf8');
  const html = readFileSync(page, 'utf8')
    .replace('<!-- inline:style.css -->', () => `<style>\n${css}</style>`)
    .replace('<!-- inline:main.ts -->', () => `<script>\n${js}</script>`);
  writeAtomically(path.join(dist, 'Sidebar.html'), html);
}

/** Writes through a temporary file, so a test reading dist/ never sees half a file. */
function writeAtomically(file, text) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(dist, { recursive: true });
  writeAtomically(
    path.join(dist, 'appsscript.json'),
    readFileSync(path.join(root, 'appsscript.json'), 'utf8'),
  );
  writeAtomically(path.join(dist, 'Reference.html'), referencePage());
  await Promise.all([buildServer(), buildSidebar()]);
}
