// Layer boundaries (docs/architecture.md): the domain is pure — no I/O, no database, no HTTP —
// so every rule can be tested table by table and reused by the server, the CLI and the web app.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ioModules = [
  'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'path', 'node:path', 'child_process', 'node:child_process',
  'http', 'node:http', 'https', 'node:https', 'net', 'node:net', 'os', 'node:os', 'process', 'node:process',
  'kysely', 'better-sqlite3', 'pg', 'fastify', 'docx', 'exceljs', 'yaml',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ioModules.map((name) => ({ name, message: 'src/domain 是纯规则层，不得引入 I/O、数据库或 HTTP 模块。' })),
        patterns: [
          { group: ['**/server/**', '**/cli/**', '**/web/**'], message: 'src/domain 不得依赖外层（server、cli、web）。' },
          { group: ['node:*'], message: 'src/domain 不得引入 Node 内置模块。' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'src/domain 不读环境变量或进程状态；由调用方传入。' },
        { name: 'fetch', message: 'src/domain 不做网络请求。' },
      ],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'src/domain 不读时钟：把 now 作为参数传入。' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'src/domain 不读时钟：把 now 作为参数传入。' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'src/domain 必须确定：不得使用随机数。' },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/server/**', '**/cli/**', '**/web/**', 'node:*'], message: 'src/shared 供服务端与网页共用，不得依赖外层或 Node 内置模块。' }],
      }],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/server/**', '**/cli/**', 'node:*'], message: '网页只能依赖 src/shared 与 src/domain。' }],
      }],
    },
  },
);
