/**
 * 通知通道: each channel is a small adapter behind one interface. A channel that is not configured says so, and
 * its notices are kept as 未发送（未配置通道） instead of being retried.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { NoticeChannel } from '../../domain/notices/index.ts';
import type { NoticeConfig } from '../../platform/config.ts';

export interface Outgoing {
  id: string;
  /** The same on every try of one notice: the provider drops a repeat it has already sent. */
  idempotencyKey: string;
  to: string;
  subject: string;
  body: string;
  event: string;
  caseNo: string | null;
}

export interface SendAnswer {
  ok: boolean;
  /** The provider's answer (status and a short excerpt) or the error, kept on the attempt. */
  answer: string;
}

export interface Channel {
  readonly configured: boolean;
  send(m: Outgoing): Promise<SendAnswer>;
}

const short = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}…` : s);
const TIMEOUT_MS = 10_000;

async function httpAnswer(res: Response): Promise<SendAnswer> {
  const text = short(await res.text().catch(() => ''));
  return { ok: res.ok, answer: `HTTP ${res.status} ${text}`.trim() };
}

/** The generic gateway: a JSON POST signed with HMAC-SHA256 over "<timestamp>.<body>". */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function webhookSms(url: string, secret: string | null, now: () => number): Channel {
  return {
    configured: true,
    async send(m) {
      const body = JSON.stringify({
        id: m.id,
        idempotencyKey: m.idempotencyKey,
        to: m.to,
        text: m.body,
        event: m.event,
        caseNo: m.caseNo,
      });
      const timestamp = String(Math.floor(now() / 1000));
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'idempotency-key': m.idempotencyKey,
        'x-onewindow-timestamp': timestamp,
      };
      if (secret) headers['x-onewindow-signature'] = webhookSignature(secret, timestamp, body);
      const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(TIMEOUT_MS) });
      return httpAnswer(res);
    },
  };
}

/** Aliyun's percent-encoding (RFC 3986: space %20, * %2A, ~ kept). */
export const aliyunEncode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Aliyun RPC signature 1.0: HMAC-SHA1 of "GET&%2F&" + the encoded, sorted query, keyed by "<secret>&". */
export function aliyunSignature(secret: string, params: Record<string, string>, method = 'GET'): string {
  const query = Object.keys(params)
    .sort()
    .map((k) => `${aliyunEncode(k)}=${aliyunEncode(params[k]!)}`)
    .join('&');
  const toSign = `${method}&${aliyunEncode('/')}&${aliyunEncode(query)}`;
  return createHmac('sha1', `${secret}&`).update(toSign).digest('base64');
}

export function aliyunSms(cfg: NonNullable<NoticeConfig['aliyun']>, now: () => number): Channel {
  return {
    configured: true,
    async send(m) {
      const params: Record<string, string> = {
        AccessKeyId: cfg.accessKeyId,
        Action: 'SendSms',
        Format: 'JSON',
        PhoneNumbers: m.to,
        RegionId: 'cn-hangzhou',
        SignName: cfg.signName,
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: randomUUID(),
        SignatureVersion: '1.0',
        TemplateCode: cfg.templateCode,
        // The approved template at Aliyun carries one variable ${content}: the text rendered from the hall's template.
        TemplateParam: JSON.stringify({ content: m.body }),
        Timestamp: new Date(now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        Version: '2017-05-25',
        OutId: m.idempotencyKey,
      };
      const signature = aliyunSignature(cfg.accessKeySecret, params);
      const query = Object.entries({ Signature: signature, ...params })
        .map(([k, v]) => `${aliyunEncode(k)}=${aliyunEncode(v)}`)
        .join('&');
      const res = await fetch(`${cfg.endpoint.replace(/\/?$/, '/')}?${query}`, {
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const a = await httpAnswer(res);
      // Aliyun answers 200 with Code != "OK" for a refused message.
      return { ...a, ok: a.ok && /"Code"\s*:\s*"OK"/.test(a.answer) };
    },
  };
}

export function smtpEmail(url: string, from: string): Channel {
  // Loaded with the first e-mail, not at start.
  let transport: Promise<Transporter<SMTPTransport.SentMessageInfo>> | undefined;
  return {
    configured: true,
    async send(m) {
      transport ??= import('nodemailer').then((m) => m.default.createTransport(url));
      const info = await (await transport).sendMail({
        from,
        to: m.to,
        subject: m.subject,
        text: m.body,
        // One Message-ID per notice: a resent copy is recognised as the same message.
        messageId: `<${m.idempotencyKey}@onewindow>`,
        headers: { 'X-OneWindow-Idempotency-Key': m.idempotencyKey },
      });
      return { ok: info.rejected.length === 0, answer: short(String(info.response ?? 'accepted')) };
    },
  };
}

/** 站内: shown on the applicant's public case page and to staff; delivered when written. */
export const inApp: Channel = {
  configured: true,
  send: async () => ({ ok: true, answer: '已在办件公示页发布' }),
};

const notConfigured: Channel = {
  configured: false,
  send: async () => ({ ok: false, answer: '未配置通道' }),
};

export type Channels = Record<NoticeChannel, Channel>;

/** The channels this configuration gives; built once per worker pass, so a test may change the settings. */
export function channelsFrom(cfg: NoticeConfig, now: () => number): Channels {
  const sms =
    cfg.smsProvider === 'webhook' && cfg.smsWebhookUrl
      ? webhookSms(cfg.smsWebhookUrl, cfg.smsWebhookSecret, now)
      : cfg.smsProvider === 'aliyun' && cfg.aliyun
        ? aliyunSms(cfg.aliyun, now)
        : notConfigured;
  return { sms, email: cfg.smtpUrl ? smtpEmail(cfg.smtpUrl, cfg.smtpFrom) : notConfigured, inapp: inApp };
}

export function channelConfigured(cfg: NoticeConfig, channel: NoticeChannel): boolean {
  if (channel === 'inapp') return true;
  if (channel === 'email') return cfg.smtpUrl !== null;
  return cfg.smsProvider !== null;
}
