// The name rules every view shares (issue 11): exact name or alias, the lowest row of a
// name, a unique prefix, an ambiguous prefix listing its candidates, a size at the end
// of a model's name. (A row's age and staleness: freshness.test.ts.)
import { BUILT_IN_CATALOG, CatalogIndex, InputError } from '../../src/engine';
import type { Catalog, ProviderRow } from '../../src/engine';

const index = new CatalogIndex(BUILT_IN_CATALOG);

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message;
  }
  throw new Error('expected an InputError');
}

const provider = (name: string, price: number, aliases?: string[]): ProviderRow => ({
  name,
  gpu: 'H100',
  pricePerGpuHour: price,
  pricing: 'on-demand',
  source: 'test',
  asOf: '2026-11-01',
  ...(aliases ? { aliases } : {}),
});

describe('the article short names are aliases of its rows', () => {
  it.each([
    ['RunPod', 'RunPod on-demand', 2.49],
    ['runpod', 'RunPod on-demand', 2.49],
    ['Lambda', 'Lambda Labs', 3.98],
    ['on-prem', 'On-premise (amortized)', 2.73],
    ['ON PREM', 'On-premise (amortized)', 2.73],
  ])('%j is %s at $%d', (typed, name, price) => {
    const found = index.provider('provider', typed);
    expect(found.name).toBe(name);
    expect(found.pricePerGpuHour).toBe(price);
  });
});

describe('two rows with one name: the lowest wins', () => {
  const catalog: Catalog = {
    ...BUILT_IN_CATALOG,
    providers: [
      ...BUILT_IN_CATALOG.providers,
      provider('aws SPOT', 1.5),
      provider('Contract', 2, ['RunPod']),
    ],
  };
  const team = new CatalogIndex(catalog);
  it('a row below with a built-in name replaces it', () => {
    expect(team.provider('provider', 'AWS spot').pricePerGpuHour).toBe(1.5);
  });
  it('an alias on a lower row takes the name from a higher row', () => {
    expect(team.provider('provider', 'RunPod').name).toBe('Contract');
    // Its own full name still finds the article row.
    expect(team.provider('provider', 'RunPod on-demand').pricePerGpuHour).toBe(2.49);
  });
});

describe('prefixes', () => {
  it('a unique prefix of one name resolves to it', () => {
    expect(index.provider('provider', 'Lambda L').name).toBe('Lambda Labs');
    expect(index.provider('provider', 'on-pre').name).toBe('On-premise (amortized)');
    expect(index.method('method', 'QL').name).toBe('QLoRA');
    expect(index.gpu('gpu', 'a1').name).toBe('A100');
  });
  it('an ambiguous prefix lists the names it could be', () => {
    expect(messageOf(() => index.provider('provider', 'AWS'))).toBe(
      "provider 'AWS' could be AWS on-demand, AWS spot, AWS p5 H100 on-demand. Type more of the name",
    );
    expect(messageOf(() => index.model('model', 'llama'))).toBe(
      "model 'llama' could be Llama 7B, Llama 13B, Llama 70B, Llama 405B. Type more of the name",
    );
  });
  it('an exact name wins over being the prefix of others', () => {
    // "AWS spot" is exact even though nothing else starts with it; "Google Cloud A3 H100 spot"
    // is not affected by "Google Cloud A3 H100 on-demand" sharing its start.
    expect(index.provider('provider', 'google cloud a3 h100 spot').pricePerGpuHour).toBe(6.57);
  });
});

describe('a size at the end of a model name', () => {
  // Scales by log-log interpolation between the catalog models (DESIGN.md):
  // 8B between 7B (1) and 13B (2): 2^(ln(8/7)/ln(13/7)); 14B between 13B (2) and 70B (8).
  const scale8 = Math.pow(2, Math.log(8 / 7) / Math.log(13 / 7));
  const scale14 = 2 * Math.pow(4, Math.log(14 / 13) / Math.log(70 / 13));
  it.each([
    ['Llama 8B', 8, scale8],
    ['Mistral 7B', 7, 1],
    ['Mistral-7B', 7, 1],
    ['Qwen2.5 14B', 14, scale14],
    ['qwen2.5_14b', 14, scale14],
  ])('%j is a %dB model', (typed, size, scale) => {
    const model = index.model('model', typed);
    expect(model.name).toBe(typed.trim());
    expect(model.paramsBillions).toBe(size);
    expect(model.scale).toBeCloseTo(scale, 12);
  });
  it.each(['gpt4b', 'Mistral', 'Llama 8B instruct'])('%j is not a size', (typed) => {
    expect(messageOf(() => index.model('model', typed))).toMatch(
      /is not in the FT Catalog sheet or the built-in catalog\. Known: Llama 7B/,
    );
  });
});

describe('messages', () => {
  it('the known list is capped at 20 names', () => {
    const many = new CatalogIndex({
      ...BUILT_IN_CATALOG,
      providers: Array.from({ length: 40 }, (_, i) => provider(`P${i}`, 1)),
    });
    // 40 names: the first 20 (P0 to P19), then "and 20 more".
    expect(messageOf(() => many.provider('provider', 'Nowhere'))).toBe(
      "provider 'Nowhere' is not in the FT Catalog sheet or the built-in catalog. Known: P0, P1, P2, P3, P4, P5, P6, P7, P8, P9, P10, P11, P12, P13, P14, P15, P16, P17, P18, P19 and 20 more",
    );
  });
  it("the team's own rows come first, so a list cut short never hides them (issue 23)", () => {
    // The 13 built-in providers, then 9 of the team's: 22 names, 20 shown.
    const team = Array.from({ length: 9 }, (_, i) => provider(`Team cloud ${i}`, 1));
    const index = new CatalogIndex({
      ...BUILT_IN_CATALOG,
      providers: [...BUILT_IN_CATALOG.providers, ...team],
    });
    const message = messageOf(() => index.provider('provider', 'Nowhere'));
    expect(message).toMatch(
      /Known: Team cloud 0, Team cloud 1, .*Team cloud 8, AWS on-demand, AWS spot, .* and 2 more$/,
    );
    // 9 team names + 11 built-in = 20 shown; the last 2 built-in rows are the "2 more".
    const shown = message
      .replace(/^.*Known: /, '')
      .replace(/ and 2 more$/, '')
      .split(', ');
    expect(shown).toHaveLength(20);
    expect(shown.slice(0, 9)).toEqual(team.map((row) => row.name));
  });
  it('a catalog note about a row of that name follows the known names', () => {
    const noted = new CatalogIndex(BUILT_IN_CATALOG, [
      'FT Catalog row 20 (GPU providers, "Acme"): $ per GPU-hour must be a number, got a blank; the row is skipped.',
      'FT Catalog row 21 (GPU providers, "Other"): something else.',
    ]);
    const message = messageOf(() => noted.provider('provider', 'acme'));
    expect(message).toMatch(
      /\. FT Catalog row 20 \(GPU providers, "Acme"\): .*the row is skipped\.$/,
    );
    expect(message).not.toMatch(/Other/);
  });
});

describe('built-in rows a team can trust', () => {
  const rows = Object.entries(BUILT_IN_CATALOG).flatMap(([table, list]) =>
    (list as readonly { name: string; source: string; asOf: string }[]).map(
      (row) => [table, row.name, row] as const,
    ),
  );
  it.each(rows)('%s %s cites its source in words, with an ISO as-of date', (_table, _name, row) => {
    expect(row.source.length).toBeGreaterThan(20);
    // Not a path of this repository.
    expect(row.source).not.toMatch(/shared\/seed|src\/|\.ts\b|\.txt\b/);
    expect(row.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("the article's rows keep their names and values beside the market rows", () => {
    const prices = Object.fromEntries(
      BUILT_IN_CATALOG.providers.map((row) => [row.name, row.pricePerGpuHour]),
    );
    // The article's provider table.
    expect(prices).toMatchObject({
      'AWS on-demand': 2.88,
      'AWS spot': 0.86,
      'RunPod on-demand': 2.49,
      'Lambda Labs': 3.98,
      'On-premise (amortized)': 2.73,
    });
    expect(BUILT_IN_CATALOG.providers.slice(0, 5).map((row) => row.name)).toEqual([
      'AWS on-demand',
      'AWS spot',
      'RunPod on-demand',
      'Lambda Labs',
      'On-premise (amortized)',
    ]);
  });
});
