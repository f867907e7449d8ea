/**
 * The web's API types from the server's OpenAPI document: writes the document (scripts/openapi-doc.ts) and turns it
 * into web/src/api/schema.gen.ts with openapi-typescript.
 *   tsx scripts/api-types.ts           regenerate the file
 *   tsx scripts/api-types.ts --check   fail when the committed file differs from what the routes declare now
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'web/src/api/schema.gen.ts');
const header = `/**
 * GENERATED — do not edit. The server's OpenAPI document (scripts/openapi-doc.ts, built from the routes' zod schemas)
 * turned into types by openapi-typescript. Regenerate with \`npm run api:types\`; \`npm run check\` fails when stale.
 */
`;

const dir = mkdtempSync(path.join(os.tmpdir(), 'onewindow-api-types-'));
try {
  const docFile = path.join(dir, 'openapi.json');
  // A child process: the document script builds the whole app and closes it, nothing of it stays in this one.
  execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/openapi-doc.ts'), docFile], {
    stdio: 'inherit',
  });
  const doc = JSON.parse(readFileSync(docFile, 'utf8'));
  const types = header + astToString(await openapiTS(doc, { alphabetize: true }));
  if (process.argv.includes('--check')) {
    const fresh = path.join(dir, 'schema.gen.ts');
    writeFileSync(fresh, types);
    let committed = '';
    try {
      committed = readFileSync(target, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (committed !== types) {
      console.error(
        'web/src/api/schema.gen.ts is stale: the server schemas changed since it was generated. Run `npm run api:types` and commit the result.',
      );
      process.exitCode = 1;
    } else console.log('web/src/api/schema.gen.ts matches the server schemas.');
  } else {
    writeFileSync(target, types);
    console.log(`wrote ${path.relative(root, target)}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
