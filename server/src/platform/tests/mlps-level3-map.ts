/** GB/T 22239-2019 第三级 §8.1.4 安全计算环境: each item, what OneWindow does, and the tests that prove it. */
export interface MlpsItem {
  clause: string;
  title: string;
  does: string;
  /** Tests (file from the repository root, the start of the test's title) that prove it. */
  proof: { file: string; test: string }[];
  /** Why the item, or the part of it not proven here, lies outside a web application (the host, the network). */
  outside?: string;
}

const T = {
  auth: 'server/src/modules/auth/auth.test.ts',
  login: 'server/src/modules/auth/login-security.test.ts',
  accounts: 'server/src/modules/accounts/accounts.test.ts',
  separation: 'server/src/modules/accounts/separation.test.ts',
  separationProp: 'server/src/modules/accounts/separation.property.test.ts',
  roles: 'server/src/modules/accounts/custom-roles.test.ts',
  rolesProp: 'server/src/modules/accounts/custom-roles.property.test.ts',
  mode: 'server/src/seed/mode.test.ts',
  access: 'server/src/platform/tests/access.test.ts',
  matrix: 'server/src/platform/tests/access-matrix.test.ts',
  http: 'server/src/platform/tests/http-security.test.ts',
  audit: 'server/src/modules/audit/audit.test.ts',
  tamper: 'server/src/modules/audit/tamper.test.ts',
  auditKeys: 'server/src/platform/tests/audit-keys.test.ts',
  backup: 'server/src/platform/tests/backup-restore.test.ts',
  backupCli: 'server/src/platform/tests/backup-cli.test.ts',
  schedule: 'server/src/platform/tests/backup-schedule.test.ts',
  fuzz: 'server/src/platform/tests/fuzz.test.ts',
  numeric: 'server/src/platform/tests/numeric-params.test.ts',
  rate: 'server/src/platform/tests/rate-limits.test.ts',
  events: 'server/src/platform/tests/events.test.ts',
  scans: 'server/src/modules/scans/scans.test.ts',
  pii: 'server/src/modules/privacy/pii.test.ts',
  piiKeys: 'server/src/platform/pii/keys.test.ts',
  privacy: 'server/src/modules/privacy/privacy.test.ts',
  opinions: 'server/src/modules/cases/internal-opinions.test.ts',
  mlps: 'server/src/platform/tests/mlps-level3.test.ts',
};

export const mlpsItems: MlpsItem[] = [
  {
    clause: '8.1.4.1 a)',
    title: '身份标识唯一，口令复杂度，定期更换',
    does: 'unique usernames; ≥ 8 characters of 3 classes; last 5 refused; expiry after ≤ 90 days; policy floor',
    proof: [
      { file: T.mlps, test: 'a) 身份标识唯一' },
      { file: T.accounts, test: 'creates staff with roles, masks the phone number, and refuses a taken username' },
      { file: T.login, test: 'refuses any of the last N passwords' },
      { file: T.login, test: 'forces a change once a password is older than the maximum age' },
      { file: T.login, test: 'answers 400 naming the field for each setting below the floor' },
    ],
  },
  {
    clause: '8.1.4.1 b)',
    title: '登录失败处理，限制非法登录次数，连接超时自动退出',
    does: '5 failures lock 10 minutes (atomic count, generic answer); per-address throttle; 30 min idle, 12 h absolute',
    proof: [
      { file: T.mlps, test: 'b) 登录失败处理' },
      { file: T.login, test: 'locks the account when 60 wrong passwords arrive at once' },
      { file: T.auth, test: 'ends a session 12 hours after sign-in however active it is' },
      { file: T.rate, test: 'allows a number of attempts per address in the window, whatever the account, then 429' },
    ],
  },
  {
    clause: '8.1.4.1 c)',
    title: '远程管理时防止鉴别信息在传输中被窃听',
    does: 'HttpOnly SameSite cookie, Secure and HSTS behind HTTPS; only a hash of the session token is stored',
    proof: [
      { file: T.mlps, test: 'c) 鉴别信息传输保护' },
      { file: T.http, test: 'adds HSTS only when the site runs with secure cookies (HTTPS)' },
    ],
    outside: 'TLS itself is terminated by the hall’s reverse proxy (SECURE_COOKIES=true behind it); the app adds HSTS.',
  },
  {
    clause: '8.1.4.1 d)',
    title: '两种或以上鉴别技术组合（其一为密码技术）',
    does: 'password + TOTP (HMAC-based) required for the three administrators, optional for staff; recovery codes',
    proof: [
      { file: T.mlps, test: 'd) 双因素鉴别' },
      { file: T.login, test: 'enrols with a QR code, signs in with a code, and takes each recovery code once' },
      { file: T.mode, test: 'makes a first administrator change the one-time password, then enrol two-factor sign-in' },
    ],
  },
  {
    clause: '8.1.4.2 a)',
    title: '为登录用户分配账户和权限',
    does: 'every account has roles (fixed posts or custom roles); every /api route declares its permission',
    proof: [
      { file: T.matrix, test: 'refuses each post exactly the routes whose permission it lacks' },
      {
        file: T.roles,
        test: 'composes a role, gives it to an account, and its permissions open the routes they guard',
      },
    ],
  },
  {
    clause: '8.1.4.2 b)',
    title: '重命名或删除默认账户，修改默认口令',
    does: 'production creates no demo accounts; the three administrators get one-time passwords changed at first sign-in',
    proof: [
      { file: T.mode, test: 'gives a fresh production database no demo data and no account with a known password' },
      { file: T.mode, test: 'refuses a production start against a database created in demo mode' },
      { file: T.auth, test: 'forces a change of the initial password and enforces the policy' },
    ],
  },
  {
    clause: '8.1.4.2 c)',
    title: '及时删除或停用多余、过期账户，避免共享账户',
    does: 'disable an account (sessions end); retire a custom role from all holders; named accounts only',
    proof: [
      { file: T.mlps, test: 'c) 停用多余账户' },
      { file: T.accounts, test: 'disables an account and ends its sessions' },
    ],
  },
  {
    clause: '8.1.4.2 d)',
    title: '管理用户最小权限，权限分离',
    does: '三权分立 on permissions for any role and assignment; admin changes need a second administrator',
    proof: [
      { file: T.mlps, test: 'd) 最小权限、管理用户权限分离' },
      {
        file: T.rolesProp,
        test: 'never lets an account hold a forbidden combination, and refuses with a named conflict',
      },
      { file: T.separationProp, test: 'never joins two administrator powers' },
      {
        file: T.separation,
        test: 'does not let the security administrator create and use an audit administrator alone',
      },
      { file: T.matrix, test: 'gives the whole applicant registry to reception posts only' },
    ],
  },
  {
    clause: '8.1.4.2 e)',
    title: '由授权主体配置访问控制策略',
    does: 'only the security administrator composes roles, grants roles and personal.view, sets the policy',
    proof: [
      { file: T.mlps, test: 'e) 授权主体配置策略' },
      { file: T.separation, test: 'lets only the security administrator grant the sight of personal numbers' },
      { file: T.roles, test: 'refuses a custom role on an administrator account' },
    ],
  },
  {
    clause: '8.1.4.2 f)',
    title: '访问控制粒度：主体为用户级，客体为文件、数据库表级',
    does: 'per-user permissions; records scoped to the user’s halls (row level); refusals audited',
    proof: [
      { file: T.access, test: 'shows a township clerk only the township hall and its items' },
      { file: T.http, test: 'records a refused record of another hall, answered exactly like a missing one' },
    ],
  },
  {
    clause: '8.1.4.2 g)',
    title: '重要主体和客体设置安全标记',
    does: 'personal numbers are marked sensitive (encrypted, masked; personal.view to unmask, audited); internal opinions only for staff on the case',
    proof: [
      { file: T.pii, test: 'shows the full numbers to a holder of personal.view, decrypted' },
      { file: T.opinions, test: 'are withheld from hall staff who have nothing to do with the case' },
    ],
    outside: 'Mandatory labels on OS subjects and objects belong to the host (SELinux or similar).',
  },
  {
    clause: '8.1.4.3 a)',
    title: '启用安全审计，覆盖每个用户，审计重要行为和安全事件',
    does: 'every write, sign-in, refusal and read of personal data or documents is audited, in the write’s transaction',
    proof: [
      { file: T.mlps, test: 'a) b) 审计覆盖每个用户' },
      { file: T.audit, test: 'records writes and sign-ins with user, action, target, outcome and address' },
      { file: T.http, test: 'records every read of an applicant, a document PDF and a result file' },
    ],
  },
  {
    clause: '8.1.4.3 b)',
    title: '审计记录包括日期时间、用户、事件类型、是否成功等',
    does: 'each record: time, user, action, target, outcome, address, detail',
    proof: [{ file: T.audit, test: 'records writes and sign-ins with user, action, target, outcome and address' }],
  },
  {
    clause: '8.1.4.3 c)',
    title: '保护审计记录，定期备份，避免删除、修改或覆盖',
    does: 'HMAC chain under a key outside the database, signed checkpoints outside it (every 5 s), daily backups',
    proof: [
      { file: T.mlps, test: 'c) 审计记录保护' },
      { file: T.tamper, test: 'catches the tail cut off and the head moved back' },
      { file: T.tamper, test: 'catches an old copy of the log put back' },
      { file: T.tamper, test: 'catches the deletion of every record' },
      {
        file: T.schedule,
        test: 'backs up once a day at the set time, keeps the newest BACKUP_KEEP and audits each run',
      },
    ],
  },
  {
    clause: '8.1.4.3 d)',
    title: '保护审计进程，防止未经授权的中断',
    does: 'the record is written in the same transaction as the write (no write without its record); no route edits the log',
    proof: [
      { file: T.mlps, test: 'c) 审计记录保护' },
      { file: T.auditKeys, test: 'stops a production start when missing or readable by others' },
    ],
  },
  {
    clause: '8.1.4.4 a)',
    title: '最小安装原则',
    does: 'one Node process, no native extras beyond better-sqlite3; npm run check refuses dependencies needing newer Node',
    proof: [],
    outside: 'Which components are installed on the server is the host’s configuration, outside the application.',
  },
  {
    clause: '8.1.4.4 b)',
    title: '关闭不需要的系统服务、默认共享和高危端口',
    does: 'listens on 127.0.0.1 by default and on one port; /metrics only locally or with a token',
    proof: [
      { file: T.mlps, test: 'b) c) 关闭不需要的服务' },
      { file: T.http, test: 'serves /metrics to this machine or to the bearer of METRICS_TOKEN only' },
    ],
    outside: 'System services and shares of the host are closed by its administrator.',
  },
  {
    clause: '8.1.4.4 c)',
    title: '限制管理终端的接入方式或网络地址范围',
    does: 'writes only from this site (Origin, Sec-Fetch-Site); TRUSTED_PROXIES decides whose address is believed',
    proof: [{ file: T.http, test: 'refuses a write from another origin or another site' }],
    outside: 'Restricting administrators to an address range is the firewall’s or proxy’s rule.',
  },
  {
    clause: '8.1.4.4 d)',
    title: '数据有效性检验',
    does: 'zod schemas on every route; 400 naming the field; strict numbers; NUL and surrogates refused; fuzzing finds no 5xx',
    proof: [
      { file: T.mlps, test: 'd) 数据有效性检验' },
      { file: T.fuzz, test: 'answers with a 4xx that names the problem, never a 5xx, and writes nothing on a 4xx' },
      { file: T.numeric, test: 'refuses empty, blank, hexadecimal, exponent and plus-signed numbers on every route' },
    ],
  },
  {
    clause: '8.1.4.4 e)',
    title: '发现已知漏洞并及时修补',
    does: 'locked dependency tree (package-lock.json), well-kept plugins (helmet, rate-limit, multipart)',
    proof: [],
    outside:
      'Vulnerability scanning (npm audit, OS patches) and patching are the operator’s process, not a runtime check.',
  },
  {
    clause: '8.1.4.4 f)',
    title: '检测入侵行为，严重入侵事件报警',
    does: 'lockouts, per-address limits (429), audited refusals and out-of-scope probes; audit verify names tampering',
    proof: [
      { file: T.rate, test: 'counts concurrent hits atomically and starts a new window when the old one has run out' },
      { file: T.http, test: 'records a refused record of another hall, answered exactly like a missing one' },
    ],
    outside: 'Network intrusion detection and alarms to a security centre are the hall network’s IDS.',
  },
  {
    clause: '8.1.4.5 a)',
    title: '恶意代码防范',
    does: 'uploads are accepted by content only (PDF, JPEG, PNG by magic bytes), stored 0600 and never executed',
    proof: [
      {
        file: T.scans,
        test: 'refuses a text file named .pdf, an empty file, a missing part: 400 naming file, nothing written',
      },
    ],
    outside: 'Anti-malware or trusted-boot protection of the host applies to the server, not to the web application.',
  },
  {
    clause: '8.1.4.6 a)',
    title: '可信验证',
    does: 'production refuses to start without its key files or with loose modes',
    proof: [
      { file: T.piiKeys, test: 'is created on first start outside production, owner-only, and refused in production' },
    ],
    outside:
      'Verification from a hardware root of trust (TPM/TCM) of boot and programs is the platform’s, not the app’s.',
  },
  {
    clause: '8.1.4.7 a)',
    title: '传输过程中重要数据的完整性',
    does: 'HSTS behind HTTPS; the backup manifest is signed and every file checksummed before a restore',
    proof: [
      { file: T.http, test: 'adds HSTS only when the site runs with secure cookies (HTTPS)' },
      { file: T.backup, test: 'refuses a backup whose file does not match its checksum, before touching the target' },
    ],
    outside: 'TLS between browser and proxy is the deployment’s.',
  },
  {
    clause: '8.1.4.7 b)',
    title: '存储过程中重要数据的完整性',
    does: 'audit HMAC chain; files by sha256 (409 when changed); personal numbers AES-GCM bound to row and column',
    proof: [
      { file: T.mlps, test: '7 b) 存储完整性' },
      { file: T.scans, test: 'answers a changed or lost file with 409 INTEGRITY_FAILURE, audited, never the bytes' },
      { file: T.pii, test: 'refuses a tampered or moved ciphertext with a clear error, not a 500' },
      { file: T.tamper, test: 'notices a change to any field of any record (property)' },
    ],
  },
  {
    clause: '8.1.4.8 a)',
    title: '传输过程中重要数据的保密性',
    does: 'Secure cookies and HSTS behind HTTPS; logs never carry query values or secrets',
    proof: [{ file: T.http, test: 'never carry lookup secrets: phone digits, pad tokens, consultation codes' }],
    outside: 'The TLS channel itself is set up by the hall’s proxy.',
  },
  {
    clause: '8.1.4.8 b)',
    title: '存储过程中重要数据的保密性',
    does: 'ID and phone numbers AES-256-GCM with a blind index; passwords scrypt; session tokens hashed; files 0600',
    proof: [
      { file: T.mlps, test: '8 b) 存储保密性' },
      { file: T.pii, test: 'leaves no ID or phone number in clear in any row, nor in the SQLite file and its WAL' },
      { file: T.auth, test: 'stores passwords as salted scrypt hashes, never in clear' },
      { file: T.piiKeys, test: 'creates the database, its WAL and SHM owner-only' },
    ],
  },
  {
    clause: '8.1.4.9 a)',
    title: '本地数据备份与恢复',
    does: 'npm run backup / restore (SQLite online backup or pg_dump, files, signed manifest), daily schedule, tested restore',
    proof: [
      { file: T.backup, test: 'restores into a fresh data folder and database: same rows in every table' },
      { file: T.backupCli, test: 'backs up a seeded hall, restores it into a fresh data folder and database' },
    ],
  },
  {
    clause: '8.1.4.9 b)',
    title: '异地实时备份',
    does: 'BACKUP_DIR may be another site’s mount; PostgreSQL streaming replication carries every commit',
    proof: [],
    outside: 'Real-time copies to a second site are PostgreSQL replication and storage set up by the operator.',
  },
  {
    clause: '8.1.4.9 c)',
    title: '重要数据处理系统热冗余',
    does: 'several app nodes on one PostgreSQL: shared rate-limit counts, hall events across nodes, idempotent sweeps',
    proof: [
      { file: T.rate, test: 'share one count: the allowance is not doubled by a second node' },
      { file: T.events, test: 'delivers a call published on one node to the displays of another, and of itself' },
    ],
    outside: 'Database failover (a PostgreSQL standby) is the operator’s.',
  },
  {
    clause: '8.1.4.10 a)',
    title: '鉴别信息存储空间释放前完全清除',
    does: 'sessions deleted at sign-out and timeout; idempotency fingerprints purged after 48 h; SQLite secure_delete',
    proof: [
      { file: T.mlps, test: 'a) b) 鉴别信息与敏感数据的存储空间清除' },
      { file: T.http, test: 'purges keys after their 48-hour window' },
    ],
  },
  {
    clause: '8.1.4.10 b)',
    title: '敏感数据存储空间释放前完全清除',
    does: 'secure_delete overwrites freed SQLite pages; sealing moves details out; the purge anonymises',
    proof: [
      { file: T.mlps, test: 'a) b) 鉴别信息与敏感数据的存储空间清除' },
      { file: T.privacy, test: 'anonymises applicants with no activity for N years and no open case' },
    ],
    outside: 'On PostgreSQL freed space is reclaimed by VACUUM FULL and disk encryption, run by the operator.',
  },
  {
    clause: '8.1.4.11 a)',
    title: '仅采集和保存业务必需的个人信息',
    does: 'only the identity document, name, phone, address; retention purge; sealing of deregistered applicants',
    proof: [
      {
        file: T.privacy,
        test: 'refuses to seal while a case is open, then seals: lists show 已封存 and nothing personal',
      },
      { file: T.privacy, test: 'anonymises applicants with no activity for N years and no open case' },
    ],
  },
  {
    clause: '8.1.4.11 b)',
    title: '禁止未授权访问和非法使用个人信息',
    does: 'masked everywhere; unmasking needs personal.view and is audited; registry and export by least privilege',
    proof: [
      { file: T.mlps, test: '8 b) 存储保密性' },
      { file: T.pii, test: 'shows the full numbers to a holder of personal.view, decrypted' },
      {
        file: T.privacy,
        test: 'exports everything held, masked, as JSON and an A4 PDF, to supervisors and station heads only',
      },
      { file: T.matrix, test: 'refuses the registry search and the export to a reviewer, and records the refusal' },
    ],
  },
];
