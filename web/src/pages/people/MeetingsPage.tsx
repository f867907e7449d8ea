import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyFieldError } from '../../api/formErrors';
import { type Meeting, type MeetingTask, useMeetings, useRecordMeeting } from '../../api/people';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';
import { dayText, useHallChoice, useOpenRows, useStaffOptions } from './common';
import { chinaToday } from '../../lib/china-day';

export const lightColor = { overdue: 'red', due_today: 'gold', open: 'blue', done: 'green' } as const;

/** 例会: meetings with attendees, minutes and follow-up tasks due in working days on the hall calendar. */
export function MeetingsPage() {
  const t = useT();
  const { hallId, picker } = useHallChoice();
  const [page, setPage] = useState(1);
  const list = useMeetings(hallId, page);
  const openRows = useOpenRows((list.data?.items ?? []).map((m) => m.id));
  const [creating, setCreating] = useState(false);
  if (list.error && !list.data) return <QueryError error={list.error} onRetry={() => list.refetch()} />;
  return (
    <Card
      title={t('mt.title')}
      extra={
        <Space>
          {picker}
          <Button type="primary" onClick={() => setCreating(true)} disabled={!hallId}>
            {t('mt.new')}
          </Button>
        </Space>
      }
    >
      <Table<Meeting>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage }}
        expandable={{ ...openRows, expandedRowRender: (m) => <MeetingDetail meeting={m} /> }}
        columns={[
          { title: t('mt.heldOn'), dataIndex: 'heldOn', width: 120 },
          { title: t('mt.name'), dataIndex: 'title', ellipsis: true },
          {
            title: t('mt.attendees'),
            ellipsis: true,
            render: (_, m) => m.attendees.map((a) => a.name).join('、'),
          },
          { title: t('mt.tasks'), width: 100, render: (_, m) => m.tasks.length },
          { title: t('mt.recordedBy'), dataIndex: 'createdByName', width: 100 },
        ]}
      />
      {creating && hallId && <MeetingModal hallId={hallId} onClose={() => setCreating(false)} />}
    </Card>
  );
}

function MeetingDetail({ meeting }: { meeting: Meeting }) {
  const t = useT();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'minutes',
            label: t('mt.minutes'),
            children: (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {meeting.minutes}
              </Typography.Paragraph>
            ),
          },
        ]}
      />
      <TasksTable tasks={meeting.tasks} />
    </Space>
  );
}

export function TasksTable({ tasks, action }: { tasks: MeetingTask[]; action?: (t: MeetingTask) => React.ReactNode }) {
  const t = useT();
  return (
    <Table<MeetingTask>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={tasks}
      locale={{ emptyText: t('mt.noTasks') }}
      columns={[
        { title: t('mt.content'), dataIndex: 'content', ellipsis: true },
        { title: t('mt.owner'), dataIndex: 'ownerName', width: 100 },
        { title: t('mt.workingDays'), dataIndex: 'workingDays', width: 130 },
        {
          title: t('mt.due'),
          width: 170,
          render: (_, task) => (
            <Tag color={lightColor[task.light]} data-testid={`due-${task.id}`}>
              {task.dueDay}
              {task.light === 'overdue'
                ? ` ${t('my.overdue')}`
                : task.light === 'due_today'
                  ? ` ${t('my.dueToday')}`
                  : ''}
              {task.status === 'done' ? ` ${t('tr.status.done')}` : ''}
            </Tag>
          ),
        },
        ...(action
          ? [{ title: t('pp.actions'), width: 100, render: (_: unknown, task: MeetingTask) => action(task) }]
          : []),
      ]}
    />
  );
}

interface MeetingForm {
  title: string;
  heldOn: Dayjs;
  attendeeIds: string[];
  minutes: string;
  tasks: { ownerId: string; content: string; workingDays: number }[];
}

function MeetingModal({ hallId, onClose }: { hallId: string; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const create = useRecordMeeting();
  const staff = useStaffOptions(hallId);
  const [form] = Form.useForm<MeetingForm>();
  const save = async () => {
    const v = await form.validateFields();
    try {
      await create.mutateAsync({ ...v, hallId, heldOn: dayText(v.heldOn), tasks: v.tasks ?? [] });
      message.success(t('mt.recorded'));
      onClose();
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  return (
    <Modal open width={760} title={t('mt.new')} onOk={save} confirmLoading={create.isPending} onCancel={onClose}>
      <Form<MeetingForm> form={form} layout="vertical" initialValues={{ heldOn: chinaToday(), tasks: [] }}>
        <Space size={16} style={{ width: '100%' }}>
          <Form.Item name="title" label={t('mt.name')} rules={[{ required: true, whitespace: true }]}>
            <Input style={{ width: 420 }} maxLength={100} />
          </Form.Item>
          <Form.Item name="heldOn" label={t('mt.heldOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="attendeeIds" label={t('mt.attendees')} rules={[{ required: true }]}>
          <Select mode="multiple" optionFilterProp="label" options={staff} />
        </Form.Item>
        <Form.Item name="minutes" label={t('mt.minutes')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={5} maxLength={10000} />
        </Form.Item>
        <Form.List name="tasks">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((f) => (
                <Space key={f.key} align="start">
                  <Form.Item name={[f.name, 'content']} rules={[{ required: true, whitespace: true }]}>
                    <Input style={{ width: 300 }} placeholder={t('mt.content')} aria-label={t('mt.content')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'ownerId']} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 150 }}
                      showSearch
                      optionFilterProp="label"
                      placeholder={t('mt.owner')}
                      aria-label={t('mt.owner')}
                      options={staff}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'workingDays']} rules={[{ required: true }]}>
                    <InputNumber
                      min={0}
                      max={60}
                      placeholder={t('mt.workingDays')}
                      aria-label={t('mt.workingDays')}
                      style={{ width: 150 }}
                    />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>−</Button>
                </Space>
              ))}
              <Button onClick={() => add({ workingDays: 3 })}>{t('mt.addTask')}</Button>
            </Space>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
