import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams } from '../../platform/schemas.ts';
import * as borrowing from './borrowing.ts';
import * as disposal from './disposal.ts';
import * as filing from './filing-service.ts';
import * as s from './schema.ts';
import * as scheme from './scheme-service.ts';
import * as service from './service.ts';
import * as viewing from './viewing-service.ts';

const pdfResponse = { 200: z.any().describe('A4 PDF (application/pdf)') };
const inline = (name: string) => `inline; filename="archive.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`;

export function archiveRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['档案 archives'];

  r.get(
    '/api/archives',
    {
      config: { access: 'archive.read' },
      schema: {
        summary: '档案列表 List archives',
        tags,
        querystring: s.fileQuery,
        response: { 200: s.fileListSchema },
      },
    },
    async (req) => service.searchFiles(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/archives/scheme',
    {
      config: { access: 'archive.read' },
      schema: {
        summary: '档案分类方案 The classification scheme',
        tags,
        querystring: s.hallQuery,
        response: { 200: s.schemeSchema },
      },
    },
    async (req) => scheme.scheme(ctx, actorOf(req), req.query.hallId),
  );
  r.put(
    '/api/archives/scheme',
    {
      config: { access: 'archive.manage' },
      schema: {
        summary: '修改档案分类方案 Update the classification scheme',
        tags,
        body: s.categoryInput,
        response: { 200: s.schemeSchema },
      },
    },
    async (req) => scheme.saveCategory(ctx, actorOf(req), req.body),
  );
  r.get(
    '/api/archives/pending',
    {
      config: { access: 'archive.read' },
      schema: {
        summary: '待归档办件 Cases waiting to be filed',
        tags,
        querystring: s.hallQuery,
        response: { 200: s.pendingSchema },
      },
    },
    async (req) => filing.pendingFiling(ctx, actorOf(req), req.query.hallId),
  );
  r.post(
    '/api/archives/pending/file',
    {
      config: { access: 'archive.manage' },
      schema: {
        summary: '归档已结办件 File an ended case',
        tags,
        body: s.fileCaseInput,
        response: { 200: s.fileDetailSchema },
      },
    },
    async (req) => filing.fileEndedCase(ctx, actorOf(req), req.body.caseId),
  );
  r.get(
    '/api/archives/enterprises/:id',
    {
      config: { access: 'archive.read', auditRead: 'applicant' },
      schema: {
        summary: "企业档案 An enterprise's archive",
        tags,
        params: idParams,
        response: { 200: s.enterpriseFileSchema },
      },
    },
    async (req) => service.enterpriseFile(ctx, actorOf(req), req.params.id),
  );

  r.get(
    '/api/archives/loans',
    {
      config: { access: 'archive.borrow' },
      schema: {
        summary: '借阅列表 List archive loans',
        tags,
        querystring: s.loanQuery,
        response: { 200: s.loanListSchema },
      },
    },
    async (req) => borrowing.listLoans(ctx, actorOf(req), req.query),
  );
  r.post(
    '/api/archives/loans/:id/decide',
    {
      config: { access: 'archive.approve' },
      schema: {
        summary: '审批借阅 Decide a loan',
        tags,
        params: idParams,
        body: s.decisionInput,
        response: { 200: s.loanSchema },
      },
    },
    async (req) => borrowing.decideLoan(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/archives/loans/:id/lend',
    {
      config: { access: 'archive.manage' },
      schema: { summary: '借出档案 Lend an archive', tags, params: idParams, response: { 200: s.loanSchema } },
    },
    async (req) => borrowing.lend(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/archives/loans/:id/return',
    {
      config: { access: 'archive.manage' },
      schema: {
        summary: '归还档案 Return an archive',
        tags,
        params: idParams,
        body: s.returnInput,
        response: { 200: s.loanSchema },
      },
    },
    async (req) => borrowing.returnLoan(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/archives/loans/:id/remind',
    {
      config: { access: 'archive.manage' },
      schema: { summary: '催还档案 Remind a borrower', tags, params: idParams, response: { 200: s.loanSchema } },
    },
    async (req) => borrowing.remind(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/archives/loans/:id/view-link',
    {
      config: { access: 'archive.borrow' },
      schema: {
        summary: '生成查阅链接 Issue a viewing link',
        tags,
        params: idParams,
        response: { 200: s.viewLinkSchema },
      },
    },
    async (req) => borrowing.openViewLink(ctx, actorOf(req), req.params.id),
  );
  r.get(
    '/api/archives/view/:token',
    {
      config: { access: 'archive.borrow', auditRead: 'archive_view' },
      schema: { summary: '查阅档案 View a lent archive', tags, params: s.tokenParams, response: pdfResponse },
    },
    async (req, reply) => {
      const { pdf, fileName } = await borrowing.viewByToken(ctx, actorOf(req), req.params.token);
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', inline(fileName))
        .send(pdf);
    },
  );
  r.get(
    '/api/archives/view/:token/documents',
    {
      config: { access: 'archive.borrow', auditRead: 'archive_view' },
      schema: {
        summary: "查阅档案文件列表 The lent archive's documents",
        tags,
        params: s.tokenParams,
        response: { 200: s.loanDocumentsSchema },
      },
    },
    async (req) => viewing.loanDocuments(ctx, actorOf(req), req.params.token),
  );
  r.get(
    '/api/archives/view/:token/documents/:key',
    {
      config: { access: 'archive.borrow', auditRead: 'archive_view' },
      schema: {
        summary: "查阅档案文件 A lent archive's document",
        tags,
        params: s.documentParams,
        response: pdfResponse,
      },
    },
    async (req, reply) => {
      const { pdf, fileName } = await viewing.viewDocument(ctx, actorOf(req), req.params.token, req.params.key);
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', inline(fileName))
        .send(pdf);
    },
  );

  r.get(
    '/api/archives/disposal/due',
    {
      config: { access: 'archive.manage' },
      schema: {
        summary: '到期待鉴定档案 Archives due for appraisal',
        tags,
        querystring: s.hallQuery,
        response: { 200: s.fileListSchema },
      },
    },
    async (req) => disposal.dueForDisposal(ctx, actorOf(req), req.query.hallId),
  );
  r.get(
    '/api/archives/disposals',
    {
      config: { access: 'archive.read' },
      schema: {
        summary: '销毁鉴定列表 List disposals',
        tags,
        querystring: s.hallQuery,
        response: { 200: s.disposalListSchema },
      },
    },
    async (req) => disposal.disposalRegister(ctx, actorOf(req), req.query.hallId),
  );
  r.get(
    '/api/archives/disposals/register.:format',
    {
      config: { access: 'archive.read', auditRead: 'archive_disposal_register' },
      schema: {
        summary: '销毁清册 The disposal register',
        tags,
        params: s.registerParams,
        querystring: s.hallQuery,
        response: pdfResponse,
      },
    },
    async (req, reply) => {
      const { format } = req.params;
      const { bytes, fileName } = await disposal.exportRegister(ctx, actorOf(req), format, req.query.hallId);
      return reply
        .type(
          format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header(
          'content-disposition',
          format === 'pdf' ? inline(fileName) : `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        )
        .send(bytes);
    },
  );
  r.post(
    '/api/archives/disposals',
    {
      config: { access: 'archive.manage' },
      schema: {
        summary: '提出销毁鉴定 Propose a disposal',
        tags,
        body: s.disposalInput,
        response: { 201: s.disposalSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await disposal.proposeDisposal(ctx, actorOf(req), req.body)),
  );
  r.post(
    '/api/archives/disposals/:id/decide',
    {
      config: { access: 'archive.dispose' },
      schema: {
        summary: '审批销毁 Decide a disposal',
        tags,
        params: idParams,
        body: s.decisionInput,
        response: { 200: s.disposalSchema },
      },
    },
    async (req) => disposal.decideDisposal(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/archives/disposals/:id/execute',
    {
      config: { access: 'archive.manage' },
      schema: {
        summary: '执行销毁 Carry out a disposal',
        tags,
        params: idParams,
        body: s.executeInput,
        response: { 200: s.disposalSchema },
      },
    },
    async (req) => disposal.executeDisposal(ctx, actorOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/archives/:id',
    {
      config: { access: 'archive.read', auditRead: 'archive' },
      schema: { summary: '档案详情 Archive detail', tags, params: idParams, response: { 200: s.fileDetailSchema } },
    },
    async (req) => service.fileDetail(ctx, actorOf(req), req.params.id),
  );
  r.get(
    '/api/archives/:id/contents.pdf',
    {
      config: { access: 'archive.read', auditRead: 'archive' },
      schema: {
        summary: "卷内目录 PDF An archive's contents list as PDF",
        tags,
        params: idParams,
        response: pdfResponse,
      },
    },
    async (req, reply) => {
      const { pdf, fileName } = await service.printContents(ctx, actorOf(req), req.params.id);
      return reply.type('application/pdf').header('content-disposition', inline(fileName)).send(pdf);
    },
  );
  r.post(
    '/api/archives/:id/classify',
    {
      config: { access: 'archive.manage' },
      schema: {
        summary: '档案分类 Classify an archive',
        tags,
        params: idParams,
        body: s.classifyInput,
        response: { 200: s.fileDetailSchema },
      },
    },
    async (req) => service.classifyFile(ctx, actorOf(req), req.params.id, req.body.confidentiality),
  );
  r.post(
    '/api/archives/:id/loans',
    {
      config: { access: 'archive.borrow' },
      schema: {
        summary: '申请借阅 Ask to borrow an archive',
        tags,
        params: idParams,
        body: s.loanInput,
        response: { 201: s.loanSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await borrowing.requestLoan(ctx, actorOf(req), req.params.id, req.body)),
  );
}
