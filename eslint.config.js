import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

// Product code (src/, workers/) never depends on bench or test code: scripts/, test/ and e2e/ (the e2e harness,
// built only into the e2e bundle) sit outside the product. Tests (*.test.ts) may use the helpers in test/, the
// harness's service wrappers and the tiny-model generators in scripts/.
const outsideProduct = {
  group: ['**/scripts', '**/scripts/**', '**/test', '**/test/**', '**/e2e', '**/e2e/**'],
  message:
    'Product code must not import scripts/, test/ or e2e/ (bench and test helpers, the e2e harness live there).',
};
const testFiles = ['src/**/*.test.ts', 'src/**/*.test.tsx', 'workers/**/*.test.ts'];

// Layer boundaries (dependencies point inward). src/core is pure TypeScript: no DOM, no three, no React,
// no storage, no engines, no Node built-ins — it runs in Node, in workers and in the page.
const coreForbidden = [
  outsideProduct,
  { group: ['three', 'three/*'], message: 'src/core is pure TS: no three.js (use src/view3d).' },
  {
    group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
    message: 'src/core is pure TS: no React (use src/ui).',
  },
  { group: ['idb-keyval'], message: 'src/core is pure TS: no storage (use src/storage).' },
  {
    group: ['onnxruntime-*', '@huggingface/*'],
    message: 'src/core is pure TS: no engines (use src/engines).',
  },
  { group: ['comlink'], message: 'src/core is pure TS: no worker RPC (use src/runtime or workers/).' },
  {
    group: ['node:*', 'fs', 'path', 'os', 'child_process'],
    message: 'src/core runs in browsers too: no Node built-ins.',
  },
  {
    group: [
      '**/engines/**',
      '**/runtime/**',
      '**/storage/**',
      '**/ui/**',
      '**/view3d/**',
      '**/element/**',
      '**/cli/**',
    ],
    message: 'src/core must not import outer layers.',
  },
];

const enginesForbidden = [
  {
    group: ['react', 'react-dom', 'three', 'idb-keyval', '**/ui/**', '**/view3d/**', '**/storage/**'],
    message: 'engines sit below the UI and storage.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-lib/**',
      'dist-e2e/**',
      'node_modules/**',
      'public/**',
      'fixtures/**',
      'bench-out/**',
      'test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // No import cycles anywhere: a cycle makes module order matter and hides which layer owns what.
    // eslint-plugin-import-x (not eslint-plugin-import): native flat config, maintained for ESLint 9, and
    // resolves TypeScript through eslint-import-resolver-typescript (the resolver typescript-eslint recommends).
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx', 'workers/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [outsideProduct] }] },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', { patterns: coreForbidden }],
      // DOM globals are not available in core; these names would silently compile under lib.dom.
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'indexedDB',
          'HTMLElement',
          'HTMLCanvasElement',
          'Image',
          'OffscreenCanvas',
          'createImageBitmap',
          'caches',
        ].map((name) => ({ name, message: 'src/core must not touch the DOM or browser storage.' })),
      ],
    },
  },
  {
    // The synthetic scene generator builds on fusion (label confusions, keyframe inputs), so fusion must not
    // build on it: that was the fusion <-> synthetic loop. Scenes for fusion's tests live in test/core/fusion/.
    files: ['src/core/fusion/**/*.ts'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...coreForbidden,
            {
              group: ['**/synthetic', '**/synthetic/**'],
              message: 'src/core/fusion must not import synthetic/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/engines/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...enginesForbidden, outsideProduct] }] },
  },
  {
    files: ['workers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'three', '**/ui/**', '**/view3d/**'],
              message: 'workers only expose runtime services.',
            },
            outsideProduct,
          ],
        },
      ],
    },
  },
  {
    // Tests may use test/ and scripts/; the layer rules of core and engines below still hold for their tests.
    files: testFiles,
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Tests of core run in Node and may read real data from disk (../shared); the code under test may not.
    files: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: coreForbidden.filter((p) => p !== outsideProduct && !p.group.includes('node:*')) },
      ],
    },
  },
  {
    files: ['src/engines/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: enginesForbidden }] },
  },
  {
    files: ['src/ui/**/*.tsx', 'src/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
