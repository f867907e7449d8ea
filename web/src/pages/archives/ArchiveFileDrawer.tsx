import {
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useCan } from '../../api/auth';
import { useComplaints } from '../../api/complaints';
import {
  type Confidentiality,
  contentsPdfUrl,
  useArchiveFile,
  useClassify,
  useEnterpriseFile,
  useRequestLoan,
} from '../../api/archives';
import { applyFieldError } from '../../api/formErrors';
import { formatDate, formatTime } from '../../components/format';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';

const levelColor: Record<Confidentiality, string> = {
  public: 'default',
  internal: 'blue',
  confidential: 'orange',
  secret: 'red',
};
const levels: Confidentiality[] = ['public', 'internal', 'confidential', 'secret'];

export function LevelTag({ level, label }: { level: Confidentiality; label: string }) {
  return <Tag color={levelColor[level]}>{label}</Tag>;
}

/** One archive file: its fields, 卷内目录 (printable), the case trail, the file's own record, borrowing. */
export function ArchiveFileDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const q = useArchiveFile(id);
  const classify = useClassify();
  const [borrowing, setBorrowing] = useState(false);
  const [enterprise, setEnterprise] = useState<string | null>(null);
  const d = q.data;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={900}
      title={d ? `${t('ar.contents')} · ${d.file.archiveNo}` : t('ar.contents')}
      extra={
        d && (
          <Space>
            <Button type="primary" href={contentsPdfUrl(d.file.id)} target="_blank">
              {t('ar.print')}
            </Button>
            {can('archive.borrow') && <Button onClick={() => setBorrowing(true)}>{t('ar.borrow')}</Button>}
          </Space>
        )
      }
    >
      {q.error && <QueryError error={q.error} onRetry={() => q.refetch()} />}
      {d && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" bordered column={2}>
            <Descriptions.Item label={t('ar.archiveNo')}>{d.file.archiveNo}</Descriptions.Item>
            <Descriptions.Item label={t('ar.category')}>{d.file.categoryName}</Descriptions.Item>
            <Descriptions.Item label={t('ar.caseNo')}>{d.file.caseNo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('ar.outcome')}>{d.file.outcomeLabel}</Descriptions.Item>
            <Descriptions.Item label={t('ar.item')} span={2}>
              {d.file.itemName}
            </Descriptions.Item>
            <Descriptions.Item label={t('ar.applicant')}>
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setEnterprise(d.file.applicantId)}>
                {d.file.applicantName}（{t('ar.enterprise')}）
              </Button>
            </Descriptions.Item>
            <Descriptions.Item label={t('ar.confidentiality')}>
              <Space>
                <LevelTag level={d.file.confidentiality} label={d.file.confidentialityLabel} />
                {can('archive.manage') && (
                  <Select
                    size="small"
                    style={{ width: 110 }}
                    value={d.file.confidentiality}
                    aria-label={t('ar.classify')}
                    options={levels.map((l) => ({ value: l, label: t(`ar.level.${l}` as MessageKey) }))}
                    onChange={async (v) => {
                      try {
                        await classify.mutateAsync({ id: d.file.id, confidentiality: v });
                        message.success(t('ar.classified'));
                      } catch (e) {
                        notify(e);
                      }
                    }}
                  />
                )}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('ar.retention')}>
              {d.file.paperUntil}（{d.file.paperYears}年）
            </Descriptions.Item>
            <Descriptions.Item label={t('ar.electronic')}>
              {d.file.electronicUntil ?? t('ar.permanent')}
            </Descriptions.Item>
            <Descriptions.Item label={t('ar.status')}>{d.file.statusLabel}</Descriptions.Item>
            <Descriptions.Item label={t('ar.filedBy')}>
              {d.file.filedBy} · {formatTime(d.file.filedAt)}
            </Descriptions.Item>
          </Descriptions>
          <Tabs
            items={[
              {
                key: 'contents',
                label: t('ar.contents'),
                children: (
                  <Table
                    size="small"
                    rowKey="no"
                    pagination={false}
                    dataSource={d.contents}
                    columns={[
                      { title: t('ar.no'), dataIndex: 'no', width: 60 },
                      { title: t('ar.ref'), dataIndex: 'ref', width: 220 },
                      { title: t('ar.docTitle'), dataIndex: 'title' },
                      { title: t('ar.date'), dataIndex: 'at', width: 110, render: (v: number) => formatDate(v) },
                      { title: t('ar.note'), dataIndex: 'note', width: 100 },
                    ]}
                  />
                ),
              },
              {
                key: 'trail',
                label: t('ar.trail'),
                children: (
                  <Table
                    size="small"
                    rowKey={(r) => `${r.at}-${r.action}`}
                    pagination={false}
                    dataSource={d.trail}
                    columns={[
                      { title: t('ar.date'), dataIndex: 'at', width: 150, render: (v: number) => formatTime(v) },
                      { title: t('ar.by'), dataIndex: 'by', width: 120 },
                      { title: t('ar.action'), dataIndex: 'action' },
                      { title: t('ar.state'), dataIndex: 'toState', width: 160 },
                    ]}
                  />
                ),
              },
              {
                key: 'events',
                label: t('ar.events'),
                children: (
                  <Table
                    size="small"
                    rowKey={(r) => `${r.at}-${r.action}`}
                    pagination={false}
                    dataSource={d.events}
                    columns={[
                      { title: t('ar.date'), dataIndex: 'at', width: 150, render: (v: number) => formatTime(v) },
                      { title: t('ar.by'), dataIndex: 'by', width: 120 },
                      { title: t('ar.action'), dataIndex: 'action', width: 160 },
                      {
                        title: t('ar.note'),
                        dataIndex: 'detail',
                        ellipsis: true,
                        render: (v: Record<string, unknown> | null) => (v ? JSON.stringify(v) : ''),
                      },
                    ]}
                  />
                ),
              },
            ]}
          />
        </Space>
      )}
      {d && <BorrowModal open={borrowing} fileId={d.file.id} onClose={() => setBorrowing(false)} />}
      <EnterpriseModal applicantId={enterprise} onClose={() => setEnterprise(null)} />
    </Drawer>
  );
}

function BorrowModal({ open, fileId, onClose }: { open: boolean; fileId: string; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [form] = Form.useForm<{ purpose: string; medium: 'paper' | 'electronic'; days: number }>();
  const request = useRequestLoan();
  const submit = async (v: { purpose: string; medium: 'paper' | 'electronic'; days: number }) => {
    try {
      const l = await request.mutateAsync({ fileId, ...v });
      message.success(t('ln.requested', { level: l.levelLabel }));
      form.resetFields();
      onClose();
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  return (
    <Modal
      open={open}
      title={t('ln.request')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={request.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ medium: 'paper', days: 5 }} onFinish={submit}>
        <Form.Item
          name="purpose"
          label={t('ln.purpose')}
          rules={[{ required: true, message: t('ln.purposeRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
        <Form.Item name="medium" label={t('ln.medium')}>
          <Radio.Group
            options={[
              { value: 'paper', label: t('ln.medium.paper') },
              { value: 'electronic', label: t('ln.medium.electronic') },
            ]}
          />
        </Form.Item>
        <Form.Item name="days" label={t('ln.days')}>
          <InputNumber min={1} max={30} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EnterpriseModal({ applicantId, onClose }: { applicantId: string | null; onClose: () => void }) {
  const t = useT();
  const q = useEnterpriseFile(applicantId);
  const can = useCan();
  // Complaints are shown to those who work the complaints desk; the list is theirs to read.
  const mayComplaints = can('complaint.handle') || can('complaint.supervise');
  const complaints = useComplaints({ applicantId: applicantId ?? undefined }, !!applicantId && mayComplaints);
  const e = q.data;
  return (
    <Modal
      open={!!applicantId}
      onCancel={onClose}
      footer={null}
      width={900}
      title={`${t('ar.enterprise')} · ${e?.applicantName ?? ''}`}
    >
      {q.error && <QueryError error={q.error} onRetry={() => q.refetch()} />}
      {e && (
        <Tabs
          items={[
            {
              key: 'cases',
              label: `${t('ar.enterpriseCases')}（${e.cases.length}）`,
              children: (
                <Table
                  size="small"
                  rowKey="id"
                  dataSource={e.cases}
                  pagination={{ pageSize: 8 }}
                  columns={[
                    { title: t('ar.caseNo'), dataIndex: 'caseNo', width: 200 },
                    { title: t('ar.item'), dataIndex: 'itemName' },
                    { title: t('ar.caseState'), dataIndex: 'stateLabel', width: 100 },
                    { title: t('ar.archiveNo'), dataIndex: 'archiveNo', width: 200 },
                  ]}
                />
              ),
            },
            {
              key: 'consultations',
              label: `${t('ar.enterpriseConsultations')}（${e.consultations.length}）`,
              children: (
                <Table
                  size="small"
                  rowKey="id"
                  dataSource={e.consultations}
                  pagination={{ pageSize: 8 }}
                  columns={[
                    { title: t('ar.date'), dataIndex: 'at', width: 150, render: (v: number) => formatTime(v) },
                    { title: t('ar.docTitle'), dataIndex: 'subject', ellipsis: true },
                    { title: t('ar.status'), dataIndex: 'status', width: 100 },
                  ]}
                />
              ),
            },
            {
              key: 'ratings',
              label: `${t('ar.enterpriseRatings')}（${e.ratings.length}）`,
              children: (
                <Table
                  size="small"
                  rowKey="id"
                  dataSource={e.ratings}
                  pagination={{ pageSize: 8 }}
                  columns={[
                    { title: t('ar.date'), dataIndex: 'at', width: 150, render: (v: number) => formatTime(v) },
                    { title: t('ar.status'), dataIndex: 'level', width: 100 },
                    { title: t('ar.note'), dataIndex: 'comment' },
                  ]}
                />
              ),
            },
            ...(mayComplaints
              ? [
                  {
                    key: 'complaints',
                    label: `${t('ar.enterpriseComplaints')}（${complaints.data?.items.length ?? 0}）`,
                    children: complaints.error ? (
                      <QueryError error={complaints.error} onRetry={() => complaints.refetch()} />
                    ) : (
                      <Table
                        size="small"
                        rowKey="id"
                        loading={complaints.isFetching}
                        dataSource={complaints.data?.items}
                        pagination={{ pageSize: 8 }}
                        columns={[
                          { title: t('cp.number'), dataIndex: 'number', width: 170 },
                          { title: t('cp.received'), dataIndex: 'receivedDay', width: 110 },
                          { title: t('ar.caseNo'), dataIndex: 'caseNo', width: 190 },
                          { title: t('cp.matter'), dataIndex: 'matter', ellipsis: true },
                          {
                            title: t('cp.state'),
                            dataIndex: 'state',
                            width: 90,
                            render: (v: string) => t(`cp.state.${v}` as MessageKey),
                          },
                        ]}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </Modal>
  );
}
