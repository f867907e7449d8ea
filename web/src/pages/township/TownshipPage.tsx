import { App, Alert, Button, Card, Form, Input, Radio, Select, Space, Steps, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Applicant } from '../../api/cases';
import { applyFieldError } from '../../api/formErrors';
import {
  type PickupPlace,
  type StationCase,
  type StationHandOverInput,
  stationDocumentUrl,
  useAcceptAtStation,
  useHandOverAtStation,
  useNotifyAtStation,
  useStationCases,
  useStationItems,
} from '../../api/township';
import { formatTime } from '../../components/format';
import { useHallOptions } from '../../components/HallSelect';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';
import { ApplicantPicker } from '../reception/ApplicantPicker';
import { MaterialsChecklist } from '../reception/MaterialsChecklist';
import { type Row, rowsFor } from '../reception/checklist';
import { StateTag } from '../cases/labels';

const ID_DOCS = ['resident_id', 'residence_permit', 'hk_macao_permit', 'taiwan_permit', 'passport'] as const;

/** 县乡联办 at a township station: receive a county item, follow the county's progress, hand the result over. */
export function TownshipPage() {
  const t = useT();
  const halls = useHallOptions();
  const [stationId, setStationId] = useState<string>();
  useEffect(() => {
    if (!stationId && halls.options.length) setStationId(halls.options[0]!.value);
  }, [stationId, halls.options]);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('tw.title')}
        extra={
          halls.options.length > 1 && (
            <Space>
              {t('tw.station')}
              <Select style={{ width: 260 }} value={stationId} onChange={setStationId} options={halls.options} />
            </Space>
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('tw.hint')}</Typography.Paragraph>
        {stationId && <ReceptionForm stationId={stationId} />}
      </Card>
      {stationId && <StationCases stationId={stationId} />}
    </Space>
  );
}

function ReceptionForm({ stationId }: { stationId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [form] = Form.useForm<{ pickup: PickupPlace; mailingAddress: string }>();
  const items = useStationItems(stationId);
  const accept = useAcceptAtStation();
  const [itemId, setItemId] = useState<string>();
  const [applicant, setApplicant] = useState<Applicant | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [done, setDone] = useState<StationCase | null>(null);
  const item = useMemo(() => items.data?.items.find((i) => i.id === itemId), [items.data, itemId]);
  const pickup = Form.useWatch('pickup', form);
  useEffect(() => {
    setRows(
      item ? rowsFor(item.materials.map((m) => ({ ...m, notes: '', hasBlankForm: false, hasSample: false }))) : [],
    );
  }, [item]);
  if (items.error) return <QueryError error={items.error} onRetry={() => items.refetch()} />;

  const submit = async (v: { pickup: PickupPlace; mailingAddress?: string }) => {
    if (!item) return;
    if (!applicant) {
      message.warning(t('rc.why.applicant'));
      return;
    }
    try {
      const c = await accept.mutateAsync({
        stationHallId: stationId,
        itemId: item.id,
        applicantId: applicant.id,
        agentId: null,
        powerOfAttorneyChecked: false,
        materials: rows.map(({ key, status, copies, pages, reason }) => ({ key, status, copies, pages, reason })),
        pickup: v.pickup,
        mailingAddress: v.mailingAddress ?? '',
      });
      setDone(c);
      message.success(t('tw.accepted', { no: c.caseNo ?? '', hall: c.countyName }));
      setItemId(undefined);
      setApplicant(null);
      form.resetFields();
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };

  return (
    <>
      {done && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('tw.accepted', { no: done.caseNo ?? '', hall: done.countyName })}
          description={
            <Space wrap>
              {done.itemName}　{done.applicantName}　{t('tw.pickup')}：{done.pickupLabel}
              {done.documents.map((d) => (
                <a key={d.id} href={stationDocumentUrl(done.caseId, d.id)} target="_blank" rel="noreferrer">
                  {t('tw.receipt')}（{d.docNo}）
                </a>
              ))}
            </Space>
          }
          closable
          onClose={() => setDone(null)}
        />
      )}
      {/* The applicant picker has its own form, so it stands outside the reception form (forms do not nest). */}
      <Typography.Text strong>{t('tw.item')}</Typography.Text>
      <div style={{ margin: '8px 0 16px' }}>
        <Select
          aria-label={t('tw.item')}
          value={itemId}
          onChange={setItemId}
          loading={items.isLoading}
          placeholder={t('tw.itemPlaceholder')}
          notFoundContent={t('tw.noItems')}
          options={(items.data?.items ?? []).map((i) => ({
            value: i.id,
            label: `${i.code} ${i.name}（${i.hallName}）`,
          }))}
          style={{ width: '100%', maxWidth: 640 }}
        />
      </div>
      {item && (
        <>
          <Typography.Paragraph>
            <Tag color="geekblue">{t('tw.processedBy', { hall: item.hallName, n: item.promisedDays })}</Tag>
          </Typography.Paragraph>
          <Typography.Text strong>{t('rc.section.applicant')}</Typography.Text>
          <div style={{ margin: '8px 0 16px' }}>
            <ApplicantPicker hallId={stationId} party="applicant" value={applicant} onChange={setApplicant} />
          </div>
          <MaterialsChecklist rows={rows} onChange={setRows} />
          <Form
            form={form}
            layout="vertical"
            initialValues={{ pickup: 'station' }}
            onFinish={submit}
            style={{ marginTop: 16 }}
          >
            <Form.Item name="pickup" label={t('tw.pickup')}>
              <Radio.Group>
                <Radio value="station">{t('tw.pickup.station')}</Radio>
                <Radio value="county">{t('tw.pickup.county')}</Radio>
                {item.postAllowed && <Radio value="post">{t('tw.pickup.post')}</Radio>}
              </Radio.Group>
            </Form.Item>
            {pickup === 'post' && (
              <Form.Item
                name="mailingAddress"
                label={t('tw.mailingAddress')}
                rules={[{ required: true, whitespace: true, message: t('tw.mailingAddressRequired') }]}
              >
                <Input maxLength={300} style={{ maxWidth: 640 }} />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" loading={accept.isPending}>
              {t('tw.accept')}
            </Button>
          </Form>
        </>
      )}
    </>
  );
}

function StationCases({ stationId }: { stationId: string }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const list = useStationCases(stationId, page);
  const [handing, setHanding] = useState<StationCase | null>(null);
  const notifyAt = useNotifyAtStation();
  const notify = useNotifyError();
  const { message } = App.useApp();
  if (list.error) return <QueryError error={list.error} onRetry={() => list.refetch()} />;
  return (
    <Card title={t('tw.cases')}>
      <Table<StationCase>
        rowKey="caseId"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage }}
        expandable={{ expandedRowRender: (c) => <CountyProgress c={c} /> }}
        locale={{ emptyText: t('tw.casesEmpty') }}
        columns={[
          { title: t('tw.caseNo'), dataIndex: 'caseNo', width: 180 },
          {
            title: t('tw.item'),
            render: (_v, c) => (
              <>
                {c.itemName}
                <div>
                  <Typography.Text type="secondary">{c.countyName}</Typography.Text>
                </div>
              </>
            ),
          },
          { title: t('tw.applicant'), dataIndex: 'applicantName', width: 70 },
          {
            title: t('tw.progress'),
            width: 160,
            render: (_v, c) => (
              <Space size={4} wrap>
                <StateTag state={c.state as never} label={c.stateLabel} />
                {c.currentStep}
              </Space>
            ),
          },
          {
            title: t('tw.promised'),
            width: 110,
            render: (_v, c) => (
              <>
                {c.deadline ?? '—'}
                {c.deadlineProvisional && <Tag color="warning">{t('cs.provisional')}</Tag>}
              </>
            ),
          },
          {
            title: `${t('tw.pickup')} / ${t('tw.handedOver')}`,
            width: 170,
            render: (_v, c) => (
              <>
                {c.pickupLabel}
                <div>
                  <Typography.Text type={c.handedOver ? 'success' : 'secondary'}>
                    {c.handedOver
                      ? t('tw.handedOverAt', { hall: c.handedOver.hallName, by: c.handedOver.by })
                      : t('tw.notHandedOver')}
                  </Typography.Text>
                </div>
              </>
            ),
          },
          {
            title: t('common.actions'),
            width: 150,
            render: (_v, c) => (
              <Space size={4}>
                {c.actions.includes('notifyResult') && (
                  <Button
                    size="small"
                    loading={notifyAt.isPending}
                    onClick={() =>
                      notifyAt
                        .mutateAsync({ caseId: c.caseId, channel: 'sms' })
                        .then(() => message.success(t('tw.notified')), notify)
                    }
                  >
                    {t('tw.notify')}
                  </Button>
                )}
                {c.actions.includes('handOver') && (
                  <Button size="small" type="primary" onClick={() => setHanding(c)}>
                    {t('tw.handOver')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {handing && <HandOverPanel c={handing} onClose={() => setHanding(null)} />}
    </Card>
  );
}

function CountyProgress({ c }: { c: StationCase }) {
  const t = useT();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Steps
        size="small"
        current={Math.max(
          0,
          c.steps.findIndex((s) => s.status === 'active'),
        )}
        items={c.steps.map((s) => ({
          title: s.name,
          description: s.doneAt ? formatTime(s.doneAt) : undefined,
          status: s.status === 'done' || s.status === 'skipped' ? 'finish' : s.status === 'active' ? 'process' : 'wait',
        }))}
      />
      <Space wrap>
        {t('tw.documents')}：
        {c.documents.map((d) => (
          <a key={d.id} href={stationDocumentUrl(c.caseId, d.id)} target="_blank" rel="noreferrer">
            {d.kindLabel} {d.docNo}
          </a>
        ))}
      </Space>
    </Space>
  );
}

function HandOverPanel({ c, onClose }: { c: StationCase; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [form] = Form.useForm<StationHandOverInput>();
  const handOver = useHandOverAtStation();
  const submit = async (v: StationHandOverInput) => {
    try {
      await handOver.mutateAsync({ caseId: c.caseId, ...v });
      message.success(t('tw.handedOverOk'));
      onClose();
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  return (
    <Card
      title={t('tw.handOverTitle', { no: c.caseNo ?? '' })}
      size="small"
      style={{ marginTop: 16 }}
      extra={<Button onClick={onClose}>{t('common.cancel')}</Button>}
    >
      <Form
        form={form}
        layout="inline"
        initialValues={{ collectedBy: c.applicantName, docType: 'resident_id' }}
        onFinish={submit}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="collectedBy" label={t('tw.collectedBy')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={60} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="docType" label={t('tw.docType')}>
          <Select
            style={{ width: 200 }}
            options={ID_DOCS.map((d) => ({ value: d, label: t(`docType.${d}` as 'docType.passport') }))}
          />
        </Form.Item>
        <Form.Item name="docNumber" label={t('tw.docNumber')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={40} style={{ width: 220 }} autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={handOver.isPending}>
          {t('tw.handOver')}
        </Button>
      </Form>
    </Card>
  );
}
