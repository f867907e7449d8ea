import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useMe } from '../../api/auth';
import { useWindows } from '../../api/org';
import {
  type CategoryInput,
  type HallQueueSettings,
  type Priority,
  type QueueCategory,
  useHallQueueSettings,
  useQueueCategories,
  useQueueSetup,
} from '../../api/queue';
import { HallSelect } from '../../components/HallSelect';
import { useNotifyError } from '../../components/useNotifyError';
import { DaySummaryCard } from './DaySummaryCard';
import { type MessageKey, useT } from '../../i18n';

const PRIORITIES: Priority[] = ['green', 'elderly', 'disabled', 'appointment', 'normal'];

/** Keeping the hall floor: queue categories and the windows serving them, priority weights and limits. */
export function SetupPage() {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const { data: me } = useMe();
  const [hallId, setHallId] = useState<string | undefined>(me?.halls[0]?.id);
  useEffect(() => {
    if (!hallId && me?.halls[0]) setHallId(me.halls[0].id);
  }, [hallId, me]);
  const categories = useQueueCategories(hallId);
  // The organisation's window list: readable by everyone who keeps the floor, including system administrators.
  const windows = useWindows(hallId);
  const settings = useHallQueueSettings(hallId);
  const { saveCategory, saveSettings } = useQueueSetup();
  const [editing, setEditing] = useState<QueueCategory | 'new' | null>(null);
  const [form] = Form.useForm<CategoryInput>();
  // The notices are edited as one text, a notice per line.
  const [settingsForm] = Form.useForm<HallQueueSettings & { noticesText?: string }>();
  useEffect(() => {
    if (settings.data)
      settingsForm.setFieldsValue({ ...settings.data, noticesText: settings.data.displayNotices.join('\n') });
  }, [settings.data, settingsForm]);
  const windowName = new Map((windows.data?.items ?? []).map((w) => [w.id, `${w.number}`]));

  const openEditor = (c: QueueCategory | 'new') => {
    setEditing(c);
    form.setFieldsValue(
      c === 'new'
        ? {
            prefix: '',
            name: '',
            description: '',
            windowIds: [],
            defaultServiceMinutes: 10,
            sortOrder: 0,
            active: true,
          }
        : c,
    );
  };
  const save = async () => {
    if (!hallId || !editing) return;
    const input = await form.validateFields();
    try {
      await saveCategory.mutateAsync({ id: editing === 'new' ? undefined : editing.id, hallId, input });
      setEditing(null);
      message.success(t('common.saved'));
    } catch (e) {
      notify(e);
    }
  };
  const saveFloor = async () => {
    if (!hallId) return;
    try {
      const { noticesText, ...v } = await settingsForm.validateFields();
      const displayNotices = noticeLines(noticesText);
      await saveSettings.mutateAsync({ hallId, settings: { ...v, displayNotices } });
      message.success(t('common.saved'));
    } catch (e) {
      notify(e);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <DaySummaryCard hallId={hallId} />
      <Card
        title={t('setup.categories')}
        extra={
          <Space>
            <HallSelect aria-label={t('common.hall')} style={{ width: 240 }} value={hallId} onChange={setHallId} />
            <Button type="primary" onClick={() => openEditor('new')}>
              {t('common.create')}
            </Button>
          </Space>
        }
      >
        <Table<QueueCategory>
          rowKey="id"
          pagination={false}
          loading={categories.isFetching}
          dataSource={categories.data?.items}
          columns={[
            { title: t('setup.prefix'), dataIndex: 'prefix' },
            { title: t('setup.name'), dataIndex: 'name' },
            {
              title: t('setup.windows'),
              render: (_, c) => c.windowIds.map((id) => <Tag key={id}>{windowName.get(id) ?? id}</Tag>),
            },
            { title: t('setup.minutes'), dataIndex: 'defaultServiceMinutes' },
            { title: t('common.status'), render: (_, c) => (c.active ? t('common.yes') : t('common.no')) },
            {
              title: t('common.actions'),
              render: (_, c) => (
                <Button type="link" onClick={() => openEditor(c)}>
                  {t('common.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card
        title={t('setup.floor')}
        extra={
          <Button type="primary" onClick={saveFloor} loading={saveSettings.isPending}>
            {t('common.save')}
          </Button>
        }
      >
        <Form form={settingsForm} layout="inline">
          <Form.Item name="recallLimit" label={t('setup.recallLimit')} rules={[{ required: true }]}>
            <InputNumber min={0} max={10} />
          </Form.Item>
          <Form.Item name="appointmentEarlyMinutes" label={t('setup.appointmentEarly')} rules={[{ required: true }]}>
            <InputNumber min={0} max={240} />
          </Form.Item>
          <Form.Item name="ratingWindowMinutes" label={t('setup.ratingWindow')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1440} />
          </Form.Item>
          <Form.Item name="kioskIdleSeconds" label={t('setup.kioskIdle')} rules={[{ required: true }]}>
            <InputNumber min={15} max={600} />
          </Form.Item>
          {PRIORITIES.map((p) => (
            <Form.Item
              key={p}
              name={['priorityWeights', p]}
              label={`${t('setup.weight')}·${t(`priority.${p}` as MessageKey)}`}
              rules={[{ required: true }]}
            >
              <InputNumber min={0} max={10000} />
            </Form.Item>
          ))}
          <Form.Item
            name="noticesText"
            label={t('setup.displayNotices')}
            style={{ width: '100%', marginTop: 12 }}
            rules={[
              {
                validator: async (_, v?: string) => {
                  const lines = noticeLines(v);
                  if (lines.length > 6 || lines.some((n) => n.length > 120)) throw new Error(t('setup.noticesLimit'));
                },
              },
            ]}
          >
            <Input.TextArea rows={3} style={{ minWidth: 640 }} placeholder={t('setup.displayNotices')} />
          </Form.Item>
        </Form>
      </Card>
      <Modal
        open={!!editing}
        title={t('setup.categories')}
        onOk={save}
        confirmLoading={saveCategory.isPending}
        onCancel={() => setEditing(null)}
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item name="prefix" label={t('setup.prefix')} rules={[{ required: true, pattern: /^[A-Z]$/ }]}>
            <Input maxLength={1} />
          </Form.Item>
          <Form.Item name="name" label={t('setup.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="description" label={t('setup.description')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="windowIds" label={t('setup.windows')}>
            <Select
              mode="multiple"
              options={(windows.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.number} ${w.name}` }))}
            />
          </Form.Item>
          <Form.Item name="defaultServiceMinutes" label={t('setup.minutes')} rules={[{ required: true }]}>
            <InputNumber min={1} max={240} />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('setup.sortOrder')}>
            <InputNumber min={0} max={999} />
          </Form.Item>
          <Form.Item name="active" label={t('setup.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** The notices of the text box: a notice per line, blank lines left out. */
const noticeLines = (text?: string) =>
  (text ?? '')
    .split('\n')
    .map((n) => n.trim())
    .filter(Boolean);
