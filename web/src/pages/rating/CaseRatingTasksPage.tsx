import {
  App,
  Button,
  Card,
  Descriptions,
  Divider,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Segmented,
  Space,
  Table,
  Tag,
  Timeline,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../api/auth';
import {
  type RatingTask,
  revealApplicant,
  useEvidenceUpload,
  useRatingTasks,
  useTaskMove,
} from '../../api/caseRatings';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';

export const lightColor = { green: 'green', yellow: 'gold', red: 'red' } as const;

/** The applicant's phone, masked; the full number on request (audited on the server). */
function Phone({ task }: { task: RatingTask }) {
  const t = useT();
  const can = useCan();
  const notify = useNotifyError();
  const [full, setFull] = useState<string | null>(null);
  if (!task.applicantPhone) return <span>—</span>;
  return (
    <Space size={4}>
      <span>{full ?? task.applicantPhone}</span>
      {!full && can('personal.view') && (
        <Button
          type="link"
          size="small"
          onClick={() =>
            revealApplicant(task.applicantId)
              .then((p) => setFull(p.phone ?? ''))
              .catch(notify)
          }
        >
          {t('cr.reveal')}
        </Button>
      )}
    </Space>
  );
}

/** The dialog of one 差评 task: the facts each stage records, not one free-text box. */
function TaskDialog({ task, onClose }: { task: RatingTask; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const move = useTaskMove();
  const upload = useEvidenceUpload();
  const [form] = Form.useForm();
  const [planForm] = Form.useForm();
  const [current, setCurrent] = useState(task);

  const run = async (action: string, body: unknown, done: string) => {
    try {
      const next = await move.mutateAsync({ id: current.id, action, body });
      setCurrent(next);
      form.resetFields();
      message.success(done);
    } catch (e) {
      notify(e);
    }
  };
  const submitStage = async () => {
    const v = await form.validateFields();
    if (current.stage === 'call_back') await run('call-back', v, t('cr.saved'));
    else if (current.stage === 'verify') await run('verify', v, t('cr.saved'));
    else if (current.stage === 'rectify') await run('rectified', v, t('cr.rectifiedDone'));
  };
  const savePlan = async () => {
    const v = await planForm.validateFields();
    await run('plan', v, t('cr.saved'));
  };
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      setCurrent(await upload.mutateAsync({ id: current.id, file }));
      message.success(t('cr.uploaded', { name: file.name }));
    } catch (e) {
      notify(e);
    }
  };

  const s = current.stage;
  return (
    <Modal
      open
      width={720}
      title={`${t('cr.handle')} · ${current.caseNo} · ${t(`cr.stage.${s}` as MessageKey)}`}
      onCancel={onClose}
      footer={
        s === 'call_back' || s === 'verify' || s === 'rectify' ? (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={move.isPending} onClick={submitStage}>
              {s === 'call_back' ? t('cr.callBack') : s === 'verify' ? t('cr.verify') : t('cr.rectified')}
            </Button>
          </Space>
        ) : null
      }
      destroyOnHidden
    >
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label={t('cr.applicant')}>{current.applicantName}</Descriptions.Item>
        <Descriptions.Item label={t('cr.phone')}>
          <Phone task={current} />
        </Descriptions.Item>
        <Descriptions.Item label={t('cr.caseNo')}>
          <Link to={`/cases/${current.caseId}`}>{current.caseNo}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('cr.item')}>{current.itemName}</Descriptions.Item>
        <Descriptions.Item label={t('cr.rating')} span={2}>
          <Tag color="red">{t(`ratingLevel.${current.rating.level}` as MessageKey)}</Tag>
          {[...current.rating.reasons, current.rating.comment].filter(Boolean).join('；')}
        </Descriptions.Item>
        <Descriptions.Item label={t('cr.due')} span={2}>
          {current.dueDay ? <Tag color={lightColor[current.light]}>{current.dueDay}</Tag> : '—'}
        </Descriptions.Item>
        {current.callBackNote && (
          <Descriptions.Item label={t('cr.callNote')} span={2}>
            {current.reached ? t('cr.reachedYes') : t('cr.reachedNo')}：{current.callBackNote}
          </Descriptions.Item>
        )}
        {current.finding && (
          <Descriptions.Item label={t('cr.finding')} span={2}>
            {current.finding}
          </Descriptions.Item>
        )}
        {current.rerating && (
          <Descriptions.Item label={t('cr.rerating')} span={2}>
            <Tag>{t(`ratingLevel.${current.rerating.level}` as MessageKey)}</Tag>
            {current.rerating.comment}
          </Descriptions.Item>
        )}
      </Descriptions>

      {s === 'call_back' && (
        <Form form={form} layout="vertical" style={{ marginTop: 16 }}>
          <Form.Item name="reached" label={t('cr.reached')} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: true, label: t('cr.reachedYes') },
                { value: false, label: t('cr.reachedNo') },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label={t('cr.callNote')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      )}
      {s === 'verify' && (
        <Form form={form} layout="vertical" style={{ marginTop: 16 }} initialValues={{ rectifyDays: 15 }}>
          <Form.Item name="finding" label={t('cr.finding')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
          <Form.Item name="rectifyDays" label={t('cr.rectifyDays')} rules={[{ required: true }]}>
            <InputNumber min={1} max={60} />
          </Form.Item>
        </Form>
      )}
      {s === 'rectify' && (
        <>
          <Form
            form={planForm}
            layout="vertical"
            style={{ marginTop: 16 }}
            initialValues={{ plan: current.plan ?? '', responsible: current.responsible ?? '' }}
          >
            <Form.Item name="plan" label={t('cr.plan')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
            <Form.Item name="responsible" label={t('cr.responsible')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={50} />
            </Form.Item>
            <Button onClick={savePlan} loading={move.isPending}>
              {t('cr.savePlan')}
            </Button>
          </Form>
          <Divider />
          <div>{t('cr.evidence')}</div>
          <ul>
            {current.evidence.map((e) => (
              <li key={e.id}>
                <a href={`/api/rating/case-tasks/${current.id}/evidence/${e.id}`} target="_blank" rel="noreferrer">
                  {e.name}
                </a>{' '}
                · {e.byName}
              </li>
            ))}
          </ul>
          <label>
            {t('cr.upload')}：
            <input
              type="file"
              aria-label={t('cr.upload')}
              accept=".pdf,.jpg,.jpeg,.png"
              onChange={(e) => {
                void onFile(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
          </label>
          <Divider />
          <Form form={form} layout="vertical">
            <Form.Item name="note" label={t('cr.rectifiedNote')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </Form>
        </>
      )}
      <Divider>{t('cr.trail')}</Divider>
      <Timeline
        items={current.events.map((e) => ({
          children: `${new Date(e.at).toLocaleString('zh-CN')} ${e.byName} ${t(`cr.action.${e.action}` as MessageKey)}${e.fromStage === e.toStage ? '' : `（${t(`cr.stage.${e.fromStage}` as MessageKey)} → ${t(`cr.stage.${e.toStage}` as MessageKey)}）`}`,
        }))}
      />
    </Modal>
  );
}

/** 差评整改: the bad case ratings and where each stands in its loop, open ones first by due day. */
export function CaseRatingTasksPage() {
  const t = useT();
  const [stage, setStage] = useState('open');
  const list = useRatingTasks(stage);
  const [current, setCurrent] = useState<RatingTask | null>(null);
  if (list.error && !list.data) return <QueryError error={list.error} onRetry={() => list.refetch()} />;
  return (
    <Card
      title={t('cr.tasksTitle')}
      extra={
        <Segmented
          value={stage}
          onChange={(v) => setStage(String(v))}
          options={[
            { value: 'open', label: t('cr.openOnly') },
            { value: 'closed', label: t('cr.stage.closed') },
          ]}
        />
      }
    >
      <Table<RatingTask>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={false}
        columns={[
          { title: t('cr.caseNo'), dataIndex: 'caseNo' },
          { title: t('cr.item'), dataIndex: 'itemName' },
          { title: t('cr.applicant'), dataIndex: 'applicantName' },
          { title: t('cr.phone'), render: (_, r) => <Phone task={r} /> },
          { title: t('cr.rating'), render: (_, r) => t(`ratingLevel.${r.rating.level}` as MessageKey) },
          { title: t('cr.stage'), render: (_, r) => t(`cr.stage.${r.stage}` as MessageKey) },
          {
            title: t('cr.due'),
            render: (_, r) => (r.dueDay ? <Tag color={lightColor[r.light]}>{r.dueDay}</Tag> : '—'),
          },
          { title: t('cr.staff'), dataIndex: 'staffName' },
          {
            title: t('common.actions'),
            render: (_, r) => (
              <Button type="link" onClick={() => setCurrent(r)}>
                {t('cr.handle')}
              </Button>
            ),
          },
        ]}
      />
      {current && (
        <TaskDialog
          task={current}
          onClose={() => {
            setCurrent(null);
            void list.refetch();
          }}
        />
      )}
    </Card>
  );
}
