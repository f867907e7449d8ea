import { App, Button, Card, Form, Input, Modal, Select, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useCan } from '../../api/auth';
import {
  type Appeal,
  type Figure,
  type MyRating,
  type Suggestion,
  useAppeals,
  useFigures,
  useMyRatings,
  useRatingPost,
  useSuggestions,
} from '../../api/caseRatings';
import { useDepartments } from '../../api/org';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';

const appealColor = { open: 'gold', upheld: 'green', rejected: 'default' } as const;

/** One small form in a dialog: the fields, the call, the message shown when it is done. */
function useDialog() {
  const { message } = App.useApp();
  const notify = useNotifyError();
  const post = useRatingPost<unknown>();
  const [form] = Form.useForm();
  const [open, setOpen] = useState<{
    title: string;
    path: string;
    done: string;
    fields: React.ReactNode;
    map?: (v: any) => unknown;
  } | null>(null);
  const ok = async () => {
    const v = await form.validateFields();
    try {
      await post.mutateAsync({ path: open!.path, body: open!.map ? open!.map(v) : v });
      message.success(open!.done);
      setOpen(null);
      form.resetFields();
    } catch (e) {
      notify(e);
    }
  };
  const node = (
    <Modal
      open={!!open}
      title={open?.title}
      onOk={ok}
      confirmLoading={post.isPending}
      onCancel={() => setOpen(null)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        {open?.fields}
      </Form>
    </Modal>
  );
  return { setOpen, node };
}

function MyRatings() {
  const t = useT();
  const list = useMyRatings(true);
  const d = useDialog();
  return (
    <>
      <Table<MyRating>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={false}
        columns={[
          { title: t('cr.caseNo'), dataIndex: 'caseNo' },
          { title: t('cr.item'), dataIndex: 'itemName' },
          {
            title: t('cr.rating'),
            render: (_, r) => (
              <>
                <Tag color={r.bad ? 'red' : 'green'}>{t(`ratingLevel.${r.level}` as MessageKey)}</Tag>
                {r.round === 2 && t('cr.secondRating')}
                {r.excluded && <Tag>{t('cr.excluded')}</Tag>}
              </>
            ),
          },
          { title: t('cr.comment'), render: (_, r) => [...r.reasons, r.comment].filter(Boolean).join('；') },
          {
            title: t('common.actions'),
            render: (_, r) =>
              r.appeal ? (
                <Tag color={appealColor[r.appeal.status]}>{t(`cr.appeal.${r.appeal.status}` as MessageKey)}</Tag>
              ) : (
                <Button
                  type="link"
                  onClick={() =>
                    d.setOpen({
                      title: `${t('cr.appeal')} · ${r.caseNo}`,
                      path: `/api/rating/case-ratings/${r.id}/appeal`,
                      done: t('cr.appealSent'),
                      fields: (
                        <Form.Item
                          name="reasons"
                          label={t('cr.appealReasons')}
                          rules={[{ required: true, whitespace: true }]}
                        >
                          <Input.TextArea rows={3} maxLength={1000} />
                        </Form.Item>
                      ),
                    })
                  }
                >
                  {t('cr.appeal')}
                </Button>
              ),
          },
        ]}
      />
      {d.node}
    </>
  );
}

function Appeals() {
  const t = useT();
  const list = useAppeals(true);
  const d = useDialog();
  return (
    <>
      <Table<Appeal>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={false}
        columns={[
          { title: t('cr.caseNo'), dataIndex: 'caseNo' },
          { title: t('cr.staff'), dataIndex: 'staffName' },
          { title: t('cr.rating'), render: (_, r) => `${t(`ratingLevel.${r.level}` as MessageKey)} ${r.comment}` },
          { title: t('cr.appealReasons'), dataIndex: 'reasons' },
          {
            title: t('cr.status'),
            render: (_, r) => (
              <Tag color={appealColor[r.status]}>
                {t(`cr.appeal.${r.status}` as MessageKey)}
                {r.decisionNote ? `：${r.decisionNote}` : ''}
              </Tag>
            ),
          },
          {
            title: t('common.actions'),
            render: (_, r) =>
              r.status === 'open' && (
                <Button
                  type="link"
                  onClick={() =>
                    d.setOpen({
                      title: `${t('cr.decide')} · ${r.caseNo}`,
                      path: `/api/rating/appeals/${r.id}/decide`,
                      done: t('cr.decided'),
                      fields: (
                        <>
                          <Form.Item name="upheld" label={t('cr.decide')} rules={[{ required: true }]}>
                            <Select
                              options={[
                                { value: true, label: t('cr.uphold') },
                                { value: false, label: t('cr.reject') },
                              ]}
                            />
                          </Form.Item>
                          <Form.Item
                            name="note"
                            label={t('cr.decisionNote')}
                            rules={[{ required: true, whitespace: true }]}
                          >
                            <Input.TextArea rows={3} maxLength={1000} />
                          </Form.Item>
                        </>
                      ),
                    })
                  }
                >
                  {t('cr.decide')}
                </Button>
              ),
          },
        ]}
      />
      {d.node}
    </>
  );
}

function Figures() {
  const t = useT();
  const list = useFigures(true);
  return (
    <Table<Figure>
      rowKey="staffUserId"
      loading={list.isFetching}
      dataSource={list.data?.items}
      pagination={false}
      columns={[
        { title: t('cr.staff'), dataIndex: 'staffName' },
        { title: t('cr.count'), dataIndex: 'count' },
        { title: t('cr.average'), dataIndex: 'average', render: (v: number | null) => v ?? '—' },
        { title: t('cr.badCount'), dataIndex: 'bad' },
        { title: t('cr.excludedCount'), dataIndex: 'excluded' },
      ]}
    />
  );
}

function Suggestions() {
  const t = useT();
  const list = useSuggestions(true);
  const departments = useDepartments();
  const d = useDialog();
  return (
    <>
      <Table<Suggestion>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={false}
        columns={[
          { title: t('cr.age'), dataIndex: 'ageDays', render: (n: number) => t('cr.ageDays', { n }) },
          { title: t('cr.caseNo'), dataIndex: 'caseNo' },
          { title: t('cr.text'), dataIndex: 'text' },
          { title: t('cr.tags'), render: (_, r) => r.tags.map((x) => <Tag key={x}>{x}</Tag>) },
          { title: t('cr.department'), dataIndex: 'departmentName' },
          {
            title: t('cr.status'),
            render: (_, r) => (
              <>
                {t(`cr.sug.${r.status}` as MessageKey)}
                {r.answer ? `：${r.answer}` : ''}
              </>
            ),
          },
          {
            title: t('common.actions'),
            render: (_, r) =>
              r.status === 'open' ? (
                <Button
                  type="link"
                  onClick={() =>
                    d.setOpen({
                      title: t('cr.forward'),
                      path: `/api/rating/suggestions/${r.id}/forward`,
                      done: t('cr.sug.forwarded'),
                      fields: (
                        <>
                          <Form.Item name="tags" label={t('cr.tags')} rules={[{ required: true }]}>
                            <Select
                              mode="tags"
                              options={['办公时间', '服务态度', '办事流程', '大厅环境', '信息化'].map((v) => ({
                                value: v,
                              }))}
                            />
                          </Form.Item>
                          <Form.Item name="departmentId" label={t('cr.department')} rules={[{ required: true }]}>
                            <Select
                              options={(departments.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
                            />
                          </Form.Item>
                        </>
                      ),
                    })
                  }
                >
                  {t('cr.forward')}
                </Button>
              ) : r.status === 'forwarded' ? (
                <Button
                  type="link"
                  onClick={() =>
                    d.setOpen({
                      title: t('cr.answer'),
                      path: `/api/rating/suggestions/${r.id}/answer`,
                      done: t('cr.sug.answered'),
                      fields: (
                        <Form.Item
                          name="answer"
                          label={t('cr.answerText')}
                          rules={[{ required: true, whitespace: true }]}
                        >
                          <Input.TextArea rows={3} maxLength={1000} />
                        </Form.Item>
                      ),
                    })
                  }
                >
                  {t('cr.answer')}
                </Button>
              ) : null,
          },
        ]}
      />
      {d.node}
    </>
  );
}

/** 评价与申诉: one's own case ratings (and appeals), the supervisor's decisions and figures, the suggestions by age. */
export function CaseFeedbackPage() {
  const t = useT();
  const can = useCan();
  const items = [
    can('staff.self') && { key: 'mine', label: t('cr.mine'), children: <MyRatings /> },
    can('rating.appeal.decide') && { key: 'appeals', label: t('cr.appeals'), children: <Appeals /> },
    can('rating.appeal.decide') && { key: 'figures', label: t('cr.figures'), children: <Figures /> },
    can('rating.follow_up') && { key: 'suggestions', label: t('cr.suggestions'), children: <Suggestions /> },
  ].filter((x): x is { key: string; label: string; children: React.JSX.Element } => !!x);
  return (
    <Card title={t('cr.feedbackTitle')}>
      <Tabs items={items} />
    </Card>
  );
}
