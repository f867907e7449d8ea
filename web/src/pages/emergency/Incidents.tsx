import { Button, Card, Col, Form, Input, List, Row, Select, Space, Tag, Typography } from 'antd';
import { useCan, useMe } from '../../api/auth';
import { type Incident, useIncidents } from '../../api/emergency';
import { useT } from '../../i18n';
import { kindOptions, time, useSend } from './common';

/** 应急事件: opening an incident, and on each incident's card its actions, the review and the closing. */
export function Incidents() {
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
