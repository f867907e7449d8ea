import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  List,
  Row,
  Select,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCan, useMe } from '../../api/auth';
import { isApiError } from '../../api/client';
import {
  type Incident,
  type Plan,
  planKindLabels,
  planKinds,
  useCrowding,
  useDrills,
  useEmergencyWrite,
  useIncidents,
  usePlans,
} from '../../api/emergency';
import { useT } from '../../i18n';

const kindOptions = planKinds.map((k) => ({ value: k, label: planKindLabels[k] }));
const time = (at: number) => new Date(at).toLocaleString('zh-CN');

/** A form that sends through the emergency API and names the refused field. */
function useSend() {
  const { message } = App.useApp();
  const t = useT();
  const write = useEmergencyWrite();
  return async (
    form: ReturnType<typeof Form.useForm>[0],
    req: { method?: 'post' | 'put'; path: string; body: unknown; keep?: boolean },
  ) => {
    try {
      await write.mutateAsync(req);
      message.success(t('em.saved'));
      // A settings form keeps what was saved; a form that adds a record empties for the next one.
      if (!req.keep) form.resetFields();
      return true;
    } catch (e) {
      if (isApiError(e) && e.field) form.setFields([{ name: e.field, errors: [e.message] }]);
      message.error((e as Error).message);
      return false;
    }
  };
}

/** 应急管理: incidents, contingency plans, drills and the crowding alarm of the hall. */
export function EmergencyPage() {
  const t = useT();
  return (
    <Card title={t('em.title')}>
      <Tabs
        items={[
          { key: 'incidents', label: t('em.incidents'), children: <Incidents /> },
          { key: 'plans', label: t('em.plans'), children: <Plans /> },
          { key: 'drills', label: t('em.drills'), children: <Drills /> },
          { key: 'crowding', label: t('em.crowding'), children: <CrowdingTab /> },
        ]}
      />
    </Card>
  );
}

function Incidents() {
  const t = useT();
  const can = useCan();
  const { data: me } = useMe();
  const [form] = Form.useForm();
  const send = useSend();
  const q = useIncidents();
  return (
    <>
      <Form
        form={form}
        layout="inline"
        onFinish={(v) =>
          void send(form, { path: '/api/emergency/incidents', body: { ...v, hallId: me?.halls[0]?.id } })
        }
        style={{ marginBottom: 16 }}
      >
        <Form.Item name="kind" label={t('em.kind')} rules={[{ required: true }]} initialValue="system_failure">
          <Select options={kindOptions} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="title" label={t('em.incidentTitle')} rules={[{ required: true, whitespace: true }]}>
          <Input style={{ width: 520 }} maxLength={200} />
        </Form.Item>
        <Button type="primary" danger htmlType="submit">
          {t('em.openIncident')}
        </Button>
      </Form>
      <List<Incident>
        loading={q.isFetching && !q.data}
        dataSource={q.data?.items}
        renderItem={(i) => <IncidentCard i={i} canClose={can('emergency.manage')} />}
      />
    </>
  );
}

function IncidentCard({ i, canClose }: { i: Incident; canClose: boolean }) {
  const t = useT();
  const [action] = Form.useForm();
  const [close] = Form.useForm();
  const send = useSend();
  return (
    <Card
      size="small"
      style={{ marginBottom: 12, width: '100%' }}
      title={
        <Space>
          <Tag color={i.status === 'open' ? 'red' : 'default'}>{t(`em.status.${i.status}`)}</Tag>
          <Tag>{i.kindLabel}</Tag>
          {i.title}
        </Space>
      }
      extra={
        <Typography.Text type="secondary">{t('em.openedBy', { by: i.openedBy, at: time(i.openedAt) })}</Typography.Text>
      }
    >
      {i.actions.map((a) => (
        <div key={a.id}>
          <Typography.Text type="secondary">
            {time(a.at)} {a.by}：
          </Typography.Text>
          {a.text}
        </div>
      ))}
      {i.review && (
        <Typography.Paragraph style={{ marginTop: 8 }}>
          <b>{t('em.review')}：</b>
          {i.review}（{i.closedBy} {i.closedAt ? time(i.closedAt) : ''}）
        </Typography.Paragraph>
      )}
      {i.status === 'open' && (
        <Row gutter={12} style={{ marginTop: 8 }}>
          <Col span={12}>
            <Form
              form={action}
              layout="inline"
              onFinish={(v) => void send(action, { path: `/api/emergency/incidents/${i.id}/actions`, body: v })}
            >
              <Form.Item name="text" rules={[{ required: true, whitespace: true }]} style={{ flex: 1 }}>
                <Input placeholder={t('em.action')} maxLength={2000} />
              </Form.Item>
              <Button htmlType="submit">{t('em.addAction')}</Button>
            </Form>
          </Col>
          {canClose && (
            <Col span={12}>
              <Form
                form={close}
                layout="inline"
                onFinish={(v) => void send(close, { path: `/api/emergency/incidents/${i.id}/close`, body: v })}
              >
                <Form.Item name="review" rules={[{ required: true, whitespace: true }]} style={{ flex: 1 }}>
                  <Input placeholder={t('em.review')} maxLength={4000} />
                </Form.Item>
                <Button htmlType="submit">{t('em.close')}</Button>
              </Form>
            </Col>
          )}
        </Row>
      )}
    </Card>
  );
}

function Plans() {
  const t = useT();
  const can = useCan();
  const { data: me } = useMe();
  const [form] = Form.useForm();
  // 'new' for a new plan, a plan while editing it, null when the form is closed.
  const [editing, setEditing] = useState<Plan | 'new' | null>(null);
  const send = useSend();
  const q = usePlans();
  const edit = (p: Plan | 'new') => {
    setEditing(p);
    form.setFieldsValue(
      p === 'new' ? { kind: undefined, title: '', organisation: '', responseSteps: '', measures: '', recovery: '' } : p,
    );
  };
  const field = (name: 'organisation' | 'responseSteps' | 'measures' | 'recovery', rows = 3) => (
    <Form.Item name={name} label={t(`em.${name}`)} rules={[{ required: true, whitespace: true }]}>
      <Input.TextArea rows={rows} />
    </Form.Item>
  );
  return (
    <>
      {can('emergency.manage') && (
        <Button type="primary" onClick={() => edit('new')} style={{ marginBottom: 12 }}>
          {t('em.newPlan')}
        </Button>
      )}
      <Card
        size="small"
        style={{ marginBottom: 16, display: editing ? undefined : 'none' }}
        title={editing && editing !== 'new' ? t('em.editPlanTitle', { title: editing.title }) : t('em.newPlan')}
        data-testid="plan-form"
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v) => {
            const req =
              editing && editing !== 'new'
                ? {
                    method: 'put' as const,
                    path: `/api/emergency/plans/${editing.id}`,
                    body: { ...v, hallId: editing.hallId },
                  }
                : { path: '/api/emergency/plans', body: { ...v, hallId: me?.halls[0]?.id } };
            if (await send(form, req)) setEditing(null);
          }}
        >
          <Row gutter={12}>
            <Col span={6}>
              <Form.Item name="kind" label={t('em.kind')} rules={[{ required: true }]}>
                <Select options={kindOptions} />
              </Form.Item>
            </Col>
            <Col span={18}>
              <Form.Item name="title" label={t('em.planTitle')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={120} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={12}>{field('organisation')}</Col>
            <Col span={12}>{field('responseSteps')}</Col>
            <Col span={12}>{field('measures')}</Col>
            <Col span={12}>{field('recovery')}</Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('em.save')}
            </Button>
            <Button onClick={() => setEditing(null)}>{t('em.cancel')}</Button>
          </Space>
        </Form>
      </Card>
      <List
        dataSource={q.data?.items}
        renderItem={(p) => (
          <Card
            size="small"
            style={{ marginBottom: 12, width: '100%' }}
            title={
              <Space>
                <Tag>{p.kindLabel}</Tag>
                {p.title}
              </Space>
            }
            extra={
              <Space>
                <Typography.Text type="secondary">
                  {t('em.updatedBy', { by: p.updatedBy, at: time(p.updatedAt) })}
                </Typography.Text>
                {can('emergency.manage') && (
                  <Button size="small" onClick={() => edit(p)}>
                    {t('em.editPlan')}
                  </Button>
                )}
              </Space>
            }
          >
            <Row gutter={16}>
              {(['organisation', 'responseSteps', 'measures', 'recovery'] as const).map((k) => (
                <Col span={6} key={k}>
                  <Typography.Text strong>{t(`em.${k}`)}</Typography.Text>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p[k]}</Typography.Paragraph>
                </Col>
              ))}
            </Row>
          </Card>
        )}
      />
    </>
  );
}

function Drills() {
  const t = useT();
  const can = useCan();
  const [form] = Form.useForm();
  const send = useSend();
  const q = useDrills();
  const plans = usePlans();
  return (
    <>
      {can('emergency.manage') && (
        <Form
          form={form}
          layout="inline"
          style={{ marginBottom: 16, rowGap: 8 }}
          onFinish={(v: { planId: string; day: Dayjs; participants: string; review: string }) =>
            void send(form, { path: '/api/emergency/drills', body: { ...v, day: v.day.format('YYYY-MM-DD') } })
          }
        >
          <Form.Item name="planId" label={t('em.plan')} rules={[{ required: true }]}>
            <Select style={{ width: 220 }} options={plans.data?.items.map((p) => ({ value: p.id, label: p.title }))} />
          </Form.Item>
          <Form.Item name="day" label={t('em.day')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="participants" label={t('em.participants')} rules={[{ required: true, whitespace: true }]}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="review" label={t('em.review')} rules={[{ required: true, whitespace: true }]}>
            <Input style={{ width: 300 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('em.newDrill')}
          </Button>
        </Form>
      )}
      <List
        dataSource={q.data?.items}
        renderItem={(d) => (
          <List.Item>
            <List.Item.Meta
              title={`${d.day} · ${d.planTitle}`}
              description={`${t('em.participants')}：${d.participants}　${t('em.review')}：${d.review}`}
            />
          </List.Item>
        )}
      />
    </>
  );
}

function CrowdingTab() {
  const t = useT();
  const can = useCan();
  const { data: me } = useMe();
  const hallId = me?.halls[0]?.id;
  const q = useCrowding(hallId);
  const [form] = Form.useForm();
  const send = useSend();
  const c = q.data;
  if (!c) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Tag color={c.over ? 'red' : 'green'} data-testid="crowding-state">
          {c.over ? t('em.over') : t('em.calm')}
        </Tag>
        <span>{t('em.now', { n: c.waiting, m: c.longestWaitMinutes })}</span>
        {c.over && c.showNotice && (
          <Tag color="orange" data-testid="crowding-on-screen">
            {t('em.noticeOnScreen')}
          </Tag>
        )}
      </Space>
      <Form
        form={form}
        layout="inline"
        disabled={!can('emergency.manage')}
        initialValues={{
          maxWaiting: c.maxWaiting || 30,
          maxWaitMinutes: c.maxWaitMinutes || 40,
          notice: c.notice,
          showNotice: c.showNotice,
        }}
        onFinish={(v) =>
          void send(form, { method: 'put', path: '/api/emergency/crowding', body: { ...v, hallId }, keep: true })
        }
      >
        <Form.Item name="maxWaiting" label={t('em.maxWaiting')} rules={[{ required: true }]}>
          <InputNumber min={1} max={10000} />
        </Form.Item>
        <Form.Item name="maxWaitMinutes" label={t('em.maxWaitMinutes')} rules={[{ required: true }]}>
          <InputNumber min={1} max={600} />
        </Form.Item>
        <Form.Item name="showNotice" valuePropName="checked">
          <Checkbox>{t('em.showNotice')}</Checkbox>
        </Form.Item>
        <Form.Item name="notice" label={t('em.notice')}>
          <Input style={{ width: 420 }} maxLength={200} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('em.save')}
        </Button>
      </Form>
    </Space>
  );
}
