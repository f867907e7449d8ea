import type { Logger } from 'pino';
import type { Permission } from '../domain/roles.ts';
import type { AuditAnchor } from './audit-anchor.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db, Dialect } from './db/database.ts';
import type { HallEvents } from './events.ts';

/** What every service needs: the database, the clock and the settings. */
export interface AppContext {
  db: Db;
  dialect: Dialect;
  config: Config;
  clock: Clock;
  log: Logger;
  /** Hall floor events (calls, finished services) fanned out to every app node's displays and pads. */
  events: HallEvents;
  /** The checkpoint file that pins the audit chain from outside the database (absent: no checkpoint check). */
  auditAnchor?: AuditAnchor;
  /**
   * Where whole-period figures are counted (统计分析, the on-time figures, 工作报告): a streaming replica when
   * DATABASE_READ_URL names one, so a city-wide count never queues with the clerks' writes. Absent: `db`.
   */
  figuresDb?: Db;
}

/**
 * The connection for whole-period figures. Only reads that may lag the primary by the replica's replay delay (a
 * second or less) go here; a person's own just-done work (the case lookup, its detail) is read from `db`.
 */
export const figuresDbOf = (ctx: AppContext): Db => ctx.figuresDb ?? ctx.db;

/** The signed-in member of staff on whose behalf a request runs. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: string[];
  permissions: Set<Permission>;
  hallIds: string[];
  departmentIds: string[];
  /** 审批权限: 'section' | 'deputy' | 'chief', or none. */
  authorityLevel?: string | null;
  mustChangePassword: boolean;
  /** An administrator who has not enrolled two-factor sign-in yet may do nothing else first. */
  mustEnrolTotp?: boolean;
  sessionId: string;
  ip: string | null;
  /** Set when a machine client calls with an API key (接口密钥): the key's id; its scope is the actor's. */
  apiKeyId?: string;
}

/** How a route is guarded: open to anyone, to any signed-in user, or to holders of one permission. */
export type Access = 'public' | 'user' | Permission;
