import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { useItems } from '../../api/catalog';
import { applyFieldError } from '../../api/formErrors';
import {
  type Inspection,
  type InspectionItem,
  type Mark,
  useDrawSample,
  useInspections,
  useRecordFinding,
} from '../../api/inspections';
import { useColleagues } from '../../api/staff';
import { useDepartmentOptions } from '../../components/HallSelect';
import { formatTime } from '../../components/format';
import { useNotifyError } from '../../components/useNotifyError';
import { type Translate, useT } from '../../i18n';
import { useHallChoice } from '../people/common';
import { checkLabel } from './labels';
import { NormCheckModal } from './NormCheckModal';
import { chinaToday } from '../../lib/china-day';

const resultTag = (t: Translate, r: InspectionItem['result']) =>
  r === 'pass' ? (
    <Tag color="green">{t('ins.result.pass')}</Tag>
  ) : r === 'finding' ? (
    <Tag color="red">{t('ins.result.finding')}</Tag>
  ) : (
    <Tag>{t('ins.result.pending')}</Tag>
  );

interface DrawForm {
  scope: 'all' | 'item' | 'department' | 'person';
  scopeId?: string;
  period: [Dayjs, Dayjs];
  size: number;
  seed?: number;
}

/** 随机抽查: draw a reproducible sample of accepted cases and record each one against the checklist. */
export function SamplePage() {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const { hallId, picker } = useHallChoice();
  const [page, setPage] = useState(1);
  const list = useInspections(hallId, page);
  const [selectedId, setSelectedId] = useState<string>();
  const [checking, setChecking] = useState<InspectionItem>();
  const draw = useDrawSample();
  const [form] = Form.useForm<DrawForm>();
  const scope = Form.useWatch('scope', form) ?? 'all';
  const items = useItems({ hallId, status: 'published', page: 1, pageSize: 200 }, !!hallId && scope === 'item');
  const departments = useDepartmentOptions(hallId);
  const colleagues = useColleagues(scope === 'person' ? hallId : undefined);
  const [normCheck, setNormCheck] = useState(false);
  const selected: Inspection | undefined = list.data?.items.find((i) => i.id === selectedId) ?? list.data?.items[0];

  const submit = async () => {
    const v = await form.validateFields();
    if (!hallId) return;
    try {
      const drawn = await draw.mutateAsync({
        hallId,
        scope: v.scope,
        scopeId: v.scope === 'all' ? undefined : v.scopeId,
        from: v.period[0].format('YYYY-MM-DD'),
        to: v.period[1].format('YYYY-MM-DD'),
        size: v.size,
        seed: v.seed ?? undefined,
      });
      setSelectedId(drawn.id);
      setPage(1);
      message.success(
        t('ins.sample.drawn', { size: drawn.sampleSize, population: drawn.population, seed: drawn.seed }),
      );
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('ins.sample.title')}
        extra={
          <Space>
            {picker}
            <Button onClick={() => setNormCheck(true)} disabled={!hallId}>
              {t('ins.sample.normCheck')}
            </Button>
          </Space>
        }
      >
        <Form<DrawForm>
          form={form}
          layout="inline"
          initialValues={{ scope: 'all', size: 5, period: [chinaToday().startOf('month'), chinaToday()] }}
          onValuesChange={(changed) => {
            if (changed.scope) form.setFieldValue('scopeId', undefined);
          }}
        >
          <Form.Item name="scope" label={t('ins.sample.scope')}>
            <Segmented
              options={[
                { value: 'all', label: t('ins.scope.all') },
                { value: 'item', label: t('ins.scope.item') },
                { value: 'department', label: t('ins.scope.department') },
                { value: 'person', label: t('ins.scope.person') },
              ]}
            />
          </Form.Item>
          {scope !== 'all' && (
            <Form.Item
              name="scopeId"
              label={t(
                scope === 'item'
                  ? 'ins.sample.item'
                  : scope === 'department'
                    ? 'ins.sample.department'
                    : 'ins.sample.person',
              )}
              rules={[{ required: true }]}
            >
              <Select
                style={{ width: 240 }}
                showSearch
                optionFilterProp="label"
                options={
                  scope === 'item'
                    ? (items.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))
                    : scope === 'department'
                      ? departments.options
                      : (colleagues.data?.items ?? []).map((c) => ({ value: c.userId, label: c.name }))
                }
              />
            </Form.Item>
          )}
          <Form.Item name="period" label={t('ins.sample.period')} rules={[{ required: true }]}>
            <DatePicker.RangePicker allowClear={false} />
          </Form.Item>
          <Form.Item name="size" label={t('ins.sample.size')} rules={[{ required: true }]}>
            <InputNumber min={1} max={50} />
          </Form.Item>
          <Form.Item name="seed" label={t('ins.sample.seed')} tooltip={t('ins.sample.seedHelp')}>
            <InputNumber min={1} max={2147483647} placeholder={t('ins.sample.seedAuto')} style={{ width: 140 }} />
          </Form.Item>
          <Button type="primary" onClick={submit} loading={draw.isPending} disabled={!hallId}>
            {t('ins.sample.draw')}
          </Button>
        </Form>
      </Card>
      <Card
        title={
          selected
            ? t('ins.sample.current', {
                scope: selected.scopeName ?? t('ins.scope.all'),
                from: selected.from ?? '',
                to: selected.to ?? '',
                seed: selected.seed,
                size: selected.sampleSize,
                population: selected.population,
              })
            : t('ins.sample.currentEmpty')
        }
      >
        <Table<InspectionItem>
          rowKey="id"
          dataSource={selected?.items}
          pagination={false}
          locale={{ emptyText: t('ins.sample.empty') }}
          columns={[
            { title: t('ins.sample.seq'), dataIndex: 'seq', width: 60 },
            {
              title: t('ins.sample.caseNo'),
              width: 220,
              render: (_, r) => (r.caseId ? <Link to={`/cases/${r.caseId}`}>{r.caseNo}</Link> : '—'),
            },
            { title: t('ins.sample.itemName'), dataIndex: 'itemName', ellipsis: true },
            { title: t('ins.sample.responsible'), dataIndex: 'subjectName', width: 100 },
            { title: t('ins.sample.result'), width: 110, render: (_, r) => resultTag(t, r.result) },
            { title: t('ins.sample.note'), dataIndex: 'note', ellipsis: true },
            {
              title: t('ins.sample.actions'),
              width: 120,
              render: (_, r) =>
                r.result === 'pending' ? (
                  <Button size="small" type="primary" onClick={() => setChecking(r)}>
                    {t('ins.sample.record')}
                  </Button>
                ) : r.rectificationId ? (
                  <Link to="/rectifications">{t('ins.sample.noticeSent')}</Link>
                ) : (
                  formatTime(r.checkedAt)
                ),
            },
          ]}
        />
      </Card>
      <Card title={t('ins.history.title')}>
        <Table<Inspection>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
          onRow={(r) => ({ onClick: () => setSelectedId(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('ins.history.drawnAt'), width: 170, render: (_, r) => formatTime(r.createdAt) },
            { title: t('ins.history.scope'), render: (_, r) => r.scopeName ?? t('ins.scope.all') },
            {
              title: t('ins.history.period'),
              width: 200,
              render: (_, r) => t('ins.history.periodValue', { from: r.from ?? '', to: r.to ?? '' }),
            },
            { title: t('ins.history.seed'), dataIndex: 'seed', width: 120 },
            { title: t('ins.history.size'), width: 100, render: (_, r) => `${r.sampleSize}/${r.population}` },
            {
              title: t('ins.history.checked'),
              width: 90,
              render: (_, r) => `${r.items.filter((i) => i.result !== 'pending').length}/${r.items.length}`,
            },
            { title: t('ins.history.inspector'), dataIndex: 'createdByName', width: 100 },
          ]}
        />
      </Card>
      {checking && selected && (
        <FindingModal item={checking} checklist={selected.checklist} onClose={() => setChecking(undefined)} />
      )}
      {normCheck && hallId && <NormCheckModal hallId={hallId} onClose={() => setNormCheck(false)} />}
    </Space>
  );
}

function FindingModal({
  item,
  checklist,
  onClose,
}: {
  item: InspectionItem;
  checklist: { key: string; label: string }[];
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const record = useRecordFinding();
  const [form] = Form.useForm<{ checks: Record<string, Mark>; note: string; workingDays: number }>();
  const save = async () => {
    const v = await form.validateFields();
    try {
      const out = await record.mutateAsync({ itemId: item.id, ...v, note: v.note ?? '' });
      const done = out.items.find((i) => i.id === item.id);
      message.success(t(done?.rectificationId ? 'ins.finding.savedProblem' : 'ins.finding.savedPass'));
      onClose();
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  return (
    <Modal
      open
      width={620}
      title={t('ins.finding.title', { subject: item.caseNo ?? item.subjectName })}
      onOk={save}
      confirmLoading={record.isPending}
      onCancel={onClose}
      okText={t('ins.check.save')}
    >
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 9 }}
        initialValues={{ checks: Object.fromEntries(checklist.map((c) => [c.key, 'ok'])), workingDays: 5, note: '' }}
      >
        {checklist.map((c) => (
          <Form.Item key={c.key} name={['checks', c.key]} label={checkLabel(t, c)}>
            <Radio.Group
              options={[
                { value: 'ok', label: t('ins.mark.ok') },
                { value: 'problem', label: t('ins.mark.problem') },
              ]}
            />
          </Form.Item>
        ))}
        <Form.Item name="note" label={t('ins.check.note')}>
          <Input.TextArea rows={3} maxLength={1000} placeholder={t('ins.check.notePlaceholder')} />
        </Form.Item>
        <Form.Item name="workingDays" label={t('ins.check.workingDays')}>
          <InputNumber min={1} max={30} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
