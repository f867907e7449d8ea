import { App, Button, Card, DatePicker, Form, Input, Modal, Radio, Segmented, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  conductCategories,
  conductMeasureLabels,
  conductMeasures,
} from '../../../../server/src/domain/people/index.ts';
import { applyFieldError } from '../../api/formErrors';
import { type ConductInput, type ConductRecord, useConductRecords, useRecordConduct } from '../../api/people';
import { formatTime } from '../../components/format';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';
import { dayText, useHallChoice, useStaffOptions } from './common';
import { chinaToday } from '../../lib/china-day';

/** 奖惩: discipline and reward records of the hall's staff, each waiting for the person's acknowledgement. */
export function ConductPage() {
  const t = useT();
  const { hallId, picker } = useHallChoice();
  const [kind, setKind] = useState<ConductRecord['kind'] | ''>('');
  const [status, setStatus] = useState<ConductRecord['status'] | ''>('');
  const [page, setPage] = useState(1);
  const list = useConductRecords({ hallId, kind: kind || undefined, status: status || undefined, page });
  const [creating, setCreating] = useState(false);
  if (list.error && !list.data) return <QueryError error={list.error} onRetry={() => list.refetch()} />;
  return (
    <Card
      title={t('cd.title')}
      extra={
        <Space>
          {picker}
          <Segmented
            value={kind}
            onChange={(v) => setKind(v as ConductRecord['kind'] | '')}
            options={[
              { value: '', label: t('cd.all') },
              { value: 'sanction', label: t('cd.kind.sanction') },
              { value: 'reward', label: t('cd.kind.reward') },
            ]}
          />
          <Select
            style={{ width: 140 }}
            value={status}
            onChange={setStatus}
            options={[
              { value: '', label: t('cd.all') },
              { value: 'pending_ack', label: t('cd.status.pending_ack') },
              { value: 'acknowledged', label: t('cd.status.acknowledged') },
            ]}
          />
          <Button type="primary" onClick={() => setCreating(true)} disabled={!hallId}>
            {t('cd.new')}
          </Button>
        </Space>
      }
    >
      <Table<ConductRecord>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('cd.occurredOn'), dataIndex: 'occurredOn', width: 110 },
          { title: t('pp.person'), dataIndex: 'userName', width: 100 },
          {
            title: t('cd.kind'),
            width: 80,
            render: (_, r) => (
              <Tag color={r.kind === 'reward' ? 'green' : 'volcano'}>{t(`cd.kind.${r.kind}` as MessageKey)}</Tag>
            ),
          },
          { title: t('cd.category'), width: 100, render: (_, r) => t(`cd.category.${r.category}` as MessageKey) },
          { title: t('cd.measure'), dataIndex: 'measureLabel', width: 110 },
          { title: t('cd.facts'), dataIndex: 'facts', ellipsis: true },
          { title: t('cd.recordedBy'), dataIndex: 'recordedByName', width: 90 },
          {
            title: t('cd.status'),
            width: 220,
            render: (_, r) =>
              r.status === 'acknowledged' ? (
                <Space orientation="vertical" size={0}>
                  <Tag color="green">
                    {t('cd.status.acknowledged')} {formatTime(r.acknowledgedAt)}
                  </Tag>
                  {r.ackNote && <span title={r.ackNote}>{`${t('cd.ackNote')}：${r.ackNote}`}</span>}
                </Space>
              ) : (
                <Tag color="gold">{t('cd.status.pending_ack')}</Tag>
              ),
          },
        ]}
      />
      {creating && hallId && <ConductModal hallId={hallId} onClose={() => setCreating(false)} />}
    </Card>
  );
}

type ConductForm = Omit<ConductInput, 'occurredOn'> & { occurredOn: Dayjs };

function ConductModal({ hallId, onClose }: { hallId: string; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const create = useRecordConduct();
  const staff = useStaffOptions(hallId);
  const [form] = Form.useForm<ConductForm>();
  const kind = Form.useWatch('kind', form) ?? 'sanction';
  const save = async () => {
    const v = await form.validateFields();
    try {
      await create.mutateAsync({ ...v, occurredOn: dayText(v.occurredOn) });
      message.success(t('cd.recorded'));
      onClose();
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  return (
    <Modal open width={640} title={t('cd.new')} onOk={save} confirmLoading={create.isPending} onCancel={onClose}>
      <Form<ConductForm>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'sanction', category: 'service', measure: 'warning', occurredOn: chinaToday() }}
        onValuesChange={(changed) => {
          if (changed.kind) form.setFieldValue('measure', conductMeasures[changed.kind as 'sanction' | 'reward'][0]);
        }}
      >
        <Form.Item name="userId" label={t('pp.person')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={staff} />
        </Form.Item>
        <Form.Item name="kind" label={t('cd.kind')}>
          <Radio.Group
            options={[
              { value: 'sanction', label: t('cd.kind.sanction') },
              { value: 'reward', label: t('cd.kind.reward') },
            ]}
          />
        </Form.Item>
        <Space size={16}>
          <Form.Item name="category" label={t('cd.category')}>
            <Select
              style={{ width: 160 }}
              options={conductCategories.map((c) => ({ value: c, label: t(`cd.category.${c}` as MessageKey) }))}
            />
          </Form.Item>
          <Form.Item name="measure" label={t('cd.measure')}>
            <Select
              style={{ width: 180 }}
              options={conductMeasures[kind].map((m) => ({ value: m, label: measureLabel(m) }))}
            />
          </Form.Item>
          <Form.Item name="occurredOn" label={t('cd.occurredOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="facts" label={t('cd.facts')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const measureLabel = (m: string) => conductMeasureLabels[m as keyof typeof conductMeasureLabels] ?? m;
