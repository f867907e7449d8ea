import { App, Button, Card, DatePicker, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan, useMe } from '../../api/auth';
import {
  type FeeEntry,
  type ReportLine,
  useDailyReport,
  useDecideRefund,
  useWaitingRefunds,
  yuan,
} from '../../api/emergency';
import { HallSelect } from '../../components/HallSelect';
import { useT } from '../../i18n';
import { chinaToday } from '../reception/ReceptionPage';

/** 收费管理: the refunds waiting for approval and the daily reconciliation (收费日报) with its Excel export. */
export function FeesPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [hallId, setHallId] = useState<string | undefined>(me?.halls[0]?.id);
  const [day, setDay] = useState(chinaToday());
  const hall = hallId ?? me?.halls[0]?.id;
  const report = useDailyReport(hall, day);
  const refunds = useWaitingRefunds(hall);
  const decide = useDecideRefund();
  const act = async (id: string, approve: boolean) => {
    try {
      await decide.mutateAsync({ id, approve });
      message.success(t('fee.decided'));
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const money = (fen: number) => yuan(fen);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {can('fee.approve') && (
        <Card title={t('fee.refunds')}>
          <Table<FeeEntry>
            size="small"
            rowKey="id"
            pagination={false}
            loading={refunds.isFetching && !refunds.data}
            dataSource={refunds.data?.items}
            locale={{ emptyText: t('fee.noRefunds') }}
            columns={[
              {
                title: t('fee.case'),
                width: 200,
                render: (_, e) => <Link to={`/cases/${e.caseId}`}>{e.caseNo}</Link>,
              },
              { title: '', dataIndex: 'itemName', ellipsis: true },
              { title: t('fee.amount'), width: 110, align: 'right', render: (_, e) => money(e.amountFen) },
              { title: t('fee.method'), dataIndex: 'methodLabel', width: 90 },
              { title: t('fee.reason'), dataIndex: 'reason', ellipsis: true },
              { title: '', dataIndex: 'by', width: 90 },
              {
                title: t('common.actions'),
                width: 170,
                render: (_, e) => (
                  <Space>
                    <Button size="small" type="primary" onClick={() => void act(e.id, true)}>
                      {t('fee.approve')}
                    </Button>
                    <Button size="small" danger onClick={() => void act(e.id, false)}>
                      {t('fee.reject')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
      <Card
        title={t('fee.daily')}
        extra={
          <Space>
            {(me?.halls.length ?? 0) > 1 && <HallSelect value={hall} onChange={setHallId} />}
            <DatePicker
              aria-label={t('em.day')}
              allowClear={false}
              value={dayjs(day)}
              onChange={(d) => d && setDay(d.format('YYYY-MM-DD'))}
            />
            <Button href={`/api/fees/daily/export?hallId=${hall ?? ''}&day=${day}`} target="_blank">
              {t('fee.export')}
            </Button>
          </Space>
        }
      >
        <Table<ReportLine>
          size="small"
          rowKey={(l) => l.windowId ?? '-'}
          pagination={false}
          loading={report.isFetching && !report.data}
          dataSource={report.data?.lines}
          columns={[
            { title: t('fee.window'), dataIndex: 'windowName' },
            { title: t('fee.payments'), dataIndex: 'payments', align: 'right', width: 90 },
            { title: t('fee.paymentsYuan'), align: 'right', width: 120, render: (_, l) => money(l.paymentsFen) },
            { title: t('fee.refundsN'), dataIndex: 'refunds', align: 'right', width: 90 },
            { title: t('fee.refundsYuan'), align: 'right', width: 120, render: (_, l) => money(l.refundsFen) },
            { title: t('fee.cash'), align: 'right', width: 110, render: (_, l) => money(l.byMethodFen.cash) },
            { title: t('fee.card'), align: 'right', width: 110, render: (_, l) => money(l.byMethodFen.card) },
            { title: t('fee.scan'), align: 'right', width: 110, render: (_, l) => money(l.byMethodFen.scan) },
            { title: t('fee.net'), align: 'right', width: 120, render: (_, l) => <b>{money(l.netFen)}</b> },
          ]}
          summary={() =>
            report.data ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>{report.data.total.windowName}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {report.data.total.payments}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {money(report.data.total.paymentsFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {report.data.total.refunds}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {money(report.data.total.refundsFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  {money(report.data.total.byMethodFen.cash)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={6} align="right">
                  {money(report.data.total.byMethodFen.card)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={7} align="right">
                  {money(report.data.total.byMethodFen.scan)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={8} align="right">
                  <Typography.Text strong data-testid="fee-net-total">
                    {money(report.data.total.netFen)}
                  </Typography.Text>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
    </Space>
  );
}
