import { App, Button, Card, Form, Input, Radio, Table, Tag } from 'antd';
import { useState } from 'react';
import {
  type Escalation,
  type EscalationDecision,
  useCaseEscalations,
  useDecideEscalation,
  useRaiseEscalation,
} from '../../api/caseSupport';
import { FormModal } from '../../components/FormModal';
import { formatTime } from '../../components/format';
import { type MessageKey, useT } from '../../i18n';

const decisionColor: Record<EscalationDecision, string> = { proceed: 'green', return: 'orange', refer: 'purple' };

/** 上报主管 on the case page: its escalations, and raise or decide as the viewer's post allows. */
export function EscalationPanel({ caseId }: { caseId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const q = useCaseEscalations(caseId);
  const raise = useRaiseEscalation(caseId);
  const [raising, setRaising] = useState(false);
  const [deciding, setDeciding] = useState<Escalation | null>(null);
  const data = q.data;
  const open = data?.items.find((e) => e.status === 'open');
  return (
    <Card
      size="small"
      title={t('esc.title')}
      style={{ marginTop: 16 }}
      data-testid="escalation-panel"
      extra={
        <>
          {data?.mayRaise && <Button onClick={() => setRaising(true)}>{t('esc.raise')}</Button>}
          {data?.mayDecideOpen && open && (
            <Button type="primary" onClick={() => setDeciding(open)}>
              {t('esc.decide')}
            </Button>
          )}
        </>
      }
    >
      <EscalationTable items={data?.items ?? []} loading={q.isLoading} />
      <FormModal<{ reason: string }>
        open={raising}
        title={t('esc.raise')}
        okText={t('esc.raise')}
        name="escalation-raise"
        onCancel={() => setRaising(false)}
        onSubmit={async (v) => {
          await raise.mutateAsync(v);
          message.success(t('esc.raised'));
          setRaising(false);
        }}
      >
        <Form.Item name="reason" label={t('esc.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={1000} placeholder={t('esc.reasonHint')} />
        </Form.Item>
      </FormModal>
      <DecideModal caseId={caseId} escalation={deciding} onClose={() => setDeciding(null)} />
    </Card>
  );
}

export function EscalationTable({ items, loading }: { items: Escalation[]; loading?: boolean }) {
  const t = useT();
  return (
    <Table<Escalation>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={items}
      loading={loading}
      locale={{ emptyText: t('esc.none') }}
      columns={[
        { title: t('esc.raisedAt'), dataIndex: 'raisedAt', width: 150, render: (v: number) => formatTime(v) },
        { title: t('esc.raisedBy'), dataIndex: 'raisedBy', width: 100 },
        { title: t('esc.reason'), dataIndex: 'reason' },
        {
          title: t('esc.level'),
          dataIndex: 'level',
          width: 100,
          render: (l: Escalation['level']) => t(`esc.level.${l}` as MessageKey),
        },
        {
          title: t('esc.status'),
          width: 110,
          render: (_v, e) =>
            e.decision ? (
              <Tag color={decisionColor[e.decision]}>{t(`esc.decision.${e.decision}` as MessageKey)}</Tag>
            ) : (
              <Tag color="gold">{t('esc.status.open')}</Tag>
            ),
        },
        {
          title: t('esc.note'),
          render: (_v, e) => (e.note ? `${e.note}（${e.decidedBy}，${formatTime(e.decidedAt)}）` : '—'),
        },
      ]}
    />
  );
}

/** The decision with its note; 转站长 only for what was put to the supervisor. */
export function DecideModal({
  caseId,
  escalation,
  onClose,
}: {
  caseId?: string;
  escalation: Escalation | null;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const decide = useDecideEscalation(caseId);
  const options: EscalationDecision[] =
    escalation?.level === 'supervisor' ? ['proceed', 'return', 'refer'] : ['proceed', 'return'];
  return (
    <FormModal<{ decision: EscalationDecision; note: string }>
      open={!!escalation}
      title={t('esc.decide')}
      okText={t('esc.decide')}
      name="escalation-decide"
      initialValues={{ decision: 'proceed' }}
      onCancel={onClose}
      onSubmit={async (v) => {
        await decide.mutateAsync({ id: escalation!.id, ...v });
        message.success(t('esc.decided'));
        onClose();
      }}
    >
      {escalation && (
        <p>
          {t('esc.reason')}：{escalation.reason}（{escalation.raisedBy}）
        </p>
      )}
      <Form.Item name="decision" label={t('esc.decision')} rules={[{ required: true }]}>
        <Radio.Group options={options.map((d) => ({ value: d, label: t(`esc.decision.${d}` as MessageKey) }))} />
      </Form.Item>
      <Form.Item name="note" label={t('esc.note')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={3} maxLength={1000} placeholder={t('esc.noteHint')} />
      </Form.Item>
    </FormModal>
  );
}
