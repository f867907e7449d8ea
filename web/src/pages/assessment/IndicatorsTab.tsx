import { App, Button, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type AssessmentIndicator, useIndicators, useSaveIndicators } from '../../api/assessment';
import { isApiError } from '../../api/client';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';

/** 指标设置: the station head edits targets, weights (totalling 100), formulas and sources of the hall's indicators. */
export function IndicatorsTab({ hallId }: { hallId: string | undefined }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const set = useIndicators(hallId);
  const save = useSaveIndicators();
  const [rows, setRows] = useState<AssessmentIndicator[]>([]);
  const [badField, setBadField] = useState<string | null>(null);
  useEffect(() => setRows(set.data?.items ?? []), [set.data]);
  if (set.error && !set.data) return <QueryError error={set.error} onRetry={() => set.refetch()} />;
  const sum = rows.reduce((n, r) => n + (r.weight ?? 0), 0);
  const edit = (k: number, patch: Partial<AssessmentIndicator>) =>
    setRows(rows.map((r, i) => (i === k ? { ...r, ...patch } : r)));
  const onSave = async () => {
    if (!hallId) return;
    setBadField(null);
    try {
      await save.mutateAsync({ hallId, indicators: rows });
      message.success(t('asm.ind.saved'));
    } catch (e) {
      if (isApiError(e) && e.field) setBadField(e.field);
      notify(e);
    }
  };
  const cellStatus = (k: number, name: string) => (badField === `indicators.${k}.${name}` ? 'error' : undefined);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space>
        <Typography.Text type={sum === 100 ? undefined : 'danger'}>{t('asm.ind.sum', { n: sum })}</Typography.Text>
        <Button type="primary" onClick={onSave} loading={save.isPending}>
          {t('asm.ind.save')}
        </Button>
      </Space>
      <Table<AssessmentIndicator>
        rowKey="code"
        size="small"
        pagination={false}
        loading={set.isFetching}
        dataSource={rows}
        columns={[
          { title: t('asm.ind.code'), dataIndex: 'code', width: 170 },
          {
            title: t('asm.ind.name'),
            width: 150,
            render: (_, r, k) => (
              <Input
                value={r.name}
                status={cellStatus(k, 'name')}
                onChange={(e) => edit(k, { name: e.target.value })}
              />
            ),
          },
          {
            title: t('asm.ind.formula'),
            render: (_, r, k) => (
              <Input.TextArea
                autoSize
                value={r.formula}
                status={cellStatus(k, 'formula')}
                onChange={(e) => edit(k, { formula: e.target.value })}
              />
            ),
          },
          {
            title: t('asm.ind.source'),
            width: 170,
            render: (_, r, k) => <Input value={r.source} onChange={(e) => edit(k, { source: e.target.value })} />,
          },
          {
            title: t('asm.target'),
            width: 100,
            render: (_, r, k) => (
              <InputNumber
                aria-label={`${r.code}-target`}
                min={0}
                value={r.target}
                status={cellStatus(k, 'target')}
                onChange={(v) => edit(k, { target: v ?? 0 })}
              />
            ),
          },
          {
            title: t('asm.ind.direction'),
            width: 120,
            render: (_, r, k) => (
              <Select
                value={r.direction}
                style={{ width: 110 }}
                onChange={(v) => edit(k, { direction: v })}
                options={[
                  { value: 'higher', label: t('asm.higher') },
                  { value: 'lower', label: t('asm.lower') },
                ]}
              />
            ),
          },
          {
            title: t('asm.weight'),
            width: 90,
            render: (_, r, k) => (
              <InputNumber
                aria-label={`${r.code}-weight`}
                min={0}
                max={100}
                precision={0}
                value={r.weight}
                status={badField === 'indicators' || cellStatus(k, 'weight') ? 'error' : undefined}
                onChange={(v) => edit(k, { weight: v ?? 0 })}
              />
            ),
          },
          { title: t('asm.ind.unit'), dataIndex: 'unit', width: 70 },
        ]}
      />
    </Space>
  );
}
