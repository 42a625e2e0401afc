// The engine's public surface: pure TypeScript, no Apps Script, no DOM.
export * from './breakeven';
export * from './catalog';
export * from './costs';
export * from './errors';
export * from './finance';
export * from './names';
export * from './numbers';
export * from './expr';
export * from './scenario';
export * from './scenario-evaluation';
export * from './scenario-model';
export * from './scenario-input';
export * from './training';
export * from './sources';
