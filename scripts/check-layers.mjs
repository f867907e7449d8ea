// Keeps the layers pointing one way: routes → services → repositories → db; domain imports nothing with I/O;
// only repository files build queries; a module reaches another only through its service.ts or schema.ts (or
// types); and the modules form no cycle, in the order ARCHITECTURE.md gives.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve('server/src');
const problems = [];

function* files(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) yield p;
  }
}

/** Every import with whether it is type-only (`import type { … }`). */
const importsOf = (text) =>
  [...text.matchAll(/^(import|export)(\s+type)?[^'"]*?from\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm)].map(
    (m) => ({
      spec: m[3] ?? m[4],
      typeOnly: Boolean(m[2]),
    }),
  );

const IO_PACKAGES = /^(node:(fs|net|http|child_process)|kysely|pg|better-sqlite3|fastify|@fastify\/)/;
const QUERY_BUILDER = /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`/;
const isRepository = (base) => base === 'repository.ts' || base.endsWith('-repository.ts');
const moduleOf = (rel) => (rel.startsWith('modules/') ? rel.split('/')[1] : null);

/**
 * Imports of another module's inner files that were there before the rule; each is to be moved behind that
 * module's service. Nothing may be added here: a new one fails the check.
 */
const legacy = new Set([
  'modules/auth/service.ts → modules/accounts/repository.ts',
  'modules/auth/service.ts → modules/accounts/security-repository.ts',
  'modules/auth/totp-service.ts → modules/accounts/repository.ts',
  'modules/auth/totp-service.ts → modules/accounts/security-repository.ts',
  'modules/escalations/service.ts → modules/cases/context.ts',
  'modules/escalations/service.ts → modules/cases/trail.ts',
  'modules/experts/service.ts → modules/cases/context.ts',
  'modules/experts/service.ts → modules/cases/trail.ts',
  'modules/privacy/service.ts → modules/cases/presenter.ts',
  'modules/scans/service.ts → modules/cases/trail.ts',
  'modules/auth/service.ts → modules/org/repository.ts',
  'modules/calendar/service.ts → modules/org/repository.ts',
  'modules/cases/context.ts → modules/applicants/repository.ts',
  'modules/cases/context.ts → modules/catalog/repository.ts',
  'modules/cases/context.ts → modules/org/repository.ts',
  'modules/cases/progress.ts → modules/applicants/repository.ts',
  'modules/cases/progress.ts → modules/org/repository.ts',
  'modules/consult/handling.ts → modules/org/repository.ts',
  'modules/consult/notice.ts → modules/guide/repository.ts',
  'modules/consult/notice.ts → modules/org/repository.ts',
  'modules/consult/service.ts → modules/org/repository.ts',
  'modules/guide/service.ts → modules/org/repository.ts',
  'modules/intake/on-the-spot.ts → modules/org/repository.ts',
  'modules/intake/service.ts → modules/catalog/repository.ts',
  'modules/intake/service.ts → modules/org/repository.ts',
  'modules/queue/hours-service.ts → modules/org/repository.ts',
  'modules/queue/presenter.ts → modules/org/repository.ts',
  'modules/queue/service.ts → modules/org/repository.ts',
  'modules/queue/window-access.ts → modules/org/repository.ts',
  'modules/rating/routes.ts → modules/queue/sse.ts',
  'modules/rating/service.ts → modules/org/repository.ts',
  'modules/rating/service.ts → modules/queue/floor.ts',
  'modules/results/archive.ts → modules/org/repository.ts',
  // Files outside a repository that build queries.
  'modules/org/service.ts',
  'modules/queue/serving-service.ts',
]);
const usedLegacy = new Set();

/** Module → modules it imports (values; a type-only import creates no runtime dependency). */
const graph = new Map();

for (const file of files(root)) {
  const rel = path.relative(root, file);
  const base = path.basename(file);
  const text = fs.readFileSync(file, 'utf8');
  const mod = moduleOf(rel);
  if (mod && !isRepository(base) && QUERY_BUILDER.test(text)) {
    if (legacy.has(rel)) usedLegacy.add(rel);
    else
      problems.push(
        `${rel} builds a query: only repository files (repository.ts, *-repository.ts) talk to the database`,
      );
  }
  for (const { spec, typeOnly } of importsOf(text)) {
    const target = spec.startsWith('.') ? path.relative(root, path.resolve(path.dirname(file), spec)) : spec;
    const say = (why) => problems.push(`${rel} imports ${spec}: ${why}`);
    if (rel.startsWith('domain/')) {
      if (IO_PACKAGES.test(spec)) say('domain/ holds pure rules without I/O');
      if (target.startsWith('platform/') || target.startsWith('modules/')) say('domain/ may import only domain/');
    }
    if (rel.startsWith('platform/') && target.startsWith('modules/'))
      say('platform/ must not depend on business modules');
    if (mod && /^kysely$/.test(spec) && !isRepository(base) && !typeOnly)
      say('only repository files use the query builder');
    if (base === 'routes.ts' && isRepository(path.basename(target))) say('routes call services, never repositories');
    if (isRepository(base) && (target.endsWith('service.ts') || target.endsWith('routes.ts'))) {
      say('repositories sit below services and routes');
    }
    if (base === 'service.ts' && target.endsWith('routes.ts')) say('services must not know about HTTP routes');
    const other = moduleOf(target);
    if (mod && other && other !== mod) {
      const entry = target.split('/').slice(2).join('/');
      const open = entry === 'service.ts' || entry === 'schema.ts';
      const key = `${rel} → ${target}`;
      if (!open && !typeOnly) {
        if (legacy.has(key)) usedLegacy.add(key);
        else say(`another module is reached through its service.ts or schema.ts (or its types), not ${entry}`);
      }
      if (!typeOnly) {
        if (!graph.has(mod)) graph.set(mod, new Set());
        graph.get(mod).add(other);
      }
    }
  }
}

// No cycle between modules: a depth-first walk that names the first cycle it meets.
const state = new Map();
const stack = [];
function visit(m) {
  state.set(m, 'open');
  stack.push(m);
  for (const n of graph.get(m) ?? []) {
    if (state.get(n) === 'open') problems.push(`module cycle: ${[...stack.slice(stack.indexOf(n)), n].join(' → ')}`);
    else if (!state.has(n)) visit(n);
  }
  stack.pop();
  state.set(m, 'done');
}
for (const m of [...graph.keys()].sort()) if (!state.has(m)) visit(m);

for (const key of legacy)
  if (!usedLegacy.has(key)) problems.push(`legacy exception no longer needed, remove it: ${key}`);

if (problems.length) {
  console.error(`Layer rule broken (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('layers ok');
