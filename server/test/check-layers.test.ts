/** The layer check on small fixture trees: a clean tree passes, and each kind of reach it forbids fails it. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const script = path.resolve('scripts/check-layers.mjs');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const ORDER = 'Module order (lowest first; a module imports only modules before it): `org` → `cases` → `intake`.\n';

/** A tree of org → cases → intake where each module keeps to its own files and tables; `extra` overrides files. */
function tree(extra: Record<string, string> = {}, order = ORDER) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-'));
  dirs.push(dir);
  const files: Record<string, string> = {
    'modules/org/repository.ts': "export const halls = (db: any) => db.selectFrom('halls').execute();\n",
    'modules/org/service.ts': "import { halls } from './repository.ts';\nexport const list = halls;\n",
    'modules/cases/repository.ts': "export const steps = (db: any) => db.selectFrom('case_steps').execute();\n",
    'modules/cases/service.ts':
      "import { list } from '../org/service.ts';\nimport { steps } from './repository.ts';\nexport { list, steps };\n",
    'modules/cases/routes.ts': "import { steps } from './service.ts';\nexport const r = steps;\n",
    'modules/intake/service.ts': "import { steps } from '../cases/service.ts';\nexport const take = steps;\n",
    'modules/intake/schema.ts': "import type { steps } from '../cases/repository.ts';\nexport type S = typeof steps;\n",
    ...extra,
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, 'src', rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'src', rel), text);
  }
  fs.writeFileSync(path.join(dir, 'ARCHITECTURE.md'), `# Fixture\n\n${order}`);
  return dir;
}

function check(dir: string) {
  const args = [script, '--root', path.join(dir, 'src'), '--architecture', path.join(dir, 'ARCHITECTURE.md')];
  const r = spawnSync(process.execPath, [...args, '--no-exceptions'], { encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

describe('scripts/check-layers.mjs', () => {
  it('passes a tree that keeps the rules, type-only reaches included', () => {
    const r = check(tree());
    expect(r.out).toContain('layers ok (3 modules in order)');
    expect(r.ok).toBe(true);
  });

  it('fails a reach into another module past its service', () => {
    const r = check(tree({ 'modules/intake/service.ts': "import { steps } from '../cases/repository.ts';\n" }));
    expect(r.ok).toBe(false);
    expect(r.out).toContain('modules/intake/service.ts imports ../cases/repository.ts: another module is reached');
  });

  it('fails a query outside a repository, and a repository on another module’s table', () => {
    const r = check(
      tree({
        'modules/intake/service.ts': "export const q = (db: any) => db.selectFrom('intake_rows').execute();\n",
        'modules/intake/repository.ts': "export const q = (db: any) => db.selectFrom('x').innerJoin('case_steps');\n",
      }),
    );
    expect(r.ok).toBe(false);
    expect(r.out).toContain('modules/intake/service.ts builds a query');
    expect(r.out).toContain('modules/intake/repository.ts queries case_steps, a table of cases');
  });

  it('fails an import against the written module order, a cycle, and a module the order does not place', () => {
    const r = check(
      tree({
        'modules/cases/service.ts': "import { take } from '../intake/service.ts';\nexport const steps = take;\n",
        'modules/queue/service.ts': 'export const call = 1;\n',
      }),
    );
    expect(r.ok).toBe(false);
    expect(r.out).toContain('module cases imports intake, which the module order of ARCHITECTURE.md does not place');
    expect(r.out).toContain('module cycle: cases → intake → cases');
    expect(r.out).toContain('module queue is not in the module order of ARCHITECTURE.md');
  });

  it('fails a file without a kind, a route reaching a repository, and an order naming no module', () => {
    const r = check(
      tree(
        {
          'modules/cases/helpers.ts': 'export const h = 1;\n',
          'modules/cases/routes.ts': "import { steps } from './repository.ts';\nexport const r = steps;\n",
        },
        ORDER.replace('`intake`', '`intake` → `gone`'),
      ),
    );
    expect(r.ok).toBe(false);
    expect(r.out).toContain('modules/cases/helpers.ts has no kind');
    expect(r.out).toContain('a routes file must not import a repository file');
    expect(r.out).toContain('ARCHITECTURE.md orders a module that does not exist: gone');
  });

  it('passes the project itself, with its listed exceptions', () => {
    const r = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(`${r.stdout}${r.stderr}`).toMatch(/layers ok \(\d+ modules in order\)/);
    expect(r.status).toBe(0);
  });
});
