import { Alert, App, Button, Card, Form, Input, InputNumber, Table, Tag } from 'antd';
import { useState } from 'react';
import { type DeferredMaterial, useDeferral, useRecordArrival, useTerminate } from '../../api/caseSupport';
import { documentPdfUrl } from '../../api/cases';
import { FormModal } from '../../components/FormModal';
import { formatTime } from '../../components/format';
import { type MessageKey, useT } from '../../i18n';

const statusColor = { arrived: 'green', pending: 'blue', overdue: 'red' } as const;

/** 容缺材料 on a case accepted with deferred materials: each one's due day and arrival; 终止 once one is overdue. */
export function DeferredPanel({ caseId }: { caseId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const q = useDeferral(caseId);
  const arrival = useRecordArrival(caseId);
  const terminate = useTerminate(caseId);
  const [recording, setRecording] = useState<DeferredMaterial | null>(null);
  const [ending, setEnding] = useState(false);
  const d = q.data;
  if (!d?.deferred) return null;
  return (
    <Card
      size="small"
      title={t('def.title')}
      style={{ marginTop: 16 }}
      data-testid="deferred-panel"
      extra={
        d.mayTerminate && (
          <Button danger onClick={() => setEnding(true)}>
            {t('def.terminate')}
          </Button>
        )
      }
    >
      {!d.terminationDocumentId && (
        <Alert
          type={d.itemAllowsApproval ? 'info' : 'warning'}
          showIcon
          style={{ marginBottom: 8 }}
          title={d.itemAllowsApproval ? t('def.itemAllows') : t('def.mustArrive')}
        />
      )}
      {d.terminationDocumentId && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('def.terminated')}
          action={
            <a href={documentPdfUrl(caseId, d.terminationDocumentId)} target="_blank" rel="noreferrer">
              {t('def.notice')}
            </a>
          }
        />
      )}
      <Table<DeferredMaterial>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={d.materials}
        columns={[
          { title: t('def.material'), dataIndex: 'name' },
          { title: t('def.due'), dataIndex: 'dueDay', width: 110 },
          {
            title: t('def.status'),
            width: 100,
            render: (_v, m) => <Tag color={statusColor[m.status]}>{t(`def.status.${m.status}` as MessageKey)}</Tag>,
          },
          {
            title: t('def.arrived'),
            render: (_v, m) => (m.arrivedAt ? `${formatTime(m.arrivedAt)}（${m.recordedBy}）` : '—'),
          },
          {
            title: `${t('def.copies')}/${t('def.pages')}`,
            width: 90,
            render: (_v, m) => (m.copies ? `${m.copies}/${m.pages}` : '—'),
          },
          { title: t('def.note'), dataIndex: 'note', render: (v: string | null) => v || '—' },
          {
            title: '',
            width: 100,
            render: (_v, m) =>
              d.mayRecordArrival &&
              m.status !== 'arrived' && (
                <Button size="small" type="primary" ghost onClick={() => setRecording(m)}>
                  {t('def.record')}
                </Button>
              ),
          },
        ]}
      />
      <FormModal<{ copies: number; pages: number; note: string }>
        open={!!recording}
        title={`${t('def.record')}：${recording?.name ?? ''}`}
        okText={t('def.record')}
        name="deferred-arrival"
        initialValues={{ copies: 1, pages: 1, note: '' }}
        onCancel={() => setRecording(null)}
        onSubmit={async (v) => {
          await arrival.mutateAsync({ key: recording!.key, ...v, note: v.note ?? '' });
          message.success(t('def.recorded'));
          setRecording(null);
        }}
      >
        <Form.Item name="copies" label={t('def.copies')} rules={[{ required: true }]}>
          <InputNumber min={1} max={99} />
        </Form.Item>
        <Form.Item name="pages" label={t('def.pages')} rules={[{ required: true }]}>
          <InputNumber min={1} max={9999} />
        </Form.Item>
        <Form.Item name="note" label={t('def.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </FormModal>
      <FormModal<{ reason: string }>
        open={ending}
        title={t('def.terminate')}
        okText={t('def.terminate')}
        name="deferred-terminate"
        onCancel={() => setEnding(false)}
        onSubmit={async (v) => {
          await terminate.mutateAsync(v);
          message.success(t('def.terminated'));
          setEnding(false);
        }}
      >
        <Alert type="warning" showIcon title={t('def.terminateHint')} style={{ marginBottom: 12 }} />
        <Form.Item name="reason" label={t('def.terminateReason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
