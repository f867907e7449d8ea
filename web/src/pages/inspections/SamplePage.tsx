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
import dayjs, { type Dayjs } from 'dayjs';
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
import { useHallChoice } from '../people/common';
import { NormCheckModal } from './NormCheckModal';

const resultTag = (r: InspectionItem['result']) =>
  r === 'pass' ? (
    <Tag color="green">无问题</Tag>
  ) : r === 'finding' ? (
    <Tag color="red">发现问题</Tag>
  ) : (
    <Tag>待检查</Tag>
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
      message.success(`已抽取 ${drawn.sampleSize} 件（共 ${drawn.population} 件，随机种子 ${drawn.seed}）`);
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="随机抽查 · 抽取样本"
        extra={
          <Space>
            {picker}
            <Button onClick={() => setNormCheck(true)} disabled={!hallId}>
              服务规范检查
            </Button>
          </Space>
        }
      >
        <Form<DrawForm>
          form={form}
          layout="inline"
          initialValues={{ scope: 'all', size: 5, period: [dayjs().startOf('month'), dayjs()] }}
          onValuesChange={(changed) => {
            if (changed.scope) form.setFieldValue('scopeId', undefined);
          }}
        >
          <Form.Item name="scope" label="抽查范围">
            <Segmented
              options={[
                { value: 'all', label: '全部办件' },
                { value: 'item', label: '按事项' },
                { value: 'department', label: '按部门' },
                { value: 'person', label: '按人员' },
              ]}
            />
          </Form.Item>
          {scope !== 'all' && (
            <Form.Item
              name="scopeId"
              label={scope === 'item' ? '事项' : scope === 'department' ? '部门' : '人员'}
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
          <Form.Item name="period" label="受理期间" rules={[{ required: true }]}>
            <DatePicker.RangePicker allowClear={false} />
          </Form.Item>
          <Form.Item name="size" label="抽取件数" rules={[{ required: true }]}>
            <InputNumber min={1} max={50} />
          </Form.Item>
          <Form.Item name="seed" label="随机种子" tooltip="留空则随机生成；填入以往样本的种子可复现同一样本">
            <InputNumber min={1} max={2147483647} placeholder="自动" style={{ width: 140 }} />
          </Form.Item>
          <Button type="primary" onClick={submit} loading={draw.isPending} disabled={!hallId}>
            抽取样本
          </Button>
        </Form>
      </Card>
      <Card
        title={
          selected
            ? `抽查样本：${selected.scopeName ?? '全部办件'} ${selected.from} 至 ${selected.to}（种子 ${selected.seed}，${selected.sampleSize}/${selected.population} 件）`
            : '抽查样本'
        }
      >
        <Table<InspectionItem>
          rowKey="id"
          dataSource={selected?.items}
          pagination={false}
          locale={{ emptyText: '尚未抽取样本' }}
          columns={[
            { title: '序号', dataIndex: 'seq', width: 60 },
            {
              title: '办件编号',
              width: 220,
              render: (_, r) => (r.caseId ? <Link to={`/cases/${r.caseId}`}>{r.caseNo}</Link> : '—'),
            },
            { title: '事项', dataIndex: 'itemName', ellipsis: true },
            { title: '责任人', dataIndex: 'subjectName', width: 100 },
            { title: '检查结果', width: 110, render: (_, r) => resultTag(r.result) },
            { title: '问题说明', dataIndex: 'note', ellipsis: true },
            {
              title: '操作',
              width: 120,
              render: (_, r) =>
                r.result === 'pending' ? (
                  <Button size="small" type="primary" onClick={() => setChecking(r)}>
                    登记检查
                  </Button>
                ) : r.rectificationId ? (
                  <Link to="/rectifications">已发整改通知</Link>
                ) : (
                  formatTime(r.checkedAt)
                ),
            },
          ]}
        />
      </Card>
      <Card title="以往抽查">
        <Table<Inspection>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
          onRow={(r) => ({ onClick: () => setSelectedId(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: '抽取时间', width: 170, render: (_, r) => formatTime(r.createdAt) },
            { title: '范围', render: (_, r) => r.scopeName ?? '全部办件' },
            { title: '期间', width: 200, render: (_, r) => `${r.from} 至 ${r.to}` },
            { title: '随机种子', dataIndex: 'seed', width: 120 },
            { title: '样本/总数', width: 100, render: (_, r) => `${r.sampleSize}/${r.population}` },
            {
              title: '已检查',
              width: 90,
              render: (_, r) => `${r.items.filter((i) => i.result !== 'pending').length}/${r.items.length}`,
            },
            { title: '检查人', dataIndex: 'createdByName', width: 100 },
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
  const { message } = App.useApp();
  const notify = useNotifyError();
  const record = useRecordFinding();
  const [form] = Form.useForm<{ checks: Record<string, Mark>; note: string; workingDays: number }>();
  const save = async () => {
    const v = await form.validateFields();
    try {
      const out = await record.mutateAsync({ itemId: item.id, ...v, note: v.note ?? '' });
      const done = out.items.find((i) => i.id === item.id);
      message.success(done?.rectificationId ? '已登记问题，并向责任人发出整改通知' : '已登记：该案卷无问题');
      onClose();
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  return (
    <Modal
      open
      width={620}
      title={`登记检查：${item.caseNo ?? item.subjectName}`}
      onOk={save}
      confirmLoading={record.isPending}
      onCancel={onClose}
      okText="保存检查结果"
    >
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 9 }}
        initialValues={{ checks: Object.fromEntries(checklist.map((c) => [c.key, 'ok'])), workingDays: 5, note: '' }}
      >
        {checklist.map((c) => (
          <Form.Item key={c.key} name={['checks', c.key]} label={c.label}>
            <Radio.Group
              options={[
                { value: 'ok', label: '符合' },
                { value: 'problem', label: '有问题' },
              ]}
            />
          </Form.Item>
        ))}
        <Form.Item name="note" label="问题说明">
          <Input.TextArea rows={3} maxLength={1000} placeholder="发现问题时写明具体情况" />
        </Form.Item>
        <Form.Item name="workingDays" label="整改期限（工作日）">
          <InputNumber min={1} max={30} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
