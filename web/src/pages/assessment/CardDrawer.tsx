import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import {
  type CardKey,
  type CardLine,
  type CardVersion,
  type RecordLine,
  useCard,
  useCardRecords,
  useCardVersions,
  useCorrectCard,
  usePlanTraining,
  useSaveRemarks,
  useSignCard,
} from '../../api/assessment';
import { useCan } from '../../api/auth';
import { applyFieldError } from '../../api/formErrors';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';
import { chinaToday } from '../../lib/china-day';
import { formatTime } from '../../components/format';

export const gradeColor: Record<string, string> = { excellent: 'green', good: 'blue', pass: 'gold', fail: 'red' };
const fmt = (n: number | null, unit = '') => (n === null ? '—' : `${n}${unit}`);

/** One scorecard: each indicator's actual, target, score and weight, its records, remarks, sign-off and versions. */
export function CardDrawer({ cardKey, onClose }: { cardKey: CardKey | null; onClose: () => void }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const card = useCard(cardKey);
  const versions = useCardVersions(cardKey);
  const [drill, setDrill] = useState<CardLine | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const [planning, setPlanning] = useState(false);
  const [form] = Form.useForm<{ remarks: string; spotScore: number | null }>();
  const saveRemarks = useSaveRemarks();
  const sign = useSignCard();
  const c = card.data;
  const signed = (c?.version ?? 0) > 0;

  const onRemarks = async () => {
    if (!cardKey) return;
    const v = await form.validateFields();
    try {
      await saveRemarks.mutateAsync({ ...cardKey, remarks: v.remarks ?? '', spotScore: v.spotScore ?? null });
      message.success(t('asm.remarksSaved'));
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  const onSign = async () => {
    if (!cardKey) return;
    try {
      await sign.mutateAsync(cardKey);
      message.success(t('asm.signed'));
    } catch (e) {
      notify(e);
    }
  };

  return (
    <Drawer
      open={!!cardKey}
      size={1100}
      onClose={onClose}
      destroyOnHidden
      title={c ? t('asm.card.title', { name: c.subjectName, period: c.period }) : ''}
      extra={
        c && (
          <Space>
            {c.subjectKind === 'person' && <Button onClick={() => setPlanning(true)}>{t('asm.makePlan')}</Button>}
            {can('assessment.sign') && !signed && (
              <Popconfirm title={t('asm.signConfirm')} onConfirm={onSign}>
                <Button type="primary" loading={sign.isPending}>
                  {t('asm.sign')}
                </Button>
              </Popconfirm>
            )}
            {can('assessment.sign') && signed && (
              <Button onClick={() => setCorrecting(true)}>{t('asm.correct')}</Button>
            )}
          </Space>
        )
      }
    >
      {c && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" column={4} bordered>
            <Descriptions.Item label={t('asm.indicatorTotal')}>{fmt(c.indicatorTotal)}</Descriptions.Item>
            <Descriptions.Item label={t('asm.spotScore')}>{fmt(c.spotScore)}</Descriptions.Item>
            <Descriptions.Item label={t('asm.total')}>
              <b>{fmt(c.total)}</b>
            </Descriptions.Item>
            <Descriptions.Item label={t('asm.grade')}>
              {c.grade ? <Tag color={gradeColor[c.grade]}>{c.gradeName}</Tag> : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('asm.status')} span={4}>
              {signed ? t('asm.signedV', { v: c.version }) : t('asm.unsigned')}
              {c.signedByName ? ` · ${c.signedByName} ${formatTime(c.signedAt)}` : ''}
              {c.reason ? ` · ${t('asm.reason')}：${c.reason}` : ''}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary">{t('asm.totalNote')}</Typography.Text>
          <Table<CardLine>
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={c.lines}
            columns={[
              { title: t('asm.dimension'), dataIndex: 'dimensionName', width: 80 },
              { title: t('asm.indicator'), width: 150, render: (_, l) => <span title={l.formula}>{l.name}</span> },
              {
                title: t('asm.actual'),
                width: 120,
                render: (_, l) =>
                  l.actual === null ? (
                    <Typography.Text type="secondary">{t('asm.noData')}</Typography.Text>
                  ) : (
                    <Typography.Text type={l.belowTarget ? 'danger' : undefined}>
                      {fmt(l.actual, l.unit)}
                    </Typography.Text>
                  ),
              },
              {
                title: t('asm.target'),
                width: 120,
                render: (_, l) => `${l.direction === 'lower' ? '≤' : '≥'} ${l.target}${l.unit}`,
              },
              { title: t('asm.score'), width: 80, render: (_, l) => fmt(l.score) },
              { title: t('asm.weight'), dataIndex: 'weight', width: 70 },
              { title: t('asm.weightUsed'), width: 90, render: (_, l) => fmt(l.weightUsed) },
              {
                title: t('asm.records'),
                width: 90,
                render: (_, l) => (
                  <Button size="small" type="link" onClick={() => setDrill(l)}>
                    {t('asm.drill')} ({l.records})
                  </Button>
                ),
              },
            ]}
          />
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('asm.suggest')}>
              {c.suggestedTopics.length ? c.suggestedTopics.join('；') : t('asm.suggestNone')}
            </Descriptions.Item>
          </Descriptions>
          <Form
            form={form}
            layout="inline"
            initialValues={{ remarks: c.remarks, spotScore: c.spotScore }}
            disabled={signed}
          >
            <Form.Item name="remarks" label={t('asm.remarks')} style={{ width: 560 }}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
            <Form.Item name="spotScore" label={t('asm.spotScore')}>
              <InputNumber min={0} max={100} precision={0} />
            </Form.Item>
            <Button onClick={onRemarks} loading={saveRemarks.isPending} disabled={signed}>
              {t('asm.saveRemarks')}
            </Button>
          </Form>
          <Table<CardVersion>
            title={() => t('asm.versions')}
            rowKey="version"
            size="small"
            pagination={false}
            dataSource={versions.data?.items}
            columns={[
              { title: t('asm.version'), dataIndex: 'version', width: 70 },
              { title: t('asm.total'), width: 80, render: (_, v) => fmt(v.total) },
              { title: t('asm.signedBy'), dataIndex: 'signedByName', width: 120 },
              { title: t('asm.signedAt'), width: 160, render: (_, v) => formatTime(v.signedAt) },
              { title: t('asm.reason'), render: (_, v) => v.reason ?? t('asm.firstSign') },
            ]}
          />
        </Space>
      )}
      <RecordsDrawer cardKey={cardKey} line={drill} onClose={() => setDrill(null)} />
      {correcting && cardKey && c && (
        <CorrectModal
          cardKey={cardKey}
          remarks={c.remarks}
          spotScore={c.spotScore}
          onClose={() => setCorrecting(false)}
        />
      )}
      {planning && cardKey && <PlanModal cardKey={cardKey} onClose={() => setPlanning(false)} />}
    </Drawer>
  );
}

function RecordsDrawer({
  cardKey,
  line,
  onClose,
}: {
  cardKey: CardKey | null;
  line: CardLine | null;
  onClose: () => void;
}) {
  const t = useT();
  const records = useCardRecords(cardKey, line?.code ?? null);
  return (
    <Drawer open={!!line} size={720} onClose={onClose} title={line ? t('asm.drill.title', { name: line.name }) : ''}>
      {records.data?.frozen && <Typography.Paragraph type="secondary">{t('asm.drill.frozen')}</Typography.Paragraph>}
      <Table<RecordLine>
        rowKey={(r, i) => `${r.ref}-${r.day}-${i}`}
        size="small"
        loading={records.isFetching}
        dataSource={records.data?.items}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: t('asm.ref'), dataIndex: 'ref', width: 200 },
          { title: t('asm.day'), dataIndex: 'day', width: 110 },
          { title: t('asm.note'), dataIndex: 'note' },
        ]}
      />
    </Drawer>
  );
}

function CorrectModal(props: { cardKey: CardKey; remarks: string; spotScore: number | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const correct = useCorrectCard();
  const [form] = Form.useForm<{ reason: string; remarks: string; spotScore: number | null }>();
  const ok = async () => {
    const v = await form.validateFields();
    try {
      const out = await correct.mutateAsync({
        ...props.cardKey,
        reason: v.reason ?? '',
        remarks: v.remarks ?? '',
        spotScore: v.spotScore ?? null,
      });
      message.success(t('asm.corrected', { v: out.version }));
      props.onClose();
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  return (
    <Modal open title={t('asm.correct.title')} onOk={ok} onCancel={props.onClose} confirmLoading={correct.isPending}>
      <Form form={form} layout="vertical" initialValues={{ remarks: props.remarks, spotScore: props.spotScore }}>
        <Form.Item name="reason" label={t('asm.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="remarks" label={t('asm.remarks')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="spotScore" label={t('asm.spotScore')}>
          <InputNumber min={0} max={100} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PlanModal({ cardKey, onClose }: { cardKey: CardKey; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const plan = usePlanTraining();
  const [form] = Form.useForm<{ dueDay: dayjs.Dayjs }>();
  const ok = async () => {
    const v = await form.validateFields();
    try {
      await plan.mutateAsync({ ...cardKey, dueDay: v.dueDay.format('YYYY-MM-DD') });
      message.success(t('asm.planMade'));
      onClose();
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  return (
    <Modal open title={t('asm.makePlan')} onOk={ok} onCancel={onClose} confirmLoading={plan.isPending}>
      <Form form={form} layout="vertical" initialValues={{ dueDay: chinaToday().add(1, 'month') }}>
        <Form.Item name="dueDay" label={t('asm.dueDay')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
