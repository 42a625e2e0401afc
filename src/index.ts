// The one list of everything Apps Script must see as a global. scripts/build.mjs
// turns each export into a plain top-level function with the JSDoc written above
// its source, delegating to the bundle.
export {
  FT_HOURS,
  FT_COST,
  FT_BREAKEVEN,
  FT_API_COST,
  FT_ROI,
  FT_MEMORY,
  FT_COMPUTE_HOURS,
  FT_ONPREM_BREAKEVEN,
} from './functions/ft-functions';
export {
  onOpen,
  onInstall,
  showSidebar,
  newScenarioSheet,
  showFunctionReference,
  insertCatalogSheet,
  insertCatalogSheetFromMenu,
  getScenarioInputs,
  getCatalog,
  generateScenario,
} from './addon/globals';
