/** A failure the caller can act on: one JSON shape `{ code, message, field? }` with an HTTP status. */
export class AppError extends Error {
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
