import { App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useCan } from '../../api/auth';
import {
  type ArchiveFile,
  type Category,
  type FileSearch,
  useArchiveSearch,
  useFileCase,
  usePendingFiling,
  useSaveCategory,
  useScheme,
} from '../../api/archives';
import { applyFieldError } from '../../api/formErrors';
import { formatTime } from '../../components/format';
import { useHallOptions } from '../../components/HallSelect';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';
import { ArchiveFileDrawer, LevelTag } from './ArchiveFileDrawer';

/** 档案管理: search by 档号, case number, applicant, item and year; the file with its 卷内目录; filing; the scheme. */
export function ArchivesPage() {
  const t = useT();
  const can = useCan();
  const halls = useHallOptions();
  const hallId = halls.options[0]?.value;
  return (
    <Card title={t('ar.title')}>
      <Tabs
        items={[
          { key: 'search', label: t('ar.tab.search'), children: <SearchTab /> },
          ...(can('archive.manage') ? [{ key: 'pending', label: t('ar.tab.pending'), children: <PendingTab /> }] : []),
          { key: 'scheme', label: t('ar.tab.scheme'), children: hallId ? <SchemeTab hallId={hallId} /> : null },
        ]}
      />
    </Card>
  );
}

type SearchForm = { archiveNo?: string; caseNo?: string; applicant?: string; item?: string; year?: number };

function SearchTab() {
  const t = useT();
  const [form] = Form.useForm<SearchForm>();
  const [q, setQ] = useState<FileSearch>({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState<string | null>(null);
  const files = useArchiveSearch(q);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Form
        form={form}
        layout="inline"
        onFinish={(v) =>
          setQ({
            page: 1,
            pageSize: q.pageSize,
            ...Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '' && x !== null)),
          })
        }
      >
        <Form.Item name="archiveNo" label={t('ar.archiveNo')}>
          <Input allowClear style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="caseNo" label={t('ar.caseNo')}>
          <Input allowClear style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="applicant" label={t('ar.applicant')}>
          <Input allowClear style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="item" label={t('ar.item')}>
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="year" label={t('ar.year')}>
          <InputNumber min={2000} max={2200} style={{ width: 90 }} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('ar.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setQ({ page: 1, pageSize: q.pageSize });
            }}
          >
            {t('ar.reset')}
          </Button>
        </Space>
      </Form>
      {files.error && <QueryError error={files.error} onRetry={() => files.refetch()} />}
      <Table<ArchiveFile>
        size="small"
        rowKey="id"
        loading={files.isLoading}
        dataSource={files.data?.items}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: files.data?.total,
          onChange: (page, pageSize) => setQ({ ...q, page, pageSize }),
        }}
        columns={[
          { title: t('ar.archiveNo'), dataIndex: 'archiveNo', width: 200 },
          { title: t('ar.caseNo'), dataIndex: 'caseNo', width: 190, render: (v: string | null) => v ?? '—' },
          { title: t('ar.item'), dataIndex: 'itemName', ellipsis: true },
          { title: t('ar.applicant'), dataIndex: 'applicantName', width: 110, ellipsis: true },
          { title: t('ar.category'), dataIndex: 'categoryName', width: 110 },
          {
            title: t('ar.confidentiality'),
            dataIndex: 'confidentiality',
            width: 80,
            render: (_: unknown, r) => <LevelTag level={r.confidentiality} label={r.confidentialityLabel} />,
          },
          { title: t('ar.retention'), dataIndex: 'paperUntil', width: 110 },
          {
            title: t('ar.status'),
            dataIndex: 'statusLabel',
            width: 100,
            render: (v: string, r) => <Tag color={r.status === 'held' ? 'green' : 'orange'}>{v}</Tag>,
          },
          {
            title: '',
            key: 'open',
            width: 70,
            render: (_: unknown, r) => (
              <Button type="link" size="small" onClick={() => setOpen(r.id)}>
                {t('ar.open')}
              </Button>
            ),
          },
        ]}
      />
      <ArchiveFileDrawer id={open} onClose={() => setOpen(null)} />
    </Space>
  );
}

function PendingTab() {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const pending = usePendingFiling();
  const file = useFileCase();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('ar.pendingHint')}</Typography.Paragraph>
      {pending.error && <QueryError error={pending.error} onRetry={() => pending.refetch()} />}
      <Table
        size="small"
        rowKey="caseId"
        loading={pending.isLoading}
        dataSource={pending.data?.items}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('ar.caseNo'), dataIndex: 'caseNo', width: 200, render: (v: string | null) => v ?? '（未受理）' },
          { title: t('ar.item'), dataIndex: 'itemName', ellipsis: true },
          { title: t('ar.date'), dataIndex: 'receivedAt', width: 160, render: (v: number) => formatTime(v) },
          { title: t('ar.caseState'), dataIndex: 'stateLabel', width: 140 },
          {
            title: '',
            key: 'file',
            width: 120,
            render: (_: unknown, r) => (
              <Button
                size="small"
                onClick={async () => {
                  try {
                    const d = await file.mutateAsync(r.caseId);
                    message.success(t('ar.filed', { no: d.file.archiveNo }));
                  } catch (e) {
                    notify(e);
                  }
                }}
              >
                {t('ar.fileNow')}
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}

const outcomes = ['completed', 'not_accepted', 'ended', 'any'] as const;
const levels = ['public', 'internal', 'confidential', 'secret'] as const;

function SchemeTab({ hallId }: { hallId: string }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const scheme = useScheme(hallId);
  const save = useSaveCategory();
  const [form] = Form.useForm<Omit<Category, 'builtIn'>>();
  useEffect(() => form.resetFields(), [form]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('ar.schemeHint')}</Typography.Paragraph>
      <Table<Category>
        size="small"
        rowKey="code"
        pagination={false}
        loading={scheme.isLoading}
        dataSource={scheme.data?.items}
        columns={[
          { title: t('ar.code'), dataIndex: 'code', width: 80 },
          { title: t('ar.name'), dataIndex: 'name' },
          {
            title: t('ar.outcome'),
            dataIndex: 'outcome',
            render: (v: string) => t(`ar.outcome.${v}` as MessageKey),
          },
          { title: t('ar.itemId'), dataIndex: 'itemId', render: (v: string | null) => v ?? '—' },
          { title: t('ar.paperYears'), dataIndex: 'paperYears', width: 100 },
          {
            title: t('ar.electronicYears'),
            dataIndex: 'electronicYears',
            render: (v: number | null) => v ?? t('ar.permanent'),
          },
          {
            title: t('ar.confidentiality'),
            dataIndex: 'confidentiality',
            render: (v: (typeof levels)[number]) => <LevelTag level={v} label={t(`ar.level.${v}` as MessageKey)} />,
          },
          { title: '', dataIndex: 'builtIn', render: (v: boolean) => (v ? <Tag>{t('ar.builtIn')}</Tag> : null) },
        ]}
      />
      {can('archive.manage') && (
        <Form
          form={form}
          layout="inline"
          initialValues={{ outcome: 'completed', paperYears: 10, confidentiality: 'internal', itemId: null }}
          onFinish={async (v) => {
            try {
              await save.mutateAsync({
                ...v,
                hallId,
                itemId: v.itemId || null,
                electronicYears: v.electronicYears ?? null,
              });
              message.success(t('ar.categorySaved'));
            } catch (e) {
              if (!applyFieldError(form, e)) notify(e);
            }
          }}
        >
          <Form.Item name="code" label={t('ar.code')} rules={[{ required: true }]}>
            <Input style={{ width: 80 }} />
          </Form.Item>
          <Form.Item name="name" label={t('ar.name')} rules={[{ required: true }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="outcome" label={t('ar.outcome')}>
            <Select
              style={{ width: 120 }}
              options={outcomes.map((o) => ({ value: o, label: t(`ar.outcome.${o}` as MessageKey) }))}
            />
          </Form.Item>
          <Form.Item name="itemId" label={t('ar.itemId')}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="paperYears" label={t('ar.paperYears')}>
            <InputNumber min={5} max={100} style={{ width: 70 }} />
          </Form.Item>
          <Form.Item name="electronicYears" label={t('ar.electronicYears')}>
            <InputNumber min={5} max={1000} style={{ width: 80 }} />
          </Form.Item>
          <Form.Item name="confidentiality" label={t('ar.confidentiality')}>
            <Select
              style={{ width: 90 }}
              options={levels.map((l) => ({ value: l, label: t(`ar.level.${l}` as MessageKey) }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('ar.saveCategory')}
          </Button>
        </Form>
      )}
    </Space>
  );
}
