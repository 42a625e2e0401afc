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
  FT_MANAGED_COST,
  FT_NPV,
  FT_PAYBACK,
  FT_REQUIRED_VOLUME,
  FT_SIMULATE,
  FT_CALIBRATION,
} from './functions/ft-functions';
export {
  onOpen,
  onInstall,
  onEdit,
  recalculateFtFormulas,
  showSidebar,
  newScenarioSheet,
  showFunctionReference,
  insertCatalogSheet,
  insertCatalogSheetFromMenu,
  getScenarioInputs,
  getCatalog,
  generateScenario,
  compareScenarios,
  compareScenariosFromMenu,
} from './addon/globals';
