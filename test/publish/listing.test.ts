// The Marketplace listing text (docs/listing.md) within the Store Listing page's limits, and
// the pages the listing links to saying what the manifest asks for: a scope added to
// appsscript.json without a word in the privacy policy and the README fails here.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

/** The text under a "## heading" up to the next "## ", trimmed. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`no "## ${heading}" section`);
  const body = markdown.slice(start + heading.length + 5);
  const end = body.indexOf('\n## ');
  return (end < 0 ? body : body.slice(0, end)).trim();
}

/** Every OAuth scope URL a text names. */
function scopesIn(text: string): string[] {
  return [...new Set(text.match(/https:\/\/www\.googleapis\.com\/auth\/[a-z.]+/g) ?? [])].sort();
}

const manifestScopes = (
  JSON.parse(read('appsscript.json')) as { oauthScopes: string[] }
).oauthScopes
  .slice()
  .sort();

describe('docs/listing.md, the Store Listing text', () => {
  const listing = read('docs/listing.md');
  const name = section(listing, 'Application name');
  const short = section(listing, 'Short description');
  const detailed = section(listing, 'Detailed description');

  it('reads its sections (the parser can fail)', () => {
    expect(() => section(listing, 'No such heading')).toThrow('no "## No such heading" section');
    expect(name).toBe('Fine-tuning cost');
    expect(short.startsWith('Fine-tune an open LLM')).toBe(true);
    expect(detailed).toContain('PRIVATE BY DESIGN');
  });

  it('has a name of at most 50 characters without "Google", the name the add-in shows', () => {
    expect(name.length).toBeLessThanOrEqual(50);
    expect(name).not.toMatch(/google/i);
    // The menu, the sidebar and the dialogs are titled with it (src/addon/menu.ts).
    expect(read('dist/Code.js')).toContain(name);
  });

  it('has a short description of at most 200 characters, on one line', () => {
    expect(short.length).toBeLessThanOrEqual(200);
    expect(short).not.toContain('\n');
  });

  it('has a detailed description under 16,000 characters', () => {
    expect(detailed.length).toBeLessThan(16000);
  });

  it('names every FT_* function the add-in exports, and only those', () => {
    const exported = [...read('src/index.ts').matchAll(/\b(FT_[A-Z_]+),/g)].map((m) => m[1]);
    expect(exported.length).toBeGreaterThanOrEqual(11);
    const named = [...new Set(detailed.match(/\bFT_[A-Z_]+[A-Z]\b/g) ?? [])].sort();
    expect(named).toEqual([...exported].sort());
  });

  it("names the manifest's scopes by their short names", () => {
    for (const scope of manifestScopes) {
      expect(detailed).toContain(scope.replace('https://www.googleapis.com/auth/', ''));
    }
  });
});

describe('the pages the listing links to', () => {
  it("the privacy policy lists exactly the manifest's scopes", () => {
    expect(manifestScopes).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
    expect(scopesIn(read('docs/privacy.md'))).toEqual(manifestScopes);
  });

  it("the README's Publishing section lists exactly the manifest's scopes", () => {
    expect(scopesIn(section(read('README.md'), 'Publishing'))).toEqual(manifestScopes);
  });

  it('privacy, terms and support link to each other', () => {
    expect(read('docs/privacy.md')).toContain('](support.md)');
    expect(read('docs/terms.md')).toContain('](privacy.md)');
    expect(read('docs/support.md')).toContain('](privacy.md)');
    expect(read('docs/support.md')).toContain('](terms.md)');
  });
});
