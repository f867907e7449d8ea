// Every installed package must run on Node.js 20 (the hall's machines): refuse a lockfile entry that demands 22+.
import fs from 'node:fs';

const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
const tooNew = Object.entries(lock.packages)
  .filter(([name, p]) => name && p.engines?.node)
  .filter(([, p]) => {
    const ranges = String(p.engines.node).split('||');
    // A range admits Node 20 unless every alternative starts at 21 or later.
    return ranges.every((r) => {
      const m = r.match(/(?:>=|\^|~)?\s*v?(\d+)/);
      return m && Number(m[1]) > 20;
    });
  })
  .map(([name, p]) => `${name.replace(/^.*node_modules\//, '')} (node ${p.engines.node})`);

if (tooNew.length) {
  console.error(`Packages that need a newer Node.js than 20:\n  ${tooNew.join('\n  ')}`);
  process.exit(1);
}
console.log('engines ok (Node 20)');
