// ESLint flat config: typescript-eslint's recommended rules for all TypeScript,
// explicit return types on exported functions, and an engine that cannot reach
// Apps Script or the DOM.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const appsScriptAndDomGlobals = [
  'SpreadsheetApp',
  'HtmlService',
  'ScriptApp',
  'PropertiesService',
  'LockService',
  'UrlFetchApp',
  'DriveApp',
  'GmailApp',
  'CacheService',
  'Session',
  'Logger',
  'Utilities',
  'google',
  'document',
  'window',
  'navigator',
  'localStorage',
].map((name) => ({ name, message: 'The engine is pure: no Apps Script or DOM globals.' }));

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/results/', 'playground-data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/explicit-module-boundary-types': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...appsScriptAndDomGlobals],
      'no-restricted-imports': [
        'error',
        { patterns: ['../addon/*', '../functions/*', '../../sidebar/*', 'node:*'] },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
  },
  {
    // Jest loads its config and global setup as CommonJS.
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
