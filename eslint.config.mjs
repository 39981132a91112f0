import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { boundariesPlugin } from './scripts/lint/boundaries.mjs';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'schema/generated/', '.artifacts/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Examples the docs show (run as users run them by the packed-package tests): plain user code,
  // where `any` on a jsdom window is the honest type.
  { files: ['docs/examples/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.ts'],
    plugins: { tga: boundariesPlugin },
    rules: { 'tga/boundaries': 'error' },
  },
);
