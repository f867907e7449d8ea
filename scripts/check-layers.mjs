// Keeps the layers pointing one way: routes → services → repositories → db; domain imports nothing with I/O.
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

const importsOf = (file) =>
  [...fs.readFileSync(file, 'utf8').matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);

const IO_PACKAGES = /^(node:(fs|net|http|child_process)|kysely|pg|better-sqlite3|fastify|@fastify\/)/;

for (const file of files(root)) {
  const rel = path.relative(root, file);
  const base = path.basename(file);
  for (const spec of importsOf(file)) {
    const target = spec.startsWith('.') ? path.relative(root, path.resolve(path.dirname(file), spec)) : spec;
    const say = (why) => problems.push(`${rel} imports ${spec}: ${why}`);
    if (rel.startsWith('domain/')) {
      if (IO_PACKAGES.test(spec)) say('domain/ holds pure rules without I/O');
      if (target.startsWith('platform/') || target.startsWith('modules/')) say('domain/ may import only domain/');
    }
    if (rel.startsWith('platform/') && target.startsWith('modules/'))
      say('platform/ must not depend on business modules');
    if (base === 'routes.ts' && target.endsWith('repository.ts')) say('routes call services, never repositories');
    if (base === 'repository.ts' && (target.endsWith('service.ts') || target.endsWith('routes.ts'))) {
      say('repositories sit below services and routes');
    }
    if (base === 'service.ts' && target.endsWith('routes.ts')) say('services must not know about HTTP routes');
  }
}

if (problems.length) {
  console.error(`Layer rule broken (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('layers ok');
