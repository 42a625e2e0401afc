// The engine's public surface: pure TypeScript, no Apps Script, no DOM.
export * from './breakeven';
export * from './catalog';
export * from './costs';
export * from './errors';
export * from './names';
export * from './numbers';
export * from './scenario';
export * from './scenario-input';
export * from './training';
export * from './sources';
