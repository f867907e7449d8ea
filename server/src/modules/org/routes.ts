import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams, listOf } from '../../platform/schemas.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

export function orgRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['组织机构 organisation'];

  r.get(
    '/api/halls',
    {
      config: { access: 'org.read' },
      schema: { summary: '大厅列表 List halls', tags, response: { 200: listOf(s.hallSchema) } },
    },
    async (req) => {
      const items = await service.listHalls(ctx, actorOf(req));
      return { items, total: items.length };
    },
  );
  r.post(
    '/api/halls',
    {
      config: { access: 'org.manage' },
      schema: { summary: '新建大厅 Create a hall', tags, body: s.hallInput, response: { 201: s.hallSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.createHall(ctx, actorOf(req), req.body)),
  );
  r.patch(
    '/api/halls/:id',
    {
      config: { access: 'org.manage' },
      schema: {
        summary: '修改大厅 Update a hall',
        tags,
        params: idParams,
        body: s.hallPatch,
        response: { 200: s.hallSchema },
      },
    },
    async (req) => service.updateHall(ctx, actorOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/departments',
    {
      config: { access: 'org.read' },
      schema: {
        summary: '部门列表 List departments',
        tags,
        querystring: s.hallQuery,
        response: { 200: listOf(s.departmentSchema) },
      },
    },
    async (req) => {
      const items = await service.listDepartments(ctx, actorOf(req), req.query.hallId);
      return { items, total: items.length };
    },
  );
  r.post(
    '/api/departments',
    {
      config: { access: 'org.manage' },
      schema: {
        summary: '新建部门 Create a department',
        tags,
        body: s.departmentInput,
        response: { 201: s.departmentSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createDepartment(ctx, actorOf(req), req.body)),
  );
  r.patch(
    '/api/departments/:id',
    {
      config: { access: 'org.manage' },
      schema: {
        summary: '修改部门 Update a department',
        tags,
        params: idParams,
        body: s.departmentPatch,
        response: { 200: s.departmentSchema },
      },
    },
    async (req) => service.updateDepartment(ctx, actorOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/windows',
    {
      config: { access: 'org.read' },
      schema: {
        summary: '窗口列表 List windows',
        tags,
        querystring: s.hallQuery,
        response: { 200: listOf(s.windowSchema) },
      },
    },
    async (req) => {
      const items = await service.listWindows(ctx, actorOf(req), req.query.hallId);
      return { items, total: items.length };
    },
  );
  r.post(
    '/api/windows',
    {
      config: { access: 'org.manage' },
      schema: { summary: '新建窗口 Create a window', tags, body: s.windowInput, response: { 201: s.windowSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.createWindow(ctx, actorOf(req), req.body)),
  );
  r.patch(
    '/api/windows/:id',
    {
      config: { access: 'org.manage' },
      schema: {
        summary: '修改窗口 Update a window',
        tags,
        params: idParams,
        body: s.windowPatch,
        response: { 200: s.windowSchema },
      },
    },
    async (req) => service.updateWindow(ctx, actorOf(req), req.params.id, req.body),
  );
}
