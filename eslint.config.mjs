import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { boundariesPlugin } from './scripts/lint/boundaries.mjs';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'schema/generated/', '.artifacts/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
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
  // The Telegram stand-in's parts share one scope only once joined (scripts/standIn.ts): the joined
  // mock-server/telegram/telegram-web-app.js is linted and type-checked whole instead.
  {
    files: ['mock-server/telegram/src/*.js'],
    rules: { 'no-undef': 'off', '@typescript-eslint/no-unused-vars': 'off' },
  },
);
