import { App, Alert, Checkbox, Input, InputNumber, Modal, Table } from 'antd';
import { useState } from 'react';
import {
  type ResultRow,
  type TrainingPlan,
  type TrainingSession,
  useRecordResults,
  useTrainingStaff,
} from '../../api/people';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';

/** 签到与成绩: every colleague of the hall, with what is already recorded for this session. */
export function TrainingResultsModal({
  hallId,
  plan,
  session,
  onClose,
}: {
  hallId: string;
  plan: TrainingPlan;
  session: TrainingSession;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const staff = useTrainingStaff(hallId);
  const record = useRecordResults();
  const [rows, setRows] = useState<Record<string, ResultRow>>(() =>
    Object.fromEntries(
      session.records.map((r) => [
        r.userId,
        { userId: r.userId, attended: r.attended, score: r.score, certificateNo: r.certificateNo ?? '' },
      ]),
    ),
  );
  const rowOf = (userId: string): ResultRow =>
    rows[userId] ?? { userId, attended: false, score: null, certificateNo: '' };
  const change = (userId: string, patch: Partial<ResultRow>) =>
    setRows((r) => ({ ...r, [userId]: { ...rowOf(userId), ...patch } }));
  const save = async () => {
    const results = Object.values(rows).map((r) => (r.attended ? r : { ...r, score: null, certificateNo: '' }));
    if (!results.length) return onClose();
    try {
      await record.mutateAsync({ sessionId: session.id, results });
      message.success(t('tr.resultsSaved'));
      onClose();
    } catch (e) {
      notify(e);
    }
  };
  return (
    <Modal
      open
      width={860}
      title={`${t('tr.recordResults')}：${plan.title}（${session.day}）`}
      onOk={save}
      okText={t('pp.save')}
      confirmLoading={record.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('tr.resultsHint')} style={{ marginBottom: 12 }} />
      <Table
        rowKey="id"
        size="small"
        loading={staff.isLoading}
        dataSource={staff.data?.items}
        pagination={false}
        scroll={{ y: 420 }}
        columns={[
          { title: t('pp.person'), dataIndex: 'displayName', width: 140 },
          {
            title: t('tr.attended'),
            width: 80,
            render: (_, u) => (
              <Checkbox
                aria-label={`${u.displayName} ${t('tr.attended')}`}
                checked={rowOf(u.id).attended}
                onChange={(e) => change(u.id, { attended: e.target.checked })}
              />
            ),
          },
          {
            title: `${t('tr.score')}（${t('tr.passScore')} ${plan.passScore}）`,
            width: 180,
            render: (_, u) => (
              <InputNumber
                aria-label={`${u.displayName} ${t('tr.score')}`}
                min={0}
                max={100}
                disabled={!rowOf(u.id).attended}
                value={rowOf(u.id).score}
                onChange={(v) => change(u.id, { score: v ?? null })}
              />
            ),
          },
          {
            title: t('tr.certificate'),
            render: (_, u) => (
              <Input
                aria-label={`${u.displayName} ${t('tr.certificate')}`}
                maxLength={60}
                disabled={!rowOf(u.id).attended}
                value={rowOf(u.id).certificateNo}
                onChange={(e) => change(u.id, { certificateNo: e.target.value })}
              />
            ),
          },
        ]}
      />
    </Modal>
  );
}
