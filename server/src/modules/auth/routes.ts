import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../platform/auth/sessions.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, clientIp } from '../../platform/http.ts';
import { signInThrottle } from '../../platform/rate-limit.ts';
import { readSystemMode } from '../../platform/settings.ts';
import { changeOwnPassword, logIn, logOut, presentMe } from './service.ts';
import * as totp from './totp-service.ts';

const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
  /** An administrator without two-factor sign-in must enrol it before anything else. */
  mustEnrolTotp: z.boolean(),
  halls: z.array(z.object({ id: z.string(), name: z.string() })),
  departments: z.array(z.object({ id: z.string(), name: z.string(), hallId: z.string() })),
});

export function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['登录 auth'];

  r.post(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit: signInThrottle(ctx.config) },
      schema: {
        summary: '登录 Sign in',
        tags,
        body: z.object({
          username: z.string().trim().min(1).max(64),
          password: z.string().min(1).max(256),
          totpCode: z.string().trim().max(32).optional(),
        }),
        response: { 200: z.object({ user: meSchema }) },
      },
    },
    async (req, reply) => {
      const { token, actor } = await logIn(ctx, {
        username: req.body.username,
        password: req.body.password,
        totpCode: req.body.totpCode,
        ip: clientIp(req),
        userAgent: req.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.secureCookies,
      });
      return { user: await presentMe(ctx, actor) };
    },
  );

  r.post(
    '/api/auth/logout',
    { config: { access: 'public' }, schema: { summary: '退出登录 Sign out', tags, response: { 204: z.null() } } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await logOut(ctx, token, req.actor);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/auth/me',
    {
      config: { access: 'user', beforePasswordChange: true },
      schema: { summary: '当前用户 The signed-in user', tags, response: { 200: meSchema } },
    },
    async (req) => presentMe(ctx, actorOf(req)),
  );

  r.post(
    '/api/auth/password',
    {
      config: { access: 'user', beforePasswordChange: true },
      schema: {
        summary: '修改密码 Change password',
        tags,
        body: z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await changeOwnPassword(ctx, actorOf(req), req.body.currentPassword, req.body.newPassword);
      return reply.status(204).send(null);
    },
  );

  // The login page shows the demo banner from this; it says nothing else about the system.
  r.get(
    '/api/auth/mode',
    {
      config: { access: 'public' },
      schema: { summary: '登录方式 Sign-in mode', tags, response: { 200: z.object({ demo: z.boolean() }) } },
    },
    async () => ({ demo: (await readSystemMode(ctx.db)) === 'demo' }),
  );

  // Two-factor sign-in of the signed-in person (账户安全); reachable before it is set up.
  const setup = { access: 'user' as const, beforePasswordChange: true };
  const codeBody = z.object({ code: z.string().trim().min(1).max(32) });
  const codesAnswer = z.object({ recoveryCodes: z.array(z.string()) });
  r.get(
    '/api/auth/totp',
    {
      config: setup,
      schema: {
        summary: '双因素认证状态 Two-factor status',
        tags,
        response: { 200: z.object({ enabled: z.boolean(), required: z.boolean(), recoveryCodesLeft: z.number() }) },
      },
    },
    async (req) => totp.totpStatus(ctx, actorOf(req)),
  );
  r.post(
    '/api/auth/totp/setup',
    {
      config: setup,
      schema: {
        summary: '开始绑定动态验证码 Start two-factor enrolment',
        tags,
        response: { 200: z.object({ secret: z.string(), otpauthUri: z.string(), qrDataUrl: z.string() }) },
      },
    },
    async (req) => totp.startEnrolment(ctx, actorOf(req)),
  );
  r.post(
    '/api/auth/totp/enable',
    {
      config: setup,
      schema: { summary: '启用双因素认证 Enable two-factor', tags, body: codeBody, response: { 200: codesAnswer } },
    },
    async (req) => totp.confirmEnrolment(ctx, actorOf(req), req.body.code),
  );
  r.post(
    '/api/auth/totp/recovery-codes',
    {
      config: { access: 'user' },
      schema: {
        summary: '重新生成恢复码 Regenerate recovery codes',
        tags,
        body: codeBody,
        response: { 200: codesAnswer },
      },
    },
    async (req) => totp.regenerateRecoveryCodes(ctx, actorOf(req), req.body.code),
  );
  r.post(
    '/api/auth/totp/disable',
    {
      config: { access: 'user' },
      schema: {
        summary: '停用双因素认证 Disable two-factor',
        tags,
        body: z.object({ password: z.string().min(1).max(256) }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await totp.disableTotp(ctx, actorOf(req), req.body.password);
      return reply.status(204).send(null);
    },
  );
}
