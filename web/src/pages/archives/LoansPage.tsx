import { App, Button, Card, Checkbox, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { loanStatusLabels, loanStatuses } from '../../../../server/src/domain/archives/index.ts';
import { useCan } from '../../api/auth';
import { type Loan, useDecideLoan, useLend, useLoans, useRemind, useReturnLoan, useViewLink } from '../../api/archives';
import { applyFieldError } from '../../api/formErrors';
import { formatTime } from '../../components/format';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';
import { LevelTag } from './ArchiveFileDrawer';
import { LoanViewModal } from './LoanViewModal';

const statusColor: Record<Loan['status'], string> = {
  requested: 'gold',
  approved: 'blue',
  rejected: 'default',
  lent: 'purple',
  returned: 'green',
};

/** 借阅: requests, approval at the file's level, lending, the return check, reminders, electronic viewing. */
export function LoansPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [status, setStatus] = useState<string>();
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const loans = useLoans({ status, overdue, page, pageSize: 20 });
  const decide = useDecideLoan();
  const lend = useLend();
  const remind = useRemind();
  const view = useViewLink();
  const [deciding, setDeciding] = useState<Loan | null>(null);
  const [returning, setReturning] = useState<Loan | null>(null);
  const [viewing, setViewing] = useState<{ url: string; until: number } | null>(null);

  const run = async (fn: () => Promise<string>) => {
    try {
      message.success(await fn());
    } catch (e) {
      notify(e);
    }
  };

  return (
    <Card
      title={t('ln.title')}
      extra={
        <Space>
          <Select
            allowClear
            placeholder={t('ln.status')}
            style={{ width: 120 }}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={loanStatuses.map((s) => ({ value: s, label: loanStatusLabels[s] }))}
          />
          <Switch checked={overdue} onChange={setOverdue} /> {t('ln.overdueOnly')}
        </Space>
      }
    >
      {loans.error && <QueryError error={loans.error} onRetry={() => loans.refetch()} />}
      <Table<Loan>
        size="small"
        rowKey="id"
        loading={loans.isLoading}
        dataSource={loans.data?.items}
        pagination={{ current: page, pageSize: 20, total: loans.data?.total, onChange: setPage }}
        columns={[
          { title: t('ar.archiveNo'), dataIndex: 'archiveNo', width: 190 },
          { title: t('ar.item'), dataIndex: 'itemName', ellipsis: true },
          {
            title: t('ar.confidentiality'),
            dataIndex: 'confidentiality',
            width: 70,
            render: (_: unknown, r) => <LevelTag level={r.confidentiality} label={r.confidentialityLabel} />,
          },
          { title: t('ln.borrower'), dataIndex: 'borrowerName', width: 90 },
          { title: t('ln.purpose'), dataIndex: 'purpose', ellipsis: true },
          {
            title: t('ln.medium'),
            dataIndex: 'medium',
            width: 90,
            render: (v: Loan['medium']) => t(v === 'paper' ? 'ln.medium.paper' : 'ln.medium.electronic'),
          },
          { title: t('ln.level'), dataIndex: 'levelLabel', width: 90 },
          {
            title: t('ln.status'),
            dataIndex: 'statusLabel',
            width: 90,
            render: (v: string, r) => <Tag color={statusColor[r.status]}>{v}</Tag>,
          },
          {
            title: t('ln.due'),
            dataIndex: 'dueDay',
            width: 120,
            render: (v: string | null, r) =>
              v ? (
                <Space size={4}>
                  {v}
                  {r.overdue && <Tag color="red">{t('ln.overdue')}</Tag>}
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: t('ln.actions'),
            key: 'actions',
            width: 200,
            render: (_: unknown, r) => (
              <Space size={4} wrap>
                {r.status === 'requested' && can('archive.approve') && (
                  <Button size="small" type="primary" onClick={() => setDeciding(r)}>
                    {t('ln.approve')}
                  </Button>
                )}
                {r.status === 'approved' && r.medium === 'paper' && can('archive.manage') && (
                  <Button
                    size="small"
                    onClick={() => run(async () => t('ln.lent', { day: (await lend.mutateAsync(r.id)).dueDay ?? '' }))}
                  >
                    {t('ln.lend')}
                  </Button>
                )}
                {r.medium === 'electronic' && (r.status === 'approved' || r.status === 'lent') && (
                  <Button
                    size="small"
                    onClick={() =>
                      run(async () => {
                        setViewing(await view.mutateAsync(r.id));
                        return t('ln.viewHint');
                      })
                    }
                  >
                    {t('ln.view')}
                  </Button>
                )}
                {r.status === 'lent' && can('archive.manage') && (
                  <Button size="small" onClick={() => setReturning(r)}>
                    {t('ln.return')}
                  </Button>
                )}
                {r.overdue && can('archive.manage') && (
                  <Button
                    size="small"
                    danger
                    onClick={() => run(async () => t('ln.reminded', { n: (await remind.mutateAsync(r.id)).reminders }))}
                  >
                    {t('ln.remind')}
                  </Button>
                )}
                {r.status === 'returned' && (
                  <Typography.Text type={r.returnComplete && r.returnUndamaged ? 'success' : 'danger'}>
                    {r.returnComplete && r.returnUndamaged ? t('ln.ok') : t('ln.problem')}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
        ]}
        expandable={{
          expandedRowRender: (r) => (
            <Typography.Text type="secondary">
              {t('ln.requestedAt')}：{formatTime(r.requestedAt)}
              {r.decidedBy && `　${t('ln.decisionNote')}：${r.decidedBy} ${r.decisionNote ?? ''}`}
              {r.returnNote && `　${t('ln.returnNote')}：${r.returnNote}`}
            </Typography.Text>
          ),
        }}
      />
      <DecideModal
        loan={deciding}
        onClose={() => setDeciding(null)}
        onDecide={async (approve, note) => {
          if (!deciding) return;
          await run(async () => {
            await decide.mutateAsync({ id: deciding.id, approve, note });
            return t(approve ? 'ln.approved' : 'ln.rejected');
          });
          setDeciding(null);
        }}
      />
      <ReturnModal loan={returning} onClose={() => setReturning(null)} />
      <LoanViewModal link={viewing} onClose={() => setViewing(null)} />
    </Card>
  );
}

function DecideModal({
  loan,
  onClose,
  onDecide,
}: {
  loan: Loan | null;
  onClose: () => void;
  onDecide: (approve: boolean, note: string) => Promise<void>;
}) {
  const t = useT();
  const [note, setNote] = useState('');
  return (
    <Modal
      open={!!loan}
      title={`${t('ln.approve')} · ${loan?.archiveNo ?? ''}`}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="reject" danger onClick={() => onDecide(false, note)}>
          {t('ln.reject')}
        </Button>,
        <Button key="approve" type="primary" onClick={() => onDecide(true, note)}>
          {t('ln.approve')}
        </Button>,
      ]}
    >
      {loan && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {loan.borrowerName}：{loan.purpose}（{loan.days} 个工作日，{loan.levelLabel}审批）
          </Typography.Text>
          <Input.TextArea
            rows={2}
            placeholder={t('ln.decisionNote')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </Space>
      )}
    </Modal>
  );
}

function ReturnModal({ loan, onClose }: { loan: Loan | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [form] = Form.useForm<{ complete: boolean; undamaged: boolean; note: string }>();
  const back = useReturnLoan();
  return (
    <Modal
      open={!!loan}
      title={`${t('ln.returnTitle')} · ${loan?.archiveNo ?? ''}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={back.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ complete: true, undamaged: true, note: '' }}
        onFinish={async (v) => {
          if (!loan) return;
          try {
            await back.mutateAsync({ id: loan.id, ...v });
            message.success(t('ln.returned'));
            onClose();
          } catch (e) {
            if (!applyFieldError(form, e)) notify(e);
          }
        }}
      >
        <Form.Item name="complete" valuePropName="checked">
          <Checkbox>{t('ln.complete')}</Checkbox>
        </Form.Item>
        <Form.Item name="undamaged" valuePropName="checked">
          <Checkbox>{t('ln.undamaged')}</Checkbox>
        </Form.Item>
        <Form.Item name="note" label={t('ln.returnNote')}>
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
