import { App, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../api/auth';
import {
  type ArchiveFile,
  type Disposal,
  disposalRegisterUrl,
  useDecideDisposal,
  useDisposalDue,
  useDisposals,
  useExecuteDisposal,
  useProposeDisposal,
} from '../../api/archives';
import { applyFieldError } from '../../api/formErrors';
import { formatTime } from '../../components/format';
import { useHallOptions } from '../../components/HallSelect';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';

const statusColor: Record<Disposal['status'], string> = {
  proposed: 'gold',
  approved: 'blue',
  rejected: 'default',
  executed: 'red',
};

/** 鉴定销毁: files past their paper retention, the proposal, the station head's decision, the disposal register. */
export function DisposalPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const halls = useHallOptions();
  const hallId = halls.options[0]?.value;
  const due = useDisposalDue(hallId, can('archive.manage') && !!hallId);
  const register = useDisposals(hallId);
  const propose = useProposeDisposal();
  const decide = useDecideDisposal();
  const execute = useExecuteDisposal();
  const [selected, setSelected] = useState<string[]>([]);
  const [proposing, setProposing] = useState(false);
  const [executing, setExecuting] = useState<Disposal | null>(null);
  const [form] = Form.useForm<{ opinion: string }>();
  const [execForm] = Form.useForm<{ method: string }>();

  const run = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      message.success(ok);
    } catch (e) {
      notify(e);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {can('archive.manage') && (
        <Card
          title={t('dp.due')}
          extra={
            <Button type="primary" disabled={!selected.length} onClick={() => setProposing(true)}>
              {t('dp.propose')}（{selected.length}）
            </Button>
          }
        >
          <Typography.Paragraph type="secondary">{t('dp.dueHint')}</Typography.Paragraph>
          {due.error && <QueryError error={due.error} onRetry={() => due.refetch()} />}
          <Table<ArchiveFile>
            size="small"
            rowKey="id"
            loading={due.isLoading}
            dataSource={due.data?.items}
            locale={{ emptyText: t('dp.none') }}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
            pagination={{ pageSize: 10 }}
            columns={[
              { title: t('ar.archiveNo'), dataIndex: 'archiveNo', width: 200 },
              { title: t('ar.item'), dataIndex: 'itemName', ellipsis: true },
              { title: t('ar.applicant'), dataIndex: 'applicantName', width: 120 },
              { title: t('ar.category'), dataIndex: 'categoryName', width: 110 },
              { title: t('ar.retention'), dataIndex: 'paperUntil', width: 120 },
            ]}
          />
        </Card>
      )}
      <Card
        title={t('dp.register')}
        extra={
          <Space>
            <Button
              href={disposalRegisterUrl('xlsx', hallId)}
              download
              onClick={() => message.success(t('dp.exported'))}
            >
              {t('dp.exportXlsx')}
            </Button>
            <Button
              href={disposalRegisterUrl('pdf', hallId)}
              target="_blank"
              onClick={() => message.success(t('dp.exported'))}
            >
              {t('dp.exportPdf')}
            </Button>
          </Space>
        }
      >
        {register.error && <QueryError error={register.error} onRetry={() => register.refetch()} />}
        <Table<Disposal>
          size="small"
          rowKey="id"
          loading={register.isLoading}
          dataSource={register.data?.items}
          pagination={{ pageSize: 10 }}
          columns={[
            {
              title: t('dp.files'),
              dataIndex: 'files',
              width: 220,
              render: (fs: Disposal['files']) => fs.map((f) => <div key={f.id}>{f.archiveNo}</div>),
            },
            { title: t('dp.opinion'), dataIndex: 'opinion', ellipsis: true },
            {
              title: t('dp.proposedBy'),
              dataIndex: 'proposedBy',
              width: 150,
              render: (v: string, r) => `${v} ${formatTime(r.proposedAt)}`,
            },
            {
              title: t('dp.decidedBy'),
              dataIndex: 'decidedBy',
              width: 150,
              render: (v: string | null, r) => (v ? `${v} ${formatTime(r.decidedAt)}` : '—'),
            },
            {
              title: t('dp.executedBy'),
              dataIndex: 'executedBy',
              width: 170,
              render: (v: string | null, r) => (v ? `${v}（${r.method}）${formatTime(r.executedAt)}` : '—'),
            },
            {
              title: t('ar.status'),
              dataIndex: 'statusLabel',
              width: 80,
              render: (v: string, r) => <Tag color={statusColor[r.status]}>{v}</Tag>,
            },
            {
              title: '',
              key: 'act',
              width: 170,
              render: (_: unknown, r) => (
                <Space size={4}>
                  {r.status === 'proposed' && can('archive.dispose') && (
                    <>
                      <Button
                        size="small"
                        type="primary"
                        onClick={() =>
                          run(() => decide.mutateAsync({ id: r.id, approve: true, note: '' }), t('dp.decided'))
                        }
                      >
                        {t('dp.approve')}
                      </Button>
                      <Button
                        size="small"
                        onClick={() =>
                          run(() => decide.mutateAsync({ id: r.id, approve: false, note: '' }), t('dp.decided'))
                        }
                      >
                        {t('dp.reject')}
                      </Button>
                    </>
                  )}
                  {r.status === 'approved' && can('archive.manage') && (
                    <Button size="small" danger onClick={() => setExecuting(r)}>
                      {t('dp.execute')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={proposing}
        title={t('dp.propose')}
        onCancel={() => setProposing(false)}
        onOk={() => form.submit()}
        confirmLoading={propose.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v) => {
            if (!hallId) return;
            try {
              await propose.mutateAsync({ hallId, fileIds: selected, opinion: v.opinion });
              message.success(t('dp.proposed'));
              setSelected([]);
              setProposing(false);
            } catch (e) {
              if (!applyFieldError(form, e)) notify(e);
            }
          }}
        >
          <Form.Item
            name="opinion"
            label={t('dp.opinion')}
            rules={[{ required: true, message: t('dp.opinionRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!executing}
        title={t('dp.execute')}
        onCancel={() => setExecuting(null)}
        onOk={() => execForm.submit()}
        confirmLoading={execute.isPending}
        destroyOnHidden
      >
        <Form
          form={execForm}
          layout="vertical"
          onFinish={async (v) => {
            if (!executing) return;
            try {
              await execute.mutateAsync({ id: executing.id, method: v.method });
              message.success(t('dp.executed'));
              setExecuting(null);
            } catch (e) {
              if (!applyFieldError(execForm, e)) notify(e);
            }
          }}
        >
          <Form.Item name="method" label={t('dp.method')} rules={[{ required: true, message: t('dp.methodRequired') }]}>
            <Input maxLength={100} placeholder="碎纸机粉碎" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
