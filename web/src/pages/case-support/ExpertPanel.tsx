import { App, Button, Card, Form, Input, InputNumber, Radio, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import {
  type ExpertConsultation,
  type ExpertRequest,
  useCaseExperts,
  useExpertCandidates,
  useRecordOpinion,
  useRequestExpert,
} from '../../api/caseSupport';
import { FormModal } from '../../components/FormModal';
import { formatTime } from '../../components/format';
import { type MessageKey, useT } from '../../i18n';

/** 专家意见 on the case page: the consultations of its steps; call one in from one's own step, record the opinion. */
export function ExpertPanel({ caseId }: { caseId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const q = useCaseExperts(caseId);
  const request = useRequestExpert(caseId);
  const answer = useRecordOpinion(caseId);
  const [requesting, setRequesting] = useState(false);
  const [answering, setAnswering] = useState<ExpertConsultation | null>(null);
  const candidates = useExpertCandidates(caseId, requesting);
  const mySteps = q.data?.mySteps ?? [];
  if (!q.data?.items.length && !mySteps.length) return null;
  return (
    <Card
      size="small"
      title={t('exp.title')}
      style={{ marginTop: 16 }}
      data-testid="expert-panel"
      extra={mySteps.length > 0 && <Button onClick={() => setRequesting(true)}>{t('exp.request')}</Button>}
    >
      <Table<ExpertConsultation>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={q.data?.items}
        locale={{ emptyText: t('exp.none') }}
        columns={[
          { title: t('exp.step'), dataIndex: 'stepName', width: 100 },
          {
            title: t('exp.expert'),
            render: (_v, x) => (
              <>
                {x.expertName}（{x.organisation}
                {x.phone ? `，${x.phone}` : ''}）
              </>
            ),
          },
          { title: t('exp.question'), dataIndex: 'question' },
          {
            title: t('exp.due'),
            width: 150,
            render: (_v, x) => (
              <>
                {x.dueDay}
                {x.dueProvisional && `（${t('exp.provisional')}）`}{' '}
                {x.light === 'red' && <Tag color="red">{t('exp.overdue')}</Tag>}
                {x.light === 'yellow' && <Tag color="gold">{t('exp.dueSoon')}</Tag>}
              </>
            ),
          },
          {
            title: t('exp.opinion'),
            render: (_v, x) =>
              x.opinion ? (
                `${x.opinion}（${x.opinionBy}，${formatTime(x.opinionAt)}）`
              ) : (
                <Tag>{t('exp.status.open')}</Tag>
              ),
          },
          {
            title: '',
            width: 100,
            render: (_v, x) =>
              x.mayAnswer && (
                <Button size="small" type="primary" ghost onClick={() => setAnswering(x)}>
                  {t('exp.recordOpinion')}
                </Button>
              ),
          },
        ]}
      />
      <FormModal<ExpertRequest>
        open={requesting}
        title={t('exp.request')}
        okText={t('exp.request')}
        name="expert-request"
        initialValues={{ stepId: mySteps[0]?.id, kind: 'external', days: 5 }}
        onCancel={() => setRequesting(false)}
        onSubmit={async (v) => {
          await request.mutateAsync(
            v.kind === 'internal'
              ? { ...v, name: undefined, organisation: undefined, phone: undefined }
              : { ...v, expertUserId: undefined },
          );
          message.success(t('exp.requested'));
          setRequesting(false);
        }}
      >
        {(form) => (
          <>
            <Form.Item name="stepId" label={t('exp.step')} rules={[{ required: true }]}>
              <Select options={mySteps.map((s) => ({ value: s.id, label: s.name }))} />
            </Form.Item>
            <Form.Item name="kind" label={t('exp.kind')}>
              <Radio.Group
                options={(['external', 'internal'] as const).map((k) => ({
                  value: k,
                  label: t(`exp.kind.${k}` as MessageKey),
                }))}
              />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
              {() =>
                form.getFieldValue('kind') === 'internal' ? (
                  <Form.Item name="expertUserId" label={t('exp.expertUser')} rules={[{ required: true }]}>
                    <Select
                      showSearch
                      optionFilterProp="label"
                      loading={candidates.isLoading}
                      options={candidates.data?.items.map((u) => ({ value: u.id, label: u.name }))}
                    />
                  </Form.Item>
                ) : (
                  <>
                    <Form.Item name="name" label={t('exp.name')} rules={[{ required: true, whitespace: true }]}>
                      <Input maxLength={60} />
                    </Form.Item>
                    <Form.Item
                      name="organisation"
                      label={t('exp.organisation')}
                      rules={[{ required: true, whitespace: true }]}
                    >
                      <Input maxLength={120} />
                    </Form.Item>
                    <Form.Item name="phone" label={t('exp.phone')} rules={[{ required: true, whitespace: true }]}>
                      <Input maxLength={20} />
                    </Form.Item>
                  </>
                )
              }
            </Form.Item>
            <Form.Item name="question" label={t('exp.question')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item name="days" label={t('exp.days')} rules={[{ required: true }]}>
              <InputNumber min={1} max={60} />
            </Form.Item>
          </>
        )}
      </FormModal>
      <FormModal<{ opinion: string }>
        open={!!answering}
        title={`${t('exp.recordOpinion')}：${answering?.expertName ?? ''}`}
        okText={t('exp.recordOpinion')}
        name="expert-opinion"
        onCancel={() => setAnswering(null)}
        onSubmit={async (v) => {
          await answer.mutateAsync({ id: answering!.id, opinion: v.opinion });
          message.success(t('exp.recorded'));
          setAnswering(null);
        }}
      >
        {answering && (
          <p>
            {t('exp.question')}：{answering.question}
          </p>
        )}
        <Form.Item name="opinion" label={t('exp.opinion')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
