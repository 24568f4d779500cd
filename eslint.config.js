import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

// Layer boundaries (dependencies point inward). src/core is pure TypeScript: no DOM, no three, no React,
// no storage, no engines, no Node built-ins — it runs in Node, in workers and in the page.
const coreForbidden = [
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

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-lib/**',
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
    // Tests of core run in Node and may read real data from disk (../shared); the code under test may not.
    files: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: coreForbidden.filter((p) => !p.group.includes('node:*')) },
      ],
    },
  },
  {
    files: ['src/engines/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-dom',
                'three',
                'idb-keyval',
                '**/ui/**',
                '**/view3d/**',
                '**/storage/**',
              ],
              message: 'engines sit below the UI and storage.',
            },
          ],
        },
      ],
    },
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
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.tsx', 'src/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
