import { Button, Card, Col, Form, Input, List, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useCan, useMe } from '../../api/auth';
import { type Plan, usePlans } from '../../api/emergency';
import { useT } from '../../i18n';
import { kindOptions, time, useSend } from './common';

/** 应急预案: the hall's contingency plans, each with its organisation, response steps, measures and recovery. */
export function Plans() {
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
