// @ts-check
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * Layer rules from docs/ARCHITECTURE.md: core imports nothing of the app, shared only core,
 * main/preload/renderer/cli never import each other.
 * @param {string[]} forbidden folder names under src/ this layer must not import
 * @param {string[]} [packages] package names this layer must not import
 */
const layer = (forbidden, packages = []) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        ...forbidden.map((folder) => ({
          group: [`**/${folder}/**`, `**/${folder}`],
          message: `This layer must not import src/${folder} (see ARCHITECTURE.md).`,
        })),
        ...packages.map((name) => ({
          group: [name, `${name}/*`],
          message: `${name} is not allowed in this layer.`,
        })),
      ],
    },
  ],
})

/** Electron window options that must never be weakened (RELIABILITY.md S1). */
const insecureWindowOptions = [
  ['nodeIntegration', 'true'],
  ['nodeIntegrationInWorker', 'true'],
  ['nodeIntegrationInSubFrames', 'true'],
  ['contextIsolation', 'false'],
  ['sandbox', 'false'],
  ['webSecurity', 'false'],
  ['allowRunningInsecureContent', 'true'],
  ['experimentalFeatures', 'true'],
  ['webviewTag', 'true'],
].map(([key, value]) => ({
  selector: `Property[key.name='${key}'][value.value=${value}]`,
  message: `${key}: ${value} weakens the Electron sandbox.`,
}))

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      'bin/**',
      '**/*.d.mts',
      'electron-builder.config.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...insecureWindowOptions],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  {
    // Core's tests run in Node and may read fixture files; the code under test may not.
    files: ['src/core/**/*.test.ts'],
    rules: layer(['main', 'preload', 'renderer', 'cli', 'shared'], ['electron', 'dexie', 'react']),
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: layer(
      ['main', 'preload', 'renderer', 'cli', 'shared'],
      ['electron', 'dexie', 'react', 'node:*', 'fs', 'path'],
    ),
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: layer(['main', 'preload', 'renderer', 'cli'], ['electron', 'dexie', 'react']),
  },
  { files: ['src/main/**/*.ts'], rules: layer(['preload', 'renderer', 'cli'], ['dexie', 'react']) },
  { files: ['src/preload/**/*.ts'], rules: layer(['main', 'renderer', 'cli', 'core'], ['dexie', 'react']) },
  { files: ['src/renderer/**/*.{ts,tsx}'], rules: layer(['main', 'preload', 'cli'], ['electron', 'node:*']) },
  {
    files: ['src/cli/**/*.ts'],
    rules: layer(['main', 'preload', 'renderer', 'shared'], ['electron', 'dexie', 'react']),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
    languageOptions: { globals: globals.browser },
  },
  {
    // Components never talk to Dexie directly: every write goes through db/repos, reads through hooks.
    files: ['src/renderer/src/features/**/*.{ts,tsx}', 'src/renderer/src/components/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/db/db', 'dexie'], message: 'Use a repo (db/repos) or a live-query hook instead.' },
            {
              group: ['**/main/**', '**/preload/**', '**/cli/**'],
              message: 'Renderer must not import other processes.',
            },
            { group: ['electron'], message: 'Use the platform seam.' },
          ],
        },
      ],
    },
  },
)
