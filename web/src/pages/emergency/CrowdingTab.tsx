import { Button, Checkbox, Form, Input, InputNumber, Space, Tag } from 'antd';
import { useCan, useMe } from '../../api/auth';
import { useCrowding } from '../../api/emergency';
import { useT } from '../../i18n';
import { useSend } from './common';

/** 客流拥挤报警: the floor's state now, and the thresholds and on-screen notice that raise the alarm. */
export function CrowdingTab() {
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
