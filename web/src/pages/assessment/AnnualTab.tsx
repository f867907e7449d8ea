import { App, Button, DatePicker, Popconfirm, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { type AnnualRow, useAnnual, useSignAnnual } from '../../api/assessment';
import { useCan } from '../../api/auth';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';
import { gradeColor } from './CardDrawer';
import { chinaToday } from '../../lib/china-day';

/** 岗位责任制年度考核: each person's monthly totals, the year's mean and grade, the station head's sign-off. */
export function AnnualTab({ hallId }: { hallId: string | undefined }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [year, setYear] = useState(() => chinaToday().format('YYYY'));
  const annual = useAnnual(hallId, year);
  const sign = useSignAnnual();
  if (annual.error && !annual.data) return <QueryError error={annual.error} onRetry={() => annual.refetch()} />;
  const onSign = async (subjectId: string) => {
    if (!hallId) return;
    try {
      await sign.mutateAsync({ hallId, year, subjectId });
      message.success(t('asm.annual.signed'));
    } catch (e) {
      notify(e);
    }
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <DatePicker
        aria-label={t('asm.annual.year')}
        picker="year"
        allowClear={false}
        value={dayjs(`${year}-01-01`)}
        onChange={(d) => d && setYear(d.format('YYYY'))}
      />
      <Table<AnnualRow>
        rowKey="subjectId"
        size="small"
        loading={annual.isFetching}
        dataSource={annual.data?.items}
        pagination={false}
        columns={[
          { title: t('asm.subject'), dataIndex: 'subjectName', width: 140 },
          {
            title: t('asm.annual.months'),
            render: (_, r) =>
              r.months.map((m) => (
                <Tag key={m.month} color={m.signed ? 'green' : undefined}>
                  {m.month.slice(5)}：{m.total ?? '—'}
                </Tag>
              )),
          },
          { title: t('asm.total'), width: 80, render: (_, r) => <b>{r.total ?? '—'}</b> },
          {
            title: t('asm.grade'),
            width: 90,
            render: (_, r) => (r.grade ? <Tag color={gradeColor[r.grade]}>{r.gradeName}</Tag> : '—'),
          },
          {
            title: t('asm.status'),
            width: 200,
            render: (_, r) =>
              r.version > 0 ? (
                <Tag color="green">{t('asm.signedV', { v: r.version })}</Tag>
              ) : can('assessment.sign') ? (
                <Popconfirm title={t('asm.signConfirm')} onConfirm={() => onSign(r.subjectId)}>
                  <Button size="small">{t('asm.annual.sign')}</Button>
                </Popconfirm>
              ) : (
                <Tag>{t('asm.unsigned')}</Tag>
              ),
          },
        ]}
      />
    </Space>
  );
}
