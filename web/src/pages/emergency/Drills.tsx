import { Button, DatePicker, Form, Input, List, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCan } from '../../api/auth';
import { useDrills, usePlans } from '../../api/emergency';
import { useT } from '../../i18n';
import { useSend } from './common';

/** 演练记录: the drills held on a plan, with the day, who took part and the review. */
export function Drills() {
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
