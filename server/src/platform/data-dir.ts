/**
 * The data folder holds personal data (the SQLite database with its WAL and SHM, result files): readable by the
 * service account only. The umask makes every file created later 0600 and every folder 0700; what an earlier
 * version left more open is tightened at start.
 */
import fs from 'node:fs';
import path from 'node:path';

export const PRIVATE_UMASK = 0o077;

export function restrictDataDir(dataDir: string, log?: (msg: string) => void): void {
  process.umask(PRIVATE_UMASK);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const tighten = (p: string, mode: number) => {
    try {
      const now = fs.statSync(p).mode & 0o777;
      if (now & 0o077) {
        fs.chmodSync(p, mode);
        log?.(`${p}: mode ${now.toString(8)} → ${mode.toString(8)}`);
      }
    } catch {
      // Not there (yet): created later under the umask.
    }
  };
  tighten(dataDir, 0o700);
  for (const f of ['onewindow.db', 'onewindow.db-wal', 'onewindow.db-shm']) tighten(path.join(dataDir, f), 0o600);
  for (const d of ['files', 'keys']) {
    const dir = path.join(dataDir, d);
    tighten(dir, 0o700);
    if (!fs.existsSync(dir)) continue;
    for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
      tighten(path.join(e.parentPath, e.name), e.isDirectory() ? 0o700 : 0o600);
    }
  }
}
