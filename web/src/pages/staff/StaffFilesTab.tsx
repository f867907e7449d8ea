import {
  App,
  Avatar,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { applyFieldError } from '../../api/formErrors';
import { useWindows } from '../../api/org';
import type { TrainingStatus } from '../../api/people';
import {
  type AbPair,
  type StaffFile,
  useAddPair,
  useColleagues,
  usePairs,
  useRemovePair,
  useSaveProfile,
  useStaffFiles,
} from '../../api/staff';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';
import { StatusTag } from './StaffPage';

/** 培训情况: the three required trainings passed (green) or not (red), hours this year and certificates. */
function TrainingCell({ status }: { status: TrainingStatus }) {
  const t = useT();
  const passed: [MessageKey, boolean][] = [
    ['st.trainingPrePost', status.prePostPassed],
    ['st.trainingConfidentiality', status.confidentialityPassed],
    ['st.trainingSystemUse', status.systemUsePassed],
  ];
  if (!passed.some(([, ok]) => ok) && status.hoursThisYear === 0 && status.certificates.length === 0)
    return <>{t('st.trainingNone')}</>;
  return (
    <Space size={[0, 4]} wrap>
      {passed.map(([key, ok]) => (
        <Tag key={key} color={ok ? 'green' : 'red'}>
          {t(key)}
          {ok ? ' ✓' : ' ✗'}
        </Tag>
      ))}
      <Tag>{t('st.trainingHours', { hours: status.hoursThisYear })}</Tag>
      {status.certificates.length > 0 && (
        <Tooltip title={status.certificates.map((c) => `${c.no}${c.planTitle ? ` ${c.planTitle}` : ''}`).join('、')}>
          <Tag color="blue">{t('st.trainingCertificates', { count: status.certificates.length })}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}

/** 人员档案: one row per person, with the file's fields and who acts for them now. */
export function StaffFilesTab({ hallId }: { hallId: string }) {
  const t = useT();
  const files = useStaffFiles(hallId);
  const windows = useWindows(hallId);
  const [editing, setEditing] = useState<StaffFile | null>(null);
  const windowName = (id: string) => {
    const w = windows.data?.items.find((x) => x.id === id);
    return w ? `${w.number}号` : id;
  };
  if (files.error) return <QueryError error={files.error} />;
  return (
    <>
      <Table<StaffFile>
        size="small"
        rowKey="userId"
        loading={files.isLoading}
        dataSource={files.data?.items ?? []}
        tableLayout="fixed"
        pagination={{ pageSize: 12, showSizeChanger: false }}
        columns={[
          {
            title: t('st.photo'),
            width: 50,
            render: (_, p) => <Avatar src={p.photo ?? undefined}>{p.photo ? null : p.name.slice(-2)}</Avatar>,
          },
          { title: t('st.staffNo'), dataIndex: 'staffNo', width: 72 },
          { title: t('st.name'), dataIndex: 'name', width: 72 },
          {
            title: t('st.posts'),
            width: 110,
            render: (_, p) => p.posts.map((x) => t(`role.${x}` as MessageKey)).join('、'),
            ellipsis: true,
          },
          {
            title: t('st.windows'),
            width: 70,
            ellipsis: true,
            render: (_, p) => p.windowIds.map(windowName).join('、') || '—',
          },
          {
            title: t('st.authority'),
            width: 90,
            render: (_, p) => (p.authorityLevel ? t(`authority.${p.authorityLevel}` as MessageKey) : '—'),
          },
          { title: t('st.phone'), dataIndex: 'phone', width: 110 },
          { title: t('st.entryDate'), dataIndex: 'entryDate', width: 96 },
          {
            title: t('st.confidentiality'),
            width: 130,
            render: (_, p) =>
              p.confidentialitySignedAt ? (
                <Tag color="green">
                  {t('st.signedOn', { day: dayjs(p.confidentialitySignedAt).format('YYYY-MM-DD') })}
                </Tag>
              ) : (
                <Tag color="red">{t('st.unsigned')}</Tag>
              ),
          },
          {
            title: t('st.training'),
            width: 160,
            render: (_, p) => <TrainingCell status={p.trainingStatus} />,
          },
          {
            title: t('st.status'),
            width: 108,
            ellipsis: true,
            render: (_, p) => <StatusTag away={p.away} actingName={p.actingName} />,
          },
          {
            title: t('st.actions'),
            width: 90,
            render: (_, p) => (
              <Button size="small" onClick={() => setEditing(p)}>
                {t('st.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <ProfileModal
          hallId={hallId}
          file={editing}
          windowOptions={(windows.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.number}号 ${w.name}` }))}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

function ProfileModal(props: {
  hallId: string;
  file: StaffFile;
  windowOptions: { value: string; label: string }[];
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const save = useSaveProfile();
  const [form] = Form.useForm();
  const f = props.file;
  return (
    <Modal
      open
      title={`${t('st.edit')} · ${f.name}`}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          staffNo: f.staffNo ?? '',
          windowIds: f.windowIds,
          entryDate: f.entryDate ? dayjs(f.entryDate) : null,
          confidentialitySigned: !!f.confidentialitySignedAt,
        }}
        onFinish={(v) =>
          save.mutate(
            {
              hallId: props.hallId,
              userId: f.userId,
              staffNo: v.staffNo,
              windowIds: v.windowIds ?? [],
              entryDate: v.entryDate ? v.entryDate.format('YYYY-MM-DD') : null,
              confidentialitySigned: !!v.confidentialitySigned,
            },
            {
              onSuccess: () => {
                message.success(t('st.saved'));
                props.onClose();
              },
              onError: (e) => applyFieldError(form, e) || notify(e),
            },
          )
        }
      >
        <Form.Item name="staffNo" label={t('st.staffNo')} rules={[{ required: true, message: t('st.required') }]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="windowIds" label={t('st.windows')}>
          <Select mode="multiple" options={props.windowOptions} />
        </Form.Item>
        <Form.Item name="entryDate" label={t('st.entryDate')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="confidentialitySigned" valuePropName="checked">
          <Checkbox>{t('st.confidentialitySigned')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** AB岗: who stands in for whom; the supervisor adds post, window and dated stand-in pairs. */
export function PairsTab({ hallId, manage }: { hallId: string; manage: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const pairs = usePairs(hallId);
  const people = useColleagues(hallId);
  const add = useAddPair();
  const remove = useRemovePair();
  const [form] = Form.useForm();
  const options = (people.data?.items ?? []).map((p) => ({ value: p.userId, label: p.name }));
  if (pairs.error) return <QueryError error={pairs.error} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {manage && (
        <Form
          form={form}
          layout="inline"
          initialValues={{ kind: 'post', subject: 'handler' }}
          onFinish={(v) =>
            add.mutate(
              {
                hallId,
                kind: v.kind,
                subject: v.subject,
                aUserId: v.aUserId,
                bUserId: v.bUserId,
                fromDay: v.period?.[0]?.format('YYYY-MM-DD') ?? null,
                toDay: v.period?.[1]?.format('YYYY-MM-DD') ?? null,
              },
              {
                onSuccess: () => message.success(t('st.pairAdded')),
                onError: (e) => applyFieldError(form, e) || notify(e),
              },
            )
          }
        >
          <Form.Item name="kind" label={t('st.pairKind')}>
            <Select
              style={{ width: 110 }}
              options={(['post', 'window', 'stand_in'] as const).map((k) => ({
                value: k,
                label: t(`st.pairKind.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="subject" label={t('st.subject')} rules={[{ required: true, message: t('st.required') }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="aUserId" label={t('st.aPerson')} rules={[{ required: true, message: t('st.required') }]}>
            <Select style={{ width: 120 }} options={options} showSearch optionFilterProp="label" />
          </Form.Item>
          <Form.Item name="bUserId" label={t('st.bPerson')} rules={[{ required: true, message: t('st.required') }]}>
            <Select style={{ width: 120 }} options={options} showSearch optionFilterProp="label" />
          </Form.Item>
          <Form.Item name="period" label={t('st.period')}>
            <DatePicker.RangePicker style={{ width: 240 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t('st.addPair')}
          </Button>
        </Form>
      )}
      <Table<AbPair>
        size="small"
        rowKey="id"
        loading={pairs.isLoading}
        dataSource={pairs.data?.items ?? []}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        columns={[
          { title: t('st.pairKind'), width: 100, render: (_, p) => t(`st.pairKind.${p.kind}`) },
          {
            title: t('st.subject'),
            width: 140,
            render: (_, p) => (p.kind === 'post' ? t(`role.${p.subject}` as MessageKey) : p.subject),
            ellipsis: true,
          },
          { title: t('st.aPerson'), dataIndex: 'aName', width: 120 },
          { title: t('st.bPerson'), dataIndex: 'bName', width: 120 },
          { title: t('st.period'), width: 200, render: (_, p) => (p.fromDay ? `${p.fromDay} ~ ${p.toDay}` : '—') },
          ...(manage
            ? [
                {
                  title: t('st.actions'),
                  width: 80,
                  render: (_: unknown, p: AbPair) => (
                    <Button
                      size="small"
                      danger
                      onClick={() =>
                        remove.mutate(p.id, { onSuccess: () => message.success(t('st.removed')), onError: notify })
                      }
                    >
                      {t('st.remove')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}
