import {
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Segmented,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Timeline,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  type HandedDownTask,
  useCreateTask,
  useHandedDownTasks,
  useTaskNote,
  useTaskOwners,
  useUpdateTask,
} from '../../api/reports';
import { useModalSubmit } from './useModalSubmit';
import { type Translate, useT } from '../../i18n';
import { chinaToday } from '../../lib/china-day';
import './reports.css';
import { formatTime } from '../../components/format';

const statusTag = (t: Translate, task: HandedDownTask) =>
  task.status === 'done' ? (
    <Tag color="green">{t('rep.task.done', { day: task.completedDay ?? '' })}</Tag>
  ) : task.overdue ? (
    <Tag color="red">{t('rep.task.overdue')}</Tag>
  ) : (
    <Tag color="blue">{t('rep.task.open')}</Tag>
  );

/**
 * 上级交办事项: a manager keeps the hall's tasks (register, adjust) and may narrow to their own; anyone else sees
 * their own. The owner reports progress and completes; an overdue one is red.
 */
export function TasksTab({ hallId, manager }: { hallId: string | undefined; manager: boolean }) {
  const t = useT();
  // ?filter=overdue: the workbench's 已逾期交办事项 tile opens the overdue ones.
  const [params] = useSearchParams();
  const [filter, setFilter] = useState<'open' | 'overdue' | 'done' | 'all'>(() =>
    params.get('filter') === 'overdue' ? 'overdue' : 'open',
  );
  const [mine, setMine] = useState(!manager);
  const list = useHandedDownTasks({
    hallId,
    mine,
    status: filter === 'open' || filter === 'done' ? filter : undefined,
    overdue: filter === 'overdue',
  });
  const [creating, setCreating] = useState(false);
  const [noting, setNoting] = useState<{ task: HandedDownTask; action: 'progress' | 'complete' }>();
  const [adjusting, setAdjusting] = useState<HandedDownTask>();
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Segmented
          value={filter}
          onChange={(v) => setFilter(v as typeof filter)}
          options={(['open', 'overdue', 'done', 'all'] as const).map((k) => ({
            value: k,
            label: t(`rep.task.filter.${k}`),
          }))}
        />
        {manager && (
          <Space>
            <Switch checked={mine} onChange={setMine} aria-label={t('rep.task.mine')} />
            {t('rep.task.mine')}
          </Space>
        )}
        {manager && (
          <Button type="primary" disabled={!hallId} onClick={() => setCreating(true)}>
            {t('rep.task.new')}
          </Button>
        )}
      </Space>
      <Table<HandedDownTask>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: t('rep.task.empty') }}
        rowClassName={(r) => (r.overdue ? 'ow-row-overdue' : '')}
        expandable={{
          expandedRowRender: (r) => (
            <Timeline
              items={r.events.map((e) => ({
                content: `${formatTime(e.at)} ${e.byName} ${t(`rep.task.action.${e.action}` as 'rep.task.action.create')}：${e.note}`,
              }))}
            />
          ),
        }}
        columns={[
          { title: t('rep.task.receivedDay'), dataIndex: 'receivedDay', width: 110 },
          { title: t('rep.task.authority'), dataIndex: 'authority', width: 170 },
          { title: t('rep.task.documentNo'), dataIndex: 'documentNo', width: 160 },
          { title: t('rep.task.content'), dataIndex: 'content', ellipsis: true },
          { title: t('rep.task.owner'), dataIndex: 'ownerName', width: 90 },
          {
            title: t('rep.task.due'),
            width: 190,
            render: (_, r) => (
              <span style={r.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}>
                {r.dueDay}
                {r.dueWorkingDays ? t('rep.task.dueWorking', { n: r.dueWorkingDays }) : ''}
                {r.dueProvisional ? t('rep.task.provisional') : ''}
              </span>
            ),
          },
          { title: t('rep.task.status'), width: 140, render: (_, r) => statusTag(t, r) },
          {
            title: t('rep.task.actions'),
            width: 230,
            render: (_, r) =>
              r.status === 'open' && (
                <Space size={4}>
                  <Button size="small" onClick={() => setNoting({ task: r, action: 'progress' })}>
                    {t('rep.task.progress')}
                  </Button>
                  <Button size="small" type="primary" onClick={() => setNoting({ task: r, action: 'complete' })}>
                    {t('rep.task.complete')}
                  </Button>
                  {manager && (
                    <Button size="small" onClick={() => setAdjusting(r)}>
                      {t('rep.task.adjust')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      {creating && hallId && <CreateModal hallId={hallId} onClose={() => setCreating(false)} />}
      {noting && <NoteModal {...noting} onClose={() => setNoting(undefined)} />}
      {adjusting && <AdjustModal task={adjusting} onClose={() => setAdjusting(undefined)} />}
    </>
  );
}

interface CreateForm {
  authority: string;
  documentNo?: string;
  receivedDay: Dayjs;
  content: string;
  ownerId: string;
  dueBy: 'day' | 'workingDays';
  dueDay?: Dayjs;
  dueWorkingDays?: number;
}

function CreateModal({ hallId, onClose }: { hallId: string; onClose: () => void }) {
  const t = useT();
  const create = useCreateTask();
  const owners = useTaskOwners(hallId, true);
  const [form] = Form.useForm<CreateForm>();
  const dueBy = Form.useWatch('dueBy', form);
  const save = useModalSubmit(
    form,
    (v) =>
      create.mutateAsync({
        hallId,
        authority: v.authority,
        documentNo: v.documentNo ?? '',
        receivedDay: v.receivedDay.format('YYYY-MM-DD'),
        content: v.content,
        ownerId: v.ownerId,
        ...(v.dueBy === 'day'
          ? { dueDay: v.dueDay?.format('YYYY-MM-DD') }
          : { dueWorkingDays: v.dueWorkingDays ?? undefined }),
      }),
    (task) => t('rep.task.created', { name: task.ownerName }),
    onClose,
  );
  return (
    <Modal
      open
      width={640}
      title={t('rep.task.new.title')}
      onOk={save}
      okText={t('rep.task.new')}
      confirmLoading={create.isPending}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ receivedDay: chinaToday(), dueBy: 'workingDays', dueWorkingDays: 5 }}
      >
        <Form.Item
          name="authority"
          label={t('rep.task.authority')}
          rules={[{ required: true, whitespace: true, message: t('rep.task.authorityRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="documentNo" label={t('rep.task.documentNo')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="receivedDay"
          label={t('rep.task.receivedDay')}
          rules={[{ required: true, message: t('rep.task.receivedDayRequired') }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('rep.task.content')}
          rules={[{ required: true, whitespace: true, message: t('rep.task.contentRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="ownerId"
          label={t('rep.task.owner')}
          rules={[{ required: true, message: t('rep.task.ownerRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={owners.isFetching}
            options={(owners.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
          />
        </Form.Item>
        <Form.Item name="dueBy" label={t('rep.task.dueBy')}>
          <Radio.Group
            options={[
              { value: 'workingDays', label: t('rep.task.dueByWorkingDays') },
              { value: 'day', label: t('rep.task.dueByDay') },
            ]}
          />
        </Form.Item>
        {dueBy === 'day' ? (
          <Form.Item name="dueDay" label={t('rep.task.dueDay')}>
            <DatePicker />
          </Form.Item>
        ) : (
          <Form.Item name="dueWorkingDays" label={t('rep.task.dueWorkingDays')}>
            <InputNumber min={1} max={250} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function NoteModal({
  task,
  action,
  onClose,
}: {
  task: HandedDownTask;
  action: 'progress' | 'complete';
  onClose: () => void;
}) {
  const t = useT();
  const send = useTaskNote(action);
  const [form] = Form.useForm<{ note: string }>();
  const save = useModalSubmit(
    form,
    (v) => send.mutateAsync({ id: task.id, note: v.note }),
    (_) => t(action === 'progress' ? 'rep.task.progress.done' : 'rep.task.complete.done'),
    onClose,
  );
  return (
    <Modal
      open
      width={600}
      title={t(action === 'progress' ? 'rep.task.progress.title' : 'rep.task.complete.title', {
        content: task.content.slice(0, 30),
      })}
      onOk={save}
      okText={t(action === 'progress' ? 'rep.task.progress' : 'rep.task.complete')}
      confirmLoading={send.isPending}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="note"
          label={t('rep.task.note')}
          rules={[{ required: true, whitespace: true, message: t('rep.task.noteRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AdjustModal({ task, onClose }: { task: HandedDownTask; onClose: () => void }) {
  const t = useT();
  const update = useUpdateTask();
  const owners = useTaskOwners(task.hallId, true);
  const [form] = Form.useForm<{ ownerId: string; dueDay: Dayjs; note?: string }>();
  const save = useModalSubmit(
    form,
    (v) =>
      update.mutateAsync({
        id: task.id,
        ownerId: v.ownerId !== task.ownerId ? v.ownerId : undefined,
        dueDay: v.dueDay.format('YYYY-MM-DD') !== task.dueDay ? v.dueDay.format('YYYY-MM-DD') : undefined,
        note: v.note ?? '',
      }),
    (_) => t('rep.task.adjust.done'),
    onClose,
  );
  return (
    <Modal open title={t('rep.task.adjust.title')} onOk={save} confirmLoading={update.isPending} onCancel={onClose}>
      <Form form={form} layout="vertical" initialValues={{ ownerId: task.ownerId, dueDay: dayjs(task.dueDay) }}>
        <Form.Item name="ownerId" label={t('rep.task.owner')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(owners.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
          />
        </Form.Item>
        <Form.Item name="dueDay" label={t('rep.task.dueDay')}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="note" label={t('rep.task.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
