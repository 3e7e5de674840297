// Lint, and the dependency direction of docs/ARCHITECTURE.md enforced as a rule rather than remembered:
// log <- domain <- store, ingest <- services <- server <- cli; web may import domain and log only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*', 'fs', 'path', 'crypto', 'http', 'https', 'child_process', 'os', 'net', 'stream', 'worker_threads'], message: 'domain/ and log/ are pure: no node built-ins or I/O (the browser runs this code too).' };
const layer = (...folders) => folders.map((f) => ({ group: [`**/${f}/*`, `../${f}/*`, `../../${f}/*`], message: `this layer may not import from ${f}/ (see docs/ARCHITECTURE.md).` }));

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'build/', 'src/web/dist/', '.truce-data/', 'bin/'] },
  js.configs.recommended,
  // Plain JavaScript files run in node (scripts, the verifier worker, fixture validators).
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } } },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
      'max-params': ['warn', 5],
    },
  },
  { files: ['src/domain/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [nodeBuiltins, ...layer('store', 'ingest', 'services', 'server', 'cli', 'web')] }] } },
  { files: ['src/log/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [nodeBuiltins, ...layer('domain', 'store', 'ingest', 'services', 'server', 'cli', 'web')] }] } },
  // The public report's rendering (messages, HTML, SVG) is pure too: the CLI, the server and tests share it.
  { files: ['src/report/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [nodeBuiltins, ...layer('store', 'ingest', 'services', 'server', 'cli', 'web')] }] } },
  { files: ['src/store/**/*.ts', 'src/ingest/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: layer('services', 'server', 'cli', 'web') }] } },
  // The ingest queue sits beside services: it runs the news pipeline and writes candidates through the store.
  { files: ['src/queue/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: layer('server', 'cli', 'web') }] } },
  { files: ['src/services/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: layer('server', 'cli', 'web') }] } },
  { files: ['src/server/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: layer('cli', 'web') }] } },
  { files: ['src/cli/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: layer('web') }] } },
  { files: ['src/web/**/*.ts', 'src/web/**/*.tsx'], rules: { 'no-restricted-imports': ['error', { patterns: [nodeBuiltins, ...layer('store', 'ingest', 'services', 'server', 'cli')] }] } },
  { files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts'], rules: { 'no-restricted-imports': 'off', 'max-lines': 'off', '@typescript-eslint/no-explicit-any': 'off' } },
);
