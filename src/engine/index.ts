// The engine's public surface: pure TypeScript, no Apps Script, no DOM.
export * from './breakeven';
export * from './catalog';
export * from './errors';
export * from './names';
export * from './numbers';
export * from './expr';
export * from './scenario';
export * from './scenario-evaluation';
export * from './scenario-model';
export * from './scenario-input';
export * from './views';
export * from './compile';
export * from './sources';
export * from './what-if';
