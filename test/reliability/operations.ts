// The runs the "nothing lost" test makes (and the summary counts).
import type { SerializedWorkbook } from '../../emulator';
import { bases, USER_API, USER_MODEL, USER_PROVIDER } from './workbooks';

export interface Operation {
  readonly title: string;
  readonly base: () => SerializedWorkbook;
  readonly fn: 'generateScenario' | 'insertCatalogSheet';
  readonly args: readonly unknown[];
}

export const OPERATIONS: readonly Operation[] = [
  {
    title: 'generateScenario with defaults (catalog lacks a built-in row)',
    base: () => bases().full,
    fn: 'generateScenario',
    args: [{}],
  },
  {
    title: 'generateScenario with the user catalog rows',
    base: () => bases().full,
    fn: 'generateScenario',
    args: [{ model: USER_MODEL, provider: USER_PROVIDER, api: USER_API, horizonMonths: 360 }],
  },
  {
    title: 'generateScenario on a catalog sheet with no blank row left (adds a row at the bottom)',
    base: () => bases().noSpareRows,
    fn: 'generateScenario',
    args: [{}],
  },
  {
    title: 'generateScenario on a workbook without a catalog sheet',
    base: () => bases().noCatalog,
    fn: 'generateScenario',
    args: [{ model: 'Llama 70B', method: 'QLoRA' }],
  },
  {
    title: 'insertCatalogSheet on a user-extended catalog lacking a built-in row',
    base: () => bases().full,
    fn: 'insertCatalogSheet',
    args: [],
  },
  {
    title:
      'insertCatalogSheet on a catalog sheet with no blank row left (adds a row at the bottom)',
    base: () => bases().noSpareRows,
    fn: 'insertCatalogSheet',
    args: [],
  },
  {
    title: 'insertCatalogSheet on a workbook without a catalog sheet',
    base: () => bases().noCatalog,
    fn: 'insertCatalogSheet',
    args: [],
  },
];

export const BAD_SCENARIO_INPUTS: readonly unknown[] = [
  { examples: -5 },
  { examples: '50k' },
  { examples: true },
  { model: 'Ll\u0430ma 13B chat' },
  { model: '=HYPERLINK("http://evil.example","x")' },
  { provider: 'Oracle' },
  { horizonMonths: 1e9 },
  { horizonMonths: 0 },
  { labelingHours: NaN },
  { requestsPerMonth: Infinity },
  { model: 1e308 },
  { mfu: '150%' },
  { method: '<img src=x onerror=alert(1)>' },
  'junk',
  [1, 2, 3],
  42,
];
