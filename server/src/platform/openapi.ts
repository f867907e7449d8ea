/**
 * The OpenAPI document's conventions in one place: each route's schema says what it does (summary) and the transform
 * below derives the rest from the route itself — operationId from method and path, security from `config.access`,
 * and the error answers the platform gives (validation, sign-in, permissions, missing records, idempotency, throttles).
 */
import type { SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { OpenAPIV3 } from 'openapi-types';
import { z } from 'zod';
import { errorSchema } from './http.ts';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Carries a route's error statuses from the per-route transform to the whole-document one. */
const ERRORS_KEY = 'x-onewindow-errors';

/** The shared error answers, by status: one component each, all with the one error body. */
export const errorResponses = {
  400: { name: 'BadRequest', description: '请求参数不合法 Invalid request (code VALIDATION, field names the input)' },
  401: { name: 'Unauthenticated', description: '未登录或会话已超时 Not signed in, or the session expired' },
  403: { name: 'Forbidden', description: '无权执行此操作 Not allowed for this account' },
  404: { name: 'NotFound', description: '记录不存在或无权查看 No such record, or outside the caller’s scope' },
  409: {
    name: 'Conflict',
    description:
      '冲突：相同幂等键的请求仍在处理或已处理，或记录状态已变 Conflict: same Idempotency-Key in flight or done, or the record changed',
  },
  422: {
    name: 'IdempotencyKeyReused',
    description: '幂等键已用于另一个请求 The Idempotency-Key was used for a different request',
  },
  429: { name: 'TooManyRequests', description: '请求过于频繁，请稍后再试 Too many requests; try again later' },
} as const;
export type ErrorStatus = keyof typeof errorResponses;

const camel = (word: string) => word.replace(/[-_.]+(\w)/g, (_, c: string) => c.toUpperCase());
const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** The record one item of a collection is: `cases` → `case`, `categories` → `category`, `statuses` → `status`. */
function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ss|us|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/**
 * `GET /api/cases/:id/notices` → `getCaseNotices`: the method, then the path's words without `/api`, where a word
 * followed by a parameter names one record (singular) and a last parameter other than `id` adds `By<Name>`.
 */
export function operationIdOf(method: string, url: string): string {
  const segments = url
    .replace(/^\/api\//, '')
    .split('/')
    .filter(Boolean);
  const words: string[] = [];
  segments.forEach((segment, i) => {
    const param = /^[:{]/.test(segment);
    if (param) {
      const name = camel(segment.replace(/^[:{]|}$/g, ''));
      // `items/:id` and `years/:year` already name one record (`getCatalogItem`, `putCalendarYear`); `days/:date`
      // adds `ByDate`, and `guide/:id` (no plural to tell it from `guide`) adds `ById`.
      const before = segments[i - 1] ?? '';
      const named = (name === 'id' && singular(camel(before)) !== camel(before)) || name === words.at(-1);
      if (i === segments.length - 1 && !named) words.push('by', name);
      return;
    }
    const next = segments[i + 1];
    // `contents.pdf` → `ContentsPdf`, `register.:format` → `RegisterFormat`.
    const name = camel(segment.replace(/\.:?(\w+)$/, '-$1'));
    words.push(next && /^[:{]/.test(next) ? singular(name) : name);
  });
  return method.toLowerCase() + words.map(capital).join('');
}

type RouteLike = { method: string | string[]; url: string; config?: { access?: string; rateLimit?: unknown } };
/** Path parameters that are values rather than records: `years/:year` is set whether or not it was before. */
const VALUE_PARAMS = new Set(['year', 'format']);

/** Whether the path names a record by a parameter of its own segment (`/cases/:id`), which may not exist. */
export function namesRecord(url: string): boolean {
  return [...url.matchAll(/\/[:{](\w+)/g)].some((m) => !VALUE_PARAMS.has(m[1] ?? ''));
}

/** The error statuses the platform really answers on this route (see http.ts, idempotency.ts, rate-limit.ts). */
export function documentedErrors(method: string, route: RouteLike): ErrorStatus[] {
  const write = WRITE_METHODS.has(method);
  // 400 everywhere: schema validation of params, query and body, the Idempotency-Key's length on a write, and the
  // input guard (input-guard.ts), which refuses NUL or broken Unicode in any query string, input schema or not.
  const out: ErrorStatus[] = [400];
  if (route.config?.access !== 'public') out.push(401, 403);
  if (namesRecord(route.url)) out.push(404);
  // Idempotency-Key: a retry while the first is in flight (409) or with another body (422).
  if (write) out.push(409, 422);
  if (route.config?.rateLimit) out.push(429);
  return out;
}

const bothSchemes: OpenAPIV3.SecurityRequirementObject[] = [{ session: [] }, { apiKey: [] }];

/** jsonSchemaTransform plus the operationId, security and error answers each operation owes its readers. */
export const openapiTransform: SwaggerTransform = (input) => {
  const out = jsonSchemaTransform(input as Parameters<typeof jsonSchemaTransform>[0]);
  const route = input.route as RouteLike;
  const method = [route.method].flat()[0] ?? 'GET';
  const schema = out.schema as Record<string, unknown> & { operationId?: string };
  return {
    ...out,
    schema: {
      ...schema,
      operationId: schema.operationId ?? operationIdOf(method, route.url),
      security: route.config?.access === 'public' ? [] : bothSchemes,
      [ERRORS_KEY]: documentedErrors(method, route),
    },
  };
};

const errorBody = z.toJSONSchema(errorSchema, { target: 'openapi-3.0' }) as OpenAPIV3.SchemaObject;

/** Turns each operation's error statuses into `$ref`s to shared answers and checks operationIds are unique. */
export const openapiTransformObject: SwaggerTransformObject = (documentObject) => {
  const doc = (documentObject as { openapiObject: OpenAPIV3.Document }).openapiObject;
  const seen = new Map<string, string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item ?? {}) as [string, OpenAPIV3.OperationObject][]) {
      const where = `${method.toUpperCase()} ${path}`;
      const id = op.operationId;
      if (!id) throw new Error(`OpenAPI: ${where} has no operationId`);
      const taken = seen.get(id);
      if (taken) throw new Error(`OpenAPI: operationId ${id} of ${where} is already ${taken}'s`);
      seen.set(id, where);
      const extended = op as OpenAPIV3.OperationObject & { [ERRORS_KEY]?: ErrorStatus[] };
      for (const status of extended[ERRORS_KEY] ?? []) {
        op.responses[status] = { $ref: `#/components/responses/${errorResponses[status].name}` };
      }
      delete extended[ERRORS_KEY];
    }
  }
  const { $schema: _, ...body } = errorBody as OpenAPIV3.SchemaObject & { $schema?: string };
  doc.components = {
    ...doc.components,
    schemas: { ...doc.components?.schemas, Error: body },
    responses: {
      ...doc.components?.responses,
      ...Object.fromEntries(
        Object.values(errorResponses).map((r) => [
          r.name,
          {
            description: r.description,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
        ]),
      ),
    },
  };
  return doc;
};

/** Each tag the routes use, with what it covers (the linter asks every tag to say). */
const tagDescriptions: Record<string, string> = {
  '登录 auth': '登录、会话与双因素认证 Sign-in, sessions and two-factor',
  '组织机构 organisation': '大厅、部门与窗口 Halls, departments and windows',
  '账号与权限 accounts': '账号、角色与权限 Accounts, roles and permissions',
  '审计 audit': '审计日志与校验 The audit log and its verification',
  '接口密钥 api keys':
    '系统对接的接口密钥（安全管理员签发） API keys for machine clients, issued by the security administrator',
  '事件推送 webhooks':
    '办件事件的签名推送（系统管理员配置） Signed case-event webhooks, configured by the system administrator',
  '事项目录 catalogue': '政务服务事项目录 The catalogue of services',
  '办事指南 public guide': '面向群众的办事指南 The public service guide',
  '工作日历 calendar': '工作日与节假日 Working days and holidays',
  '申请人 applicants': '申请人（自然人、法人）Applicants, people and organisations',
  '收件受理 reception': '收件、受理与不予受理 Receiving and accepting applications',
  '办件 cases': '办件详情、流转与轨迹 Cases, their flow and trail',
  '公开查询 public': '群众查询办件进度 Public progress lookups',
  '后台办理 back office': '审核、审批与流转 Review, approval and hand-offs',
  '办结送达 results': '办结与结果送达 Completion and delivery of results',
  '办理时限 time limits': '承诺时限、暂停与预警 Promised time limits, pauses and warnings',
  '咨询 consultations': '现场、电话与网上咨询 Consultations at the counter, by phone and online',
  '知识库 knowledge base': '咨询知识库 The consultation knowledge base',
  '排队叫号 hall floor': '取号、叫号、窗口与大屏 Tickets, calling, windows and the hall display',
  '现场评价 on-site rating': '窗口评价器 The rating pad at the window',
  '好差评 case ratings': '办件好差评与差评整改 Case ratings and the bad-rating loop',
  '预约 appointments': '预约办事 Booking appointments',
  '电子监察 supervision': '电子监察预警与督办 Electronic supervision, alerts and follow-up',
  '上报主管 escalations': '疑难件上报主管 Escalating hard cases to a supervisor',
  '专家意见 experts': '专家论证意见 Expert opinions on a case',
  '容缺材料 deferred materials': '容缺受理后补交材料 Materials handed in after acceptance',
  '个人信息 personal data': '个人信息查阅、更正与删除 Personal data access, correction and erasure',
  '县乡联办 township reception': '乡镇收件、县级办理 Received in a township, processed at the county',
  '培训 training': '窗口人员培训 Staff training',
  '奖惩与例会 conduct and meetings': '奖惩记录与例会 Commendations, discipline and meetings',
  '监督检查与整改 inspections': '监督检查与整改 Inspections and rectification',
  '档案 archives': '办件归档、借阅与企业档案 Case archives, loans and enterprise files',
  '设备 equipment': '设备台账与报修 Equipment register and repairs',
  '收费 fees': '收费与票据 Fees and receipts',
  '应急 emergency': '应急预案、演练与停机办理 Emergency plans, drills and working through an outage',
  '窗口人员 staff': '人员档案、排班、考勤与请假 Staff files, rosters, attendance and leave',
  '通知 notices': '给申请人的通知与模板 Notices to applicants and their templates',
  '投诉举报 complaints': '投诉与举报 Complaints and reports',
  '异议 objections': '对办理结果的异议 Objections to a decision',
  '统计 stats': '统计分析 Statistics for the director',
  '工作报告 reports': '工作报告与上级任务 Periodic reports and tasks from superiors',
  '考核 assessment': '考核评分 Assessment scorecards',
  '工作台 workbench': '按角色的工作台 The workbench per role',
  '材料扫描件 scans': '材料扫描件 Scanned materials',
  '网上预审 online pre-review': '网上预审 Online pre-review of applications',
};

/** The document's fixed parts: what the API is, where it is served, how callers sign in, and its tags. */
export const openapiBase: Partial<OpenAPIV3.Document> = {
  info: {
    title: 'OneWindow 一窗通办业务管理系统 API',
    version: '0.1.0',
    description:
      '政务服务大厅一窗通办的接口：收件受理、办件、叫号、好差评等。错误一律以 `{code, message, field?}` 回答。\n\n' +
      'The API of a one-window service hall: reception, cases, the queue, ratings and more. Every error answers ' +
      '`{code, message, field?}`; writes accept an `Idempotency-Key` header.',
    // package.json is private and no licence text is published: the name says so, there is nothing to link to.
    license: { name: 'Proprietary 专有软件（未公开授权）' },
  },
  servers: [{ url: '/' }],
  tags: Object.entries(tagDescriptions).map(([name, description]) => ({ name, description })),
  components: {
    securitySchemes: {
      session: { type: 'apiKey', in: 'cookie', name: 'ow_session', description: '登录会话 The sign-in session cookie' },
      apiKey: {
        type: 'http',
        scheme: 'bearer',
        description: '机器接口密钥 A machine API key: `Authorization: Bearer owk_…`',
      },
    },
  },
};
