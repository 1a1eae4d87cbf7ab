// ESLint (flat config) with typescript-eslint; formatting is Prettier's (.prettierrc.json), not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Outer rooms reach core only through its public entry, src/core/index.ts (docs/architecture.md). */
const coreThroughEntry = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          regex: '^(\\.\\./)+core/(?!index\\.js$).+',
          message: 'Import core from its public entry, core/index.js: the rooms outside core see nothing else of it.',
        },
      ],
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'seeds/', '.kabar/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    rules: {
      // kabar matches control characters on purpose: it keeps them out of the terminal (present/terminal-safe.ts).
      'no-control-regex': 'off',
      // A leading underscore names what is left out on purpose: `const { id: _id, ...rest } = record`.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  { files: ['src/cli.ts', 'src/commands/**', 'src/ui/**', 'src/serve/**', 'src/present/**'], rules: coreThroughEntry },
);
