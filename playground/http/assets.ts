// The page's HTML, CSS and script, built once per server from playground/client/
// (the script with esbuild, everything inlined: the page loads nothing else).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CLIENT_DIR } from '../paths';

export interface PageAssets {
  /** The playground page. */
  readonly page: string;
  /** The google.script.run shim put into every page the add-in shows. */
  readonly shim: string;
}

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(CLIENT_DIR, entry)],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    legalComments: 'none',
    write: false,
  });
  return result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
}

export async function buildAssets(): Promise<PageAssets> {
  const [main, shim] = await Promise.all([bundle('main.ts'), bundle('shim.ts')]);
  const css = readFileSync(path.join(CLIENT_DIR, 'style.css'), 'utf8');
  const page = readFileSync(path.join(CLIENT_DIR, 'index.html'), 'utf8')
    .replace('<!-- inline:style.css -->', () => `<style>\n${css}</style>`)
    .replace('<!-- inline:main.ts -->', () => `<script>\n${main}</script>`);
  return { page, shim };
}

/** A page the add-in shows, with the google.script.run shim as its first script. */
export function withShim(html: string, shim: string): string {
  const script = `<script>\n${shim}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head)
    return (
      html.slice(0, head.index + head[0].length) + script + html.slice(head.index + head[0].length)
    );
  return script + html;
}
