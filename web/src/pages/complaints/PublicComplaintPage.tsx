import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  Radio,
  Result,
  Segmented,
  Select,
  Space,
} from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  complaintCategories,
  lookupComplaint,
  objectPublicComplaint,
  type PublicComplaintStatus,
  publicReplyUrl,
  ratePublicComplaint,
  type Satisfaction,
  satisfactionLevels,
  submitPublicComplaint,
} from '../../api/complaints';
import { applyFieldError } from '../../api/formErrors';
import { usePublicHalls } from '../../api/publicGuide';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';

interface FormValues {
  hallId: string;
  kind: 'complaint' | 'report';
  category: (typeof complaintCategories)[number];
  anonymous?: boolean;
  name?: string;
  phone?: string;
  matter: string;
  caseNo?: string;
}

/** 网上投诉举报: the public form and the lookup by number and code, with the reply, the rating and an objection. */
export function PublicComplaintPage() {
  const t = useT();
  const [params] = useSearchParams();
  const [tab, setTab] = useState<'new' | 'lookup'>(params.get('number') ? 'lookup' : 'new');
  return (
    <Card title={t('cp.public.title')} style={{ maxWidth: 720, margin: '0 auto' }}>
      <Segmented
        block
        value={tab}
        onChange={(v) => setTab(v as 'new' | 'lookup')}
        options={[
          { value: 'new', label: t('cp.register') },
          { value: 'lookup', label: t('cp.public.lookup') },
        ]}
        style={{ marginBottom: 16 }}
      />
      {tab === 'new' ? <NewComplaint /> : <Lookup />}
    </Card>
  );
}

function NewComplaint() {
  const t = useT();
  const halls = usePublicHalls();
  const notify = useNotifyError();
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form);
  const anonymous = Form.useWatch('anonymous', form);
  const [receipt, setReceipt] = useState<{ number: string; lookupCode: string; dueDay: string } | null>(null);
  const [sending, setSending] = useState(false);
  const [params] = useSearchParams();
  useEffect(() => {
    const list = halls.data?.items ?? [];
    if (!list.length || form.getFieldValue('hallId')) return;
    // The hall named in the address, or the one chosen in the guide, else the first.
    const wanted = [params.get('hallId'), localStorage.getItem('ow.guide.hall')].find((id) =>
      list.some((h) => h.id === id),
    );
    form.setFieldValue('hallId', wanted ?? list[0]?.id);
  }, [halls.data, form, params]);
  const onFinish = async (v: FormValues) => {
    setSending(true);
    try {
      const anon = v.kind === 'report' && !!v.anonymous;
      setReceipt(
        await submitPublicComplaint({
          ...v,
          anonymous: anon,
          ...(anon ? { name: undefined, phone: undefined } : {}),
          caseNo: v.caseNo || undefined,
        }),
      );
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    } finally {
      setSending(false);
    }
  };
  if (receipt)
    return (
      <Result
        status="success"
        title={t('cp.public.done')}
        subTitle={
          <div data-testid="complaint-receipt" style={{ fontSize: 16 }}>
            {t('cp.public.keep', { number: receipt.number, code: receipt.lookupCode, due: receipt.dueDay })}
          </div>
        }
      />
    );
  return (
    <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ kind: 'complaint', category: 'attitude' }}>
      <Form.Item
        name="hallId"
        label={t('cp.hall')}
        rules={[{ required: true }]}
        hidden={(halls.data?.items.length ?? 0) < 2}
      >
        <Select options={halls.data?.items.map((h) => ({ value: h.id, label: h.name }))} />
      </Form.Item>
      <Form.Item name="kind" label={t('cp.kind')}>
        <Radio.Group
          options={(['complaint', 'report'] as const).map((k) => ({
            value: k,
            label: t(`cp.kind.${k}` as MessageKey),
          }))}
        />
      </Form.Item>
      <Form.Item name="category" label={t('cp.category')}>
        <Select options={complaintCategories.map((c) => ({ value: c, label: t(`cp.category.${c}` as MessageKey) }))} />
      </Form.Item>
      {kind === 'report' && (
        <Form.Item name="anonymous" valuePropName="checked" extra={t('cp.public.anonHint')}>
          <Checkbox>{t('cp.anonymous')}</Checkbox>
        </Form.Item>
      )}
      {!(kind === 'report' && anonymous) && (
        <>
          <Form.Item name="name" label={t('cp.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={40} autoComplete="name" />
          </Form.Item>
          <Form.Item name="phone" label={t('cp.phone')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={20} inputMode="tel" autoComplete="tel" />
          </Form.Item>
        </>
      )}
      <Form.Item name="matter" label={t('cp.matter')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={4} maxLength={2000} />
      </Form.Item>
      <Form.Item name="caseNo" label={t('cp.caseNo')}>
        <Input maxLength={40} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={sending}>
        {t('cp.public.submit')}
      </Button>
    </Form>
  );
}

function Lookup() {
  const t = useT();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const notify = useNotifyError();
  const [form] = Form.useForm<{ number: string; code: string }>();
  const [key, setKey] = useState<{ number: string; code: string } | null>(null);
  const [status, setStatus] = useState<PublicComplaintStatus | null>(null);
  const [notFound, setNotFound] = useState(false);
  const [sat, setSat] = useState<Satisfaction>('satisfied');
  const [reason, setReason] = useState('');
  const find = async (v: { number: string; code: string }) => {
    setNotFound(false);
    try {
      setStatus(await lookupComplaint(v.number, v.code));
      setKey(v);
    } catch (e) {
      setStatus(null);
      if ((e as { status?: number }).status === 404) setNotFound(true);
      else notify(e);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: the address is read once, on arrival
  useEffect(() => {
    const number = params.get('number');
    const code = params.get('code');
    if (number && code) {
      form.setFieldsValue({ number, code });
      void find({ number, code });
    }
  }, []);
  const rate = async () => {
    if (!key) return;
    try {
      setStatus(await ratePublicComplaint(key.number, key.code, sat));
      message.success(t('cp.public.thanks'));
    } catch (e) {
      notify(e);
    }
  };
  const object = async () => {
    if (!key || !reason.trim()) return;
    try {
      setStatus(await objectPublicComplaint(key.number, key.code, reason.trim()));
      setReason('');
      message.success(t('cp.public.objected'));
    } catch (e) {
      notify(e);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form form={form} layout="vertical" onFinish={find}>
        <Form.Item name="number" label={t('cp.number')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="code" label={t('cp.public.lookupCode')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Button htmlType="submit" block>
          {t('cp.public.find')}
        </Button>
      </Form>
      {notFound && <Alert type="warning" showIcon message={t('cp.public.notFound')} />}
      {status && key && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('cp.number')}>{status.number}</Descriptions.Item>
            <Descriptions.Item label={t('cp.state')}>{status.stateLabel}</Descriptions.Item>
            <Descriptions.Item label={t('cp.received')}>{status.receivedDay}</Descriptions.Item>
            <Descriptions.Item label={t('cp.due')}>{status.dueDay}</Descriptions.Item>
            {status.reply && <Descriptions.Item label={t('cp.replyText')}>{status.reply}</Descriptions.Item>}
            {status.rectification && (
              <Descriptions.Item label={t('cp.rectification')}>{status.rectification}</Descriptions.Item>
            )}
            {status.satisfaction && (
              <Descriptions.Item label={t('cp.satisfaction')}>
                {t(`cp.sat.${status.satisfaction}` as MessageKey)}
              </Descriptions.Item>
            )}
          </Descriptions>
          {status.reply && (
            <Button href={publicReplyUrl(key.number, key.code)} target="_blank" block>
              {t('cp.replyPdf')}
            </Button>
          )}
          {status.mayRate && (
            <Card size="small" title={t('cp.public.rateTitle')}>
              <Radio.Group
                value={sat}
                onChange={(e) => setSat(e.target.value)}
                options={satisfactionLevels.map((s) => ({ value: s, label: t(`cp.sat.${s}` as MessageKey) }))}
              />
              <Button type="primary" block style={{ marginTop: 12 }} onClick={rate}>
                {t('cp.rate')}
              </Button>
            </Card>
          )}
          {status.mayObject && (
            <Card size="small" title={t('cp.public.object')}>
              <Input.TextArea
                rows={2}
                value={reason}
                maxLength={1000}
                aria-label={t('cp.reopenReason')}
                onChange={(e) => setReason(e.target.value)}
              />
              <Button block style={{ marginTop: 8 }} disabled={!reason.trim()} onClick={object}>
                {t('cp.public.objectSubmit')}
              </Button>
            </Card>
          )}
        </>
      )}
    </Space>
  );
}
