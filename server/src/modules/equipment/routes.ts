import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams } from '../../platform/schemas.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

export function equipmentRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['设备 equipment'];
  const detail = { 200: s.equipmentDetailSchema };

  r.get(
    '/api/equipment',
    {
      config: { access: 'equipment.read' },
      schema: {
        summary: '设备台账 List equipment',
        tags,
        querystring: s.equipmentQuery,
        response: { 200: s.equipmentListSchema },
      },
    },
    async (req) => service.listEquipment(ctx, actorOf(req), req.query),
  );
  r.post(
    '/api/equipment',
    {
      config: { access: 'equipment.manage' },
      schema: {
        summary: '登记设备 Register equipment',
        tags,
        body: s.equipmentInput,
        response: { 201: s.equipmentDetailSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.addEquipment(ctx, actorOf(req), req.body)),
  );
  r.get(
    '/api/equipment/:id',
    {
      config: { access: 'equipment.read' },
      schema: { summary: '设备详情 Equipment detail', tags, params: idParams, response: detail },
    },
    async (req) => service.equipmentDetail(ctx, actorOf(req), req.params.id),
  );
  r.patch(
    '/api/equipment/:id',
    {
      config: { access: 'equipment.manage' },
      schema: {
        summary: '修改设备 Update equipment',
        tags,
        params: idParams,
        body: s.equipmentPatch,
        response: detail,
      },
    },
    async (req) => service.updateEquipment(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/equipment/:id/faults',
    {
      config: { access: 'equipment.report' },
      schema: { summary: '报修 Report a fault', tags, params: idParams, body: s.faultInput, response: detail },
    },
    async (req) => service.reportFault(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/equipment/:id/maintenance',
    {
      config: { access: 'equipment.manage' },
      schema: {
        summary: '登记保养 Record maintenance',
        tags,
        params: idParams,
        body: s.maintenanceInput,
        response: detail,
      },
    },
    async (req) => service.recordMaintenance(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/equipment/faults/:id/fix',
    {
      config: { access: 'equipment.manage' },
      schema: { summary: '修复完成 Record a fault fixed', tags, params: idParams, body: s.fixInput, response: detail },
    },
    async (req) => service.fixFault(ctx, actorOf(req), req.params.id, req.body),
  );
}
