import type { auditZhCN } from './zh-CN';

/** English texts of the audit integrity check (merged into en.ts). */
export const auditEn: Record<keyof typeof auditZhCN, string> = {
  'audit.check.anchored':
    'Checkpoints outside the database: {lines} with valid signatures, the newest at record {seq} ({at}); the database is not behind them.',
  'audit.check.noCheckpoint':
    'No checkpoint outside the database yet: the server writes one every minute; until then a cut tail or an old copy cannot be seen.',
  'audit.check.restores':
    'Restored from a backup {restores} time(s); {setAside} checkpoint(s) of the replaced timeline set aside.',
  'audit.check.legacy': '{n} record(s) predate the key (SHA-256) and are sealed by the first keyed record.',
  'audit.check.keyed': 'Each record carries an HMAC-SHA256 under a key kept outside the database.',
  'audit.problem.altered': 'Record {seq} was changed: its HMAC does not match its content or the record before it.',
  'audit.problem.missing': 'Record {seq} is missing, or the head does not match the last record.',
  'audit.problem.downgraded': 'Record {seq} was turned into an old-style unkeyed hash.',
  'audit.problem.unknown-key': 'Record {seq} names a key that is not in the key file.',
  'audit.problem.checkpoint-mismatch':
    'Record {seq} differs from the hash its checkpoint recorded: the log was rewritten.',
  'audit.problem.behind-checkpoint':
    'The database holds {n} records but a checkpoint recorded number {cp}: the tail was cut off or an old copy was put back.',
  'audit.problem.checkpoint-forged':
    '{forged} line(s) of the checkpoint file have no valid signature: someone wrote it without the key.',
};
