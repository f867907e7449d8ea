import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams, listOf, pageWindow } from '../../platform/schemas.ts';
import { passwordPolicySchema, readPasswordPolicy } from '../../platform/settings.ts';
import * as s from './schema.ts';
import * as requests from './admin-request-service.ts';
import { roleRoutes } from './roles-routes.ts';
import * as service from './service.ts';
import { setAuthority } from './authority-service.ts';

export function accountRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['账号与权限 accounts'];

  r.get(
    '/api/users',
    {
      config: { access: 'account.read' },
      schema: {
        summary: '账号列表 List accounts',
        tags,
        querystring: s.userQuery,
        response: { 200: listOf(s.userSchema) },
      },
    },
    async (req) => service.listUsers(ctx, actorOf(req), { ...req.query, ...pageWindow(req.query) }),
  );
  r.post(
    '/api/users',
    {
      config: { access: 'account.manage' },
      schema: { summary: '新建账号 Create an account', tags, body: s.userInput, response: { 201: s.userSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.createUser(ctx, actorOf(req), req.body)),
  );
  r.patch(
    '/api/users/:id',
    {
      config: { access: 'account.manage' },
      schema: {
        summary: '修改账号 Update an account',
        tags,
        params: idParams,
        body: s.userPatch,
        response: { 200: s.userSchema },
      },
    },
    async (req) => service.updateUser(ctx, actorOf(req), req.params.id, req.body),
  );
  r.put(
    '/api/users/:id/authority',
    {
      config: { access: 'account.authority' },
      schema: {
        summary: "设置账号角色与范围 Set an account's roles and scope",
        tags,
        params: idParams,
        body: s.authorityInput,
        response: { 200: s.userSchema },
      },
    },
    async (req) => setAuthority(ctx, actorOf(req), req.params.id, req.body.authorityLevel),
  );
  r.post(
    '/api/users/:id/unlock',
    {
      config: { access: 'account.manage' },
      schema: { summary: '解锁账号 Unlock an account', tags, params: idParams, response: { 200: s.userSchema } },
    },
    async (req) => service.unlockUser(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/users/:id/reset-password',
    {
      config: { access: 'account.manage' },
      schema: {
        summary: '重置密码 Reset a password',
        tags,
        params: idParams,
        body: z.object({ initialPassword: z.string().min(1).max(128) }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await service.resetPassword(ctx, actorOf(req), req.params.id, req.body.initialPassword);
      return reply.status(204).send(null);
    },
  );

  roleRoutes(app, ctx);

  r.get(
    '/api/security/policy',
    {
      config: { access: 'account.read' },
      schema: { summary: '安全策略 Security policy', tags, response: { 200: passwordPolicySchema } },
    },
    async () => readPasswordPolicy(ctx.db),
  );
  r.put(
    '/api/security/policy',
    {
      config: { access: 'policy.manage' },
      schema: {
        summary: '修改安全策略 Update the security policy',
        tags,
        body: passwordPolicySchema.strict(),
        response: { 200: passwordPolicySchema },
      },
    },
    async (req) => service.updatePolicy(ctx, actorOf(req), req.body),
  );
  r.post(
    '/api/users/:id/reset-totp',
    {
      config: { access: 'account.manage' },
      schema: {
        summary: "重置双因素认证 Reset an account's two-factor",
        tags,
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await service.resetTotp(ctx, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  // Administrator accounts change only through a request that a second administrator approves (三权分立).
  r.get(
    '/api/admin-requests',
    {
      config: { access: 'account.approve_admin' },
      schema: {
        summary: '管理员变更申请列表 List administrator change requests',
        tags,
        querystring: s.adminRequestQuery,
        response: { 200: listOf(s.adminRequestSchema) },
      },
    },
    async (req) => requests.listAdminRequests(ctx, actorOf(req), { ...req.query, ...pageWindow(req.query) }),
  );
  r.post(
    '/api/admin-requests',
    {
      config: { access: 'account.manage' },
      schema: {
        summary: '提出管理员变更申请 Request an administrator change',
        tags,
        body: s.adminRequestInput,
        response: { 201: s.adminRequestSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await requests.requestAdminChange(ctx, actorOf(req), req.body)),
  );
  const decisionSummary = {
    approve: '批准管理员变更申请 Approve an administrator change',
    reject: '驳回管理员变更申请 Reject an administrator change',
    cancel: '撤回管理员变更申请 Withdraw an administrator change',
  } as const;
  for (const decision of ['approve', 'reject', 'cancel'] as const) {
    r.post(
      `/api/admin-requests/:id/${decision}`,
      {
        config: { access: decision === 'cancel' ? 'account.manage' : 'account.approve_admin' },
        schema: {
          summary: decisionSummary[decision],
          tags,
          params: idParams,
          body: s.decisionBody,
          response: { 200: s.adminRequestSchema },
        },
      },
      async (req) => requests.decideAdminRequest(ctx, actorOf(req), req.params.id, decision, req.body.note || null),
    );
  }
}
