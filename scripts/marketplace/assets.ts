// The image files the Google Workspace Marketplace listing asks for, with the pixel size the
// Marketplace SDK's Store Listing page takes for each: icons of 128×128 and 32×32, a card
// banner of 220×140 and screenshots of 1280×800. `npm run marketplace-assets` writes them;
// test/publish/assets.test.ts reads their PNG headers, so a size cannot drift silently.

/** Where the files live, from the project's folder. */
export const MARKETPLACE_DIR = 'docs/marketplace';

export interface MarketplaceImage {
  /** File name in MARKETPLACE_DIR. */
  readonly file: string;
  readonly width: number;
  readonly height: number;
  /** What the listing uses it for. */
  readonly use: string;
}

export const ICON_128: MarketplaceImage = {
  file: 'icon-128.png',
  width: 128,
  height: 128,
  use: 'Application icon, 128 × 128',
};
export const ICON_32: MarketplaceImage = {
  file: 'icon-32.png',
  width: 32,
  height: 32,
  use: 'Application icon, 32 × 32',
};
export const BANNER: MarketplaceImage = {
  file: 'banner-220x140.png',
  width: 220,
  height: 140,
  use: 'Application card banner, 220 × 140',
};

const SCREENSHOT = { width: 1280, height: 800 } as const;

export const SCREENSHOTS = {
  sidebar: {
    file: 'screenshot-1-sidebar.png',
    ...SCREENSHOT,
    use: 'Screenshot: the calculator sidebar and its live preview',
  },
  scenario: {
    file: 'screenshot-2-scenario.png',
    ...SCREENSHOT,
    use: 'Screenshot: a scenario sheet of live formulas',
  },
  charts: {
    file: 'screenshot-3-charts.png',
    ...SCREENSHOT,
    use: "Screenshot: the scenario sheet's break-even charts",
  },
  functions: {
    file: 'screenshot-4-functions.png',
    ...SCREENSHOT,
    use: 'Screenshot: the FT_* custom functions in cells',
  },
} as const satisfies Record<string, MarketplaceImage>;

/** Every image of the listing, in the order the Store Listing page asks for them. */
export const MARKETPLACE_IMAGES: readonly MarketplaceImage[] = [
  ICON_128,
  ICON_32,
  BANNER,
  ...Object.values(SCREENSHOTS),
];
