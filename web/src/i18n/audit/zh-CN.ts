/** 审计日志完整性校验结果的中文文案（并入 zh-CN.ts）。 */
export const auditZhCN = {
  'audit.check.anchored': '库外检查点：{lines} 个签名有效，最新为第 {seq} 号记录（{at}）；数据库未落后于检查点。',
  'audit.check.noCheckpoint': '尚无库外检查点：服务启动后每分钟写入一次，届时才能发现整段删除或旧副本恢复。',
  'audit.check.restores': '已按备份恢复 {restores} 次，被恢复替换的 {setAside} 个检查点已搁置。',
  'audit.check.legacy': '其中 {n} 条为启用密钥前的记录（SHA-256），已由第一条密钥记录封存。',
  'audit.check.keyed': '每条记录以库外密钥计算 HMAC-SHA256，无密钥者无法重算。',
  'audit.problem.altered': '第 {seq} 号记录被改动：其 HMAC 与内容或前一条记录不符。',
  'audit.problem.missing': '第 {seq} 号记录缺失，或链头与最后一条记录不符。',
  'audit.problem.downgraded': '第 {seq} 号记录被改成了无密钥的旧式哈希。',
  'audit.problem.unknown-key': '第 {seq} 号记录所用的密钥不在密钥文件中。',
  'audit.problem.checkpoint-mismatch': '第 {seq} 号记录与库外检查点记下的哈希不同：日志被重写。',
  'audit.problem.behind-checkpoint':
    '数据库只有 {n} 条记录，落后于库外检查点记下的第 {cp} 号：日志尾部被删除，或数据库被换成了旧副本。',
  'audit.problem.checkpoint-forged': '检查点文件中有 {forged} 行签名无效：有人在没有密钥的情况下改写了检查点文件。',
} as const;
