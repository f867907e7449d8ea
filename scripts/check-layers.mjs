// Keeps the layers pointing one way: routes → services → repositories → db; domain imports nothing with I/O.
// Every file of a module has a kind (by its name, or in `helperKinds`); only repository files build queries, and
// only on their own module's tables; a module reaches another only through its service.ts or schema.ts (or
// types); and every module import points down the module order that ARCHITECTURE.md writes, so there is no cycle.
// Usage: node scripts/check-layers.mjs [--root server/src] [--architecture ARCHITECTURE.md] [--no-exceptions]
//        PRINT_GRAPH=1 prints the module graph.
import fs from 'node:fs';
import path from 'node:path';
import { helperKinds, legacyImports, legacyQueries, legacyTables, tableOwners } from './layer-exceptions.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const root = path.resolve(arg('--root', 'server/src'));
const architecture = path.resolve(arg('--architecture', 'ARCHITECTURE.md'));
const strict = process.argv.includes('--no-exceptions');
const none = new Set();
const exceptions = {
  imports: strict ? none : new Set(legacyImports),
  queries: strict ? none : new Set(legacyQueries),
  tables: strict ? none : new Set(legacyTables),
  kinds: strict ? {} : helperKinds,
};
const problems = [];
const used = new Set();

function* files(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) yield p;
  }
}

/** Every import and re-export, with whether it is type-only (`import type { … }`). */
const importsOf = (text) =>
  [...text.matchAll(/^(import|export)(\s+type)?[^'"]*?from\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm)].map(
    (m) => ({ spec: m[3] ?? m[4], typeOnly: Boolean(m[2]) }),
  );

const IO_PACKAGES = /^(node:(fs|net|http|child_process)|kysely|pg|better-sqlite3|fastify|@fastify\/)/;
const QUERY_BUILDER = /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`/;
const TABLE_USE =
  /\.(selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|crossJoin)\(\s*'([a-z_]+)/g;
const moduleOf = (rel) => (rel.startsWith('modules/') ? rel.split('/')[1] : null);

/** The kind of a module's file: by its name, a printed document by its folder, else as `helperKinds` says. */
function kindOf(rel) {
  const inner = rel.split('/').slice(2).join('/');
  const base = path.basename(inner, '.ts');
  if (inner.startsWith('documents/') || base.endsWith('-pdf')) return 'document';
  for (const kind of ['routes', 'service', 'repository', 'schema', 'presenter'])
    if (base === kind || base.endsWith(`-${kind}`)) return kind;
  return exceptions.kinds[rel] ?? null;
}
/** What a file of each kind must not import (by the target's kind, values only). */
const forbiddenTargets = {
  routes: ['repository'],
  service: ['routes'],
  repository: ['routes', 'service', 'presenter', 'document'],
  schema: ['routes', 'service', 'repository'],
  presenter: ['routes', 'service', 'repository'],
  document: ['routes', 'service', 'repository'],
};

/** The module order from ARCHITECTURE.md: tiers separated by →, each naming its modules in backticks. */
function moduleOrder() {
  const text = fs.readFileSync(architecture, 'utf8');
  const at = text.indexOf('Module order (');
  if (at < 0) {
    problems.push(`${path.relative('.', architecture)} has no "Module order (…)" paragraph to check against`);
    return new Map();
  }
  const line = text.slice(text.indexOf(':', at) + 1, text.indexOf('.\n', at) + 1 || undefined).split(/\.\s/)[0];
  const tiers = new Map();
  line.split('→').forEach((tier, i) => {
    for (const [, m] of tier.matchAll(/`([a-z-]+)`/g)) tiers.set(m, i);
  });
  return tiers;
}
const tiers = moduleOrder();

/** Module → modules it imports (values; a type-only import creates no runtime dependency). */
const graph = new Map();
const modules = new Set();

for (const file of files(root)) {
  const rel = path.relative(root, file).split(path.sep).join('/');
  const text = fs.readFileSync(file, 'utf8');
  const mod = moduleOf(rel);
  const kind = mod ? kindOf(rel) : null;
  if (mod) {
    modules.add(mod);
    if (!kind)
      problems.push(
        `${rel} has no kind: name it routes/service/repository/schema/presenter (or *-service.ts …), ` +
          'put a printed document under documents/ or *-pdf.ts, or add it to helperKinds in scripts/layer-exceptions.mjs',
      );
    if (kind !== 'repository' && QUERY_BUILDER.test(text)) {
      if (exceptions.queries.has(rel)) used.add(rel);
      else problems.push(`${rel} builds a query: only repository files (repository.ts, *-repository.ts) do`);
    }
    if (kind === 'repository') {
      for (const [, , table] of text.matchAll(TABLE_USE)) {
        const owner = tableOwners[table];
        if (!owner || owner === mod) continue;
        const key = `${rel} ⇢ ${table}`;
        if (exceptions.tables.has(key)) used.add(key);
        else problems.push(`${rel} queries ${table}, a table of ${owner}: ask ${owner}/service.ts instead`);
      }
    }
  }
  for (const { spec, typeOnly } of importsOf(text)) {
    const target = spec.startsWith('.')
      ? path
          .relative(root, path.resolve(path.dirname(file), spec))
          .split(path.sep)
          .join('/')
      : spec;
    const say = (why) => problems.push(`${rel} imports ${spec}: ${why}`);
    if (rel.startsWith('domain/')) {
      if (IO_PACKAGES.test(spec)) say('domain/ holds pure rules without I/O');
      if (target.startsWith('platform/') || target.startsWith('modules/')) say('domain/ may import only domain/');
    }
    if (rel.startsWith('platform/') && target.startsWith('modules/'))
      say('platform/ must not depend on business modules');
    if (mod && spec === 'kysely' && kind !== 'repository' && !typeOnly)
      say('only repository files use the query builder');
    const other = moduleOf(target);
    if (mod && other && !typeOnly) {
      const targetKind = kindOf(target);
      const key = `${rel} → ${target}`;
      if (forbiddenTargets[kind]?.includes(targetKind)) {
        if (exceptions.imports.has(key)) used.add(key);
        else say(`a ${kind} file must not import a ${targetKind} file`);
      }
    }
    if (mod && other && other !== mod) {
      const entry = target.split('/').slice(2).join('/');
      const key = `${rel} → ${target}`;
      if (!typeOnly && entry !== 'service.ts' && entry !== 'schema.ts') {
        if (exceptions.imports.has(key)) used.add(key);
        else say(`another module is reached through its service.ts or schema.ts (or its types), not ${entry}`);
      }
      if (!typeOnly) {
        if (!graph.has(mod)) graph.set(mod, new Set());
        graph.get(mod).add(other);
      }
    }
  }
}

// Every module has its place in the written order, and imports only modules placed before it.
for (const m of [...modules].sort())
  if (!tiers.has(m)) problems.push(`module ${m} is not in the module order of ARCHITECTURE.md: place it there`);
for (const m of tiers.keys())
  if (!modules.has(m)) problems.push(`ARCHITECTURE.md orders a module that does not exist: ${m}`);
for (const [m, targets] of graph)
  for (const n of targets)
    if (tiers.has(m) && tiers.has(n) && tiers.get(n) >= tiers.get(m))
      problems.push(`module ${m} imports ${n}, which the module order of ARCHITECTURE.md does not place before it`);

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

for (const set of [exceptions.imports, exceptions.queries, exceptions.tables])
  for (const key of set) if (!used.has(key)) problems.push(`exception no longer needed, remove it: ${key}`);
for (const rel of Object.keys(exceptions.kinds))
  if (!fs.existsSync(path.join(root, rel))) problems.push(`helperKinds names a file that is gone: ${rel}`);

if (process.env.PRINT_GRAPH) for (const [m, s] of [...graph].sort()) console.log(m, '→', [...s].sort().join(' '));
if (problems.length) {
  console.error(`Layer rule broken (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`layers ok (${modules.size} modules in order)`);
