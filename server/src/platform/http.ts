import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from './audit.ts';
import { SESSION_COOKIE, resolveSession } from './auth/sessions.ts';
import type { Access, Actor, AppContext } from './context.ts';
import { AppError, forbidden, unauthenticated } from './errors.ts';
import { ownMessageOf } from './numeric-params.ts';
import { keyRequestCounter, keyThrottled } from './rate-limit.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; every /api route must say (deny by default). */
    access?: Access;
    /** Reachable while the user still has to replace an initial password. */
    beforePasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const zhLocale = z.locales.zhCN();
const enLocale = z.locales.en();

export const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
});

const wantsEnglish = (req: FastifyRequest) => (req.headers['accept-language'] ?? '').toLowerCase().startsWith('en');

function send(reply: FastifyReply, req: FastifyRequest, err: AppError) {
  return reply.status(err.status).send({
    code: err.code,
    message: wantsEnglish(req) ? err.messageEn : err.message,
    ...(err.field ? { field: err.field } : {}),
    ...(err.extra ?? {}),
  });
}

type LocaleIssue = Parameters<ReturnType<typeof z.locales.en>['localeError']>[0];

function localised(locale: ReturnType<typeof z.locales.en>, issue: LocaleIssue): string {
  const out = locale.localeError(issue);
  return typeof out === 'string' ? out : (out?.message ?? '');
}

/** Fastify's own refusals, in the one error shape with a message a person can read. */
const frameworkErrors: Record<string, { code: string; zh: string; en: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', zh: '请求内容过大', en: 'The request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    zh: '不支持该请求内容类型，请以 JSON 提交',
    en: 'Unsupported content type; send JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'BAD_JSON',
    zh: '请求内容为空，但声明为 JSON',
    en: 'The body is empty but declared as JSON',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'BAD_JSON', zh: '请求内容不是有效的 JSON', en: 'The body is not valid JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'BAD_REQUEST',
    zh: '请求长度与内容不符',
    en: 'Content-Length does not match the body',
  },
  FST_ERR_BAD_URL: { code: 'NOT_FOUND', zh: '请求的地址不存在', en: 'No such route' },
};

/** The audit record of a refused record outside the caller's scope (another hall's). */
async function auditScopeRefusal(ctx: AppContext, req: FastifyRequest, err: AppError) {
  const target = err.refusedTarget;
  if (!target) return;
  await recordAudit(ctx.db, {
    at: ctx.clock.now(),
    userId: req.actor?.userId ?? null,
    username: req.actor?.username ?? null,
    action: 'access.out_of_scope',
    targetType: target.type,
    targetId: target.id,
    outcome: 'denied',
    ip: clientIp(req),
    detail: { route: `${req.method} ${req.routeOptions.url ?? req.url.split('?')[0]}`, status: err.status },
  });
}

/** Turns schema failures into `{code:'VALIDATION', field}` and hides internals of anything unexpected. */
export function installErrorHandler(app: FastifyInstance, opts: { servesWebApp: boolean; ctx: AppContext }) {
  app.setErrorHandler(async (error: FastifyError | AppError, req, reply) => {
    if (error instanceof AppError) {
      await auditScopeRefusal(opts.ctx, req, error);
      return send(reply, req, error);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const params = first?.params as { issue?: LocaleIssue } | undefined;
      const issue = params?.issue;
      const where = error.validationContext ?? 'body';
      const path =
        issue?.path?.map(String).join('.') || first?.instancePath?.replace(/^\//, '').replace(/\//g, '.') || where;
      const own = ownMessageOf(
        issue ?? { code: first?.keyword, params: (first?.params as { params?: unknown } | undefined)?.params },
      );
      const zh =
        own?.zh ?? (issue ? localised(zhLocale, { ...issue, input: undefined }) : (first?.message ?? '格式不正确'));
      const en =
        own?.en ?? (issue ? localised(enLocale, { ...issue, input: undefined }) : (first?.message ?? 'invalid'));
      return send(reply, req, new AppError(400, 'VALIDATION', `字段 ${path}：${zh}`, `Field ${path}: ${en}`, path));
    }
    const status = (error as FastifyError).statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const known = frameworkErrors[(error as FastifyError).code ?? ''];
      if (known)
        return send(
          reply,
          req,
          new AppError(status, known.code, known.zh, known.en, status === 404 ? undefined : 'body'),
        );
      return send(reply, req, new AppError(status, 'BAD_REQUEST', `请求无效：${error.message}`, error.message, 'body'));
    }
    req.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'INTERNAL', message: '系统内部错误，请稍后重试' });
  });
  app.setNotFoundHandler((req, reply) => {
    // The web app routes on the client: a page address it knows gets index.html; unknown API paths stay 404.
    if (opts.servesWebApp && req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
    return send(reply, req, new AppError(404, 'NOT_FOUND', '请求的地址不存在', 'No such route'));
  });
}

export function clientIp(req: FastifyRequest): string | null {
  return req.ip ?? null;
}

const declared = new WeakMap<FastifyInstance, Map<string, Access>>();

/** What each /api route of `app` declares, by `METHOD /path/:param` (for the access matrix test and reviews). */
export function declaredAccess(app: FastifyInstance): ReadonlyMap<string, Access> {
  return declared.get(app) ?? new Map();
}

/** A machine client's API key (接口密钥) → the actor it acts as and its allowance per minute; null when it does not work. */
export type BearerResolver = (
  presented: string,
  ip: string | null,
) => Promise<{ actor: Actor; ratePerMinute: number } | null>;

const invalidKey = () =>
  new AppError(
    401,
    'API_KEY_INVALID',
    '接口密钥无效、已吊销或已过期',
    'The API key is unknown, revoked or expired',
    'Authorization',
  );

/** The key of `Authorization: Bearer …`, or null when the request carries none. */
function bearerOf(req: FastifyRequest): string | null {
  const m = /^bearer\s+(.*)$/i.exec(req.headers.authorization ?? '');
  return m ? (m[1] ?? '').trim() : null;
}

/** Every /api route declares its access; a route without one refuses to start (deny by default). */
export function installAccessControl(app: FastifyInstance, ctx: AppContext, opts: { bearer?: BearerResolver } = {}) {
  const keyHits = keyRequestCounter(ctx);
  app.decorateRequest('actor', null);
  const routes = new Map<string, Access>();
  declared.set(app, routes);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api') && !route.config?.access) {
      throw new Error(`route ${route.method} ${route.url} declares no access`);
    }
    const access = route.config?.access;
    if (access) for (const m of [route.method].flat()) routes.set(`${m} ${route.url}`, access);
  });
  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access) return;
    const token = req.cookies?.[SESSION_COOKIE];
    const presented = bearerOf(req);
    if (presented !== null) {
      // One identity per request: a page's session and a machine's key never mix.
      if (token) {
        throw new AppError(
          400,
          'MIXED_CREDENTIALS',
          '请求不能同时携带登录会话和接口密钥',
          'A request may not carry both a session cookie and an API key',
          'Authorization',
        );
      }
      const found = opts.bearer ? await opts.bearer(presented, clientIp(req)) : null;
      if (!found) throw invalidKey();
      const hits = await keyHits(found.actor.apiKeyId ?? found.actor.userId, 60_000);
      if (hits.current > found.ratePerMinute) throw keyThrottled(hits.ttl);
      req.actor = found.actor;
    } else if (token) {
      const found = await resolveSession(ctx.db, token, ctx.clock.now(), clientIp(req));
      if (found && 'actor' in found) req.actor = found.actor;
      else if (found && access !== 'public') {
        throw new AppError(401, 'SESSION_EXPIRED', '会话已超时，请重新登录', 'Session expired, please log in again');
      }
    }
    if (access === 'public') return;
    const actor = req.actor;
    if (!actor) throw unauthenticated();
    if (actor.mustChangePassword && !req.routeOptions.config?.beforePasswordChange) {
      throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', '请先修改初始密码', 'Change your initial password first');
    }
    if (actor.mustEnrolTotp && !req.routeOptions.config?.beforePasswordChange) {
      throw new AppError(
        403,
        'TOTP_ENROLMENT_REQUIRED',
        '管理员须先绑定双因素认证（动态验证码）',
        'Administrators must enrol two-factor sign-in first',
      );
    }
    if (access !== 'user' && !actor.permissions.has(access)) {
      await recordAudit(ctx.db, {
        at: ctx.clock.now(),
        userId: actor.userId,
        username: actor.username,
        action: 'access.denied',
        targetType: 'route',
        targetId: `${req.method} ${req.routeOptions.url}`,
        outcome: 'denied',
        ip: clientIp(req),
        detail: { permission: access },
      });
      throw forbidden();
    }
  });
}

/** The actor of a guarded route; the access hook has already refused anonymous callers. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}
