import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { powerClass } from '../../domain/role-composition.ts';
import { permissions } from '../../domain/roles.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { listOf } from '../../platform/schemas.ts';
import * as s from './roles-schema.ts';
import * as service from './roles-service.ts';

/** Roles as data: the security administrator composes, edits and retires custom roles; the fixed roles stay. */
export function roleRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['账号与权限 accounts'];

  r.get(
    '/api/roles',
    {
      config: { access: 'account.read' },
      schema: { summary: '角色列表 List roles', tags, response: { 200: listOf(s.roleSchema) } },
    },
    async () => service.listRoles(ctx),
  );
  r.get(
    '/api/permissions',
    {
      config: { access: 'account.read' },
      schema: { summary: '权限列表 List permissions', tags, response: { 200: listOf(s.permissionInfoSchema) } },
    },
    async () => ({
      items: permissions.map((code) => ({ code, powerClass: powerClass(code) })),
      total: permissions.length,
    }),
  );
  r.post(
    '/api/roles',
    {
      config: { access: 'role.manage' },
      schema: { summary: '新建角色 Create a role', tags, body: s.customRoleInput, response: { 201: s.roleSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.createCustomRole(ctx, actorOf(req), req.body)),
  );
  r.patch(
    '/api/roles/:code',
    {
      config: { access: 'role.manage' },
      schema: {
        summary: '修改角色 Update a role',
        tags,
        params: s.roleCodeParams,
        body: s.customRolePatch,
        response: { 200: s.roleSchema },
      },
    },
    async (req) => service.updateCustomRole(ctx, actorOf(req), req.params.code, req.body),
  );
  r.post(
    '/api/roles/:code/retire',
    {
      config: { access: 'role.manage' },
      schema: { summary: '停用角色 Retire a role', tags, params: s.roleCodeParams, response: { 200: s.roleSchema } },
    },
    async (req) => service.retireCustomRole(ctx, actorOf(req), req.params.code),
  );
}
