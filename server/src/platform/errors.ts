/** A failure the caller can act on: one JSON shape `{ code, message, field? }` with an HTTP status. */
export class AppError extends Error {
  /** Set on a refusal of a record outside the caller's scope (another hall's): the answer is audited. */
  refusedTarget?: { type: string; id: string };

  constructor(
    readonly status: number,
    readonly code: string,
    /** zh-CN message shown to staff. */
    message: string,
    /** English message for the second locale. */
    readonly messageEn: string,
    readonly field?: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const invalid = (field: string, zh: string, en: string) => new AppError(400, 'VALIDATION', zh, en, field);
export const notFound = (what: string, whatEn: string) =>
  new AppError(404, 'NOT_FOUND', `${what}不存在或无权查看`, `${whatEn} not found`);
export const forbidden = (zh = '无权执行此操作', en = 'You are not allowed to do this') =>
  new AppError(403, 'FORBIDDEN', zh, en);
export const conflict = (zh: string, en: string, field?: string) => new AppError(409, 'CONFLICT', zh, en, field);
export const unauthenticated = (zh = '请先登录', en = 'Please log in') => new AppError(401, 'UNAUTHENTICATED', zh, en);

/**
 * Marks `err` as the refusal of a record that exists but lies outside the caller's scope (another hall's). The
 * caller gets the same answer as for a missing record; the error handler puts the refusal in the audit log.
 */
export function outOfScope(err: AppError, targetType: string, targetId: string): AppError {
  err.refusedTarget = { type: targetType, id: targetId };
  return err;
}
