import { Card, Col, InputNumber, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type Board, type Count, type Level, useBoard } from '../../api/supervision';
import { QueryError } from '../../components/Results';
import { type MessageKey, useT } from '../../i18n';
import { BoardSections } from '../case-support/BoardSections';
import { PrereviewBoardSection } from '../prereview/BoardSection';
import { CaseRatingBoardSection } from '../rating/BoardSection';
import { OverdueRectificationsSection } from '../inspections/BoardSection';

const color = { green: 'green', yellow: 'gold', red: 'red' } as const;

function LightTag({ level, suspended = false }: { level: Level | 'green'; suspended?: boolean }) {
  const t = useT();
  const light = (
    <Tag color={color[level]}>{level === 'green' ? '—' : t(level === 'red' ? 'sup.red' : 'sup.yellow')}</Tag>
  );
  // A stopped clock keeps the light it had when it stopped; the tag says why it no longer moves.
  return suspended ? (
    <Space size={0}>
      {light}
      <Tag color="default" title={t('sup.suspendedHelp')}>
        {t('sup.suspended')}
      </Tag>
    </Space>
  ) : (
    light
  );
}

const caseLink = (r: { caseId: string; caseNo: string | null }) => (
  <Link to={`/cases/${r.caseId}`}>{r.caseNo ?? r.caseId.slice(-6)}</Link>
);

function Counts({ title, rows }: { title: string; rows: Count[] }) {
  const t = useT();
  return (
    <Card size="small" title={title}>
      <Table<Count>
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('sup.none') }}
        columns={[
          { title: t('sup.name'), dataIndex: 'name' },
          { title: t('sup.yellow'), dataIndex: 'yellow', width: 70 },
          { title: t('sup.red'), dataIndex: 'red', width: 70 },
        ]}
      />
    </Card>
  );
}

/** 监察看板: every yellow and red case and step, counts, stuck hand-overs and open bad-review call-backs. */
export function BoardPage() {
  const t = useT();
  const [stuckDays, setStuckDays] = useState(1);
  const q = useBoard(stuckDays);
  if (q.error && !q.data) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  const b: Board | undefined = q.data;
  const all = [...(b?.cases ?? []), ...(b?.steps ?? [])];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('sup.title')}
        extra={b && <Typography.Text type="secondary">{t('sup.today', { day: b.today })}</Typography.Text>}
      >
        <Row gutter={16}>
          <Col span={6}>
            <Statistic
              title={t('sup.yellow')}
              value={all.filter((x) => x.level === 'yellow').length}
              valueStyle={{ color: '#d4a106' }}
            />
          </Col>
          <Col span={6}>
            <Statistic
              title={t('sup.red')}
              value={all.filter((x) => x.level === 'red').length}
              valueStyle={{ color: '#cf1322' }}
            />
          </Col>
          <Col span={6}>
            <Statistic title={t('sup.stuck')} value={b?.stuck.length ?? 0} />
          </Col>
          <Col span={6}>
            <Statistic title={t('sup.followUps')} value={b?.followUps.length ?? 0} />
          </Col>
        </Row>
      </Card>
      <Card title={t('sup.cases')} size="small">
        <Table
          size="small"
          rowKey="caseId"
          loading={q.isFetching}
          dataSource={b?.cases}
          pagination={false}
          data-testid="sup-cases"
          locale={{ emptyText: t('sup.none') }}
          columns={[
            {
              title: t('sup.light'),
              dataIndex: 'level',
              width: 120,
              render: (l: Level, r) => <LightTag level={l} suspended={r.suspended} />,
            },
            { title: t('sup.caseNo'), render: (_, r) => caseLink(r) },
            { title: t('sup.item'), dataIndex: 'itemName' },
            { title: t('sup.deadline'), dataIndex: 'deadline' },
            { title: t('sup.owner'), dataIndex: 'ownerName' },
            { title: t('sup.window'), dataIndex: 'windowName' },
            { title: t('sup.department'), render: (_, r) => r.departmentNames.join('、') },
          ]}
        />
      </Card>
      <Card title={t('sup.steps')} size="small">
        <Table
          size="small"
          rowKey="stepId"
          loading={q.isFetching}
          dataSource={b?.steps}
          pagination={false}
          data-testid="sup-steps"
          locale={{ emptyText: t('sup.none') }}
          columns={[
            {
              title: t('sup.light'),
              dataIndex: 'level',
              width: 120,
              render: (l: Level, r) => <LightTag level={l} suspended={r.suspended} />,
            },
            { title: t('sup.caseNo'), render: (_, r) => caseLink(r) },
            { title: t('sup.item'), dataIndex: 'itemName' },
            { title: t('sup.step'), dataIndex: 'stepName' },
            { title: t('sup.deadline'), dataIndex: 'deadline' },
            { title: t('sup.department'), dataIndex: 'departmentName' },
            { title: t('sup.assignee'), render: (_, r) => r.assigneeName ?? t('sup.unassigned') },
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Counts title={t('sup.byDepartment')} rows={b?.byDepartment ?? []} />
        </Col>
        <Col xs={24} lg={8}>
          <Counts title={t('sup.byWindow')} rows={b?.byWindow ?? []} />
        </Col>
        <Col xs={24} lg={8}>
          <Counts title={t('sup.byPerson')} rows={b?.byPerson ?? []} />
        </Col>
      </Row>
      <BoardSections b={b} />
      <PrereviewBoardSection rows={b?.prereviews} />
      <CaseRatingBoardSection rows={b?.caseRatingTasks} />
      <OverdueRectificationsSection rows={b?.overdueRectifications} />
      <Card
        title={t('sup.stuck')}
        size="small"
        extra={
          <Space>
            <label htmlFor="stuck-days">{t('sup.stuckDays')}</label>
            <InputNumber id="stuck-days" min={0} max={30} value={stuckDays} onChange={(v) => setStuckDays(v ?? 1)} />
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('sup.stuckHelp')}</Typography.Paragraph>
        <Table
          size="small"
          rowKey="stepId"
          dataSource={b?.stuck}
          pagination={false}
          locale={{ emptyText: t('sup.none') }}
          columns={[
            { title: t('sup.caseNo'), render: (_, r) => caseLink(r) },
            { title: t('sup.item'), dataIndex: 'itemName' },
            { title: t('sup.step'), dataIndex: 'stepName' },
            { title: t('sup.department'), dataIndex: 'departmentName' },
            {
              title: t('sup.activatedAt'),
              dataIndex: 'activatedAt',
              render: (v: number) => new Date(v).toLocaleString('zh-CN'),
            },
            { title: t('sup.waiting'), dataIndex: 'waitingDays' },
          ]}
        />
      </Card>
      <Card title={t('sup.equipment')} size="small">
        <Table
          size="small"
          rowKey="faultId"
          dataSource={b?.equipmentFaults}
          pagination={false}
          locale={{ emptyText: t('sup.none') }}
          columns={[
            {
              title: t('eq.kind'),
              dataIndex: 'kindLabel',
              width: 160,
              render: (v: string, r) => (
                <Space size={4}>
                  <Tag color={r.publicFacing ? 'red' : 'orange'}>{v}</Tag>
                  {r.publicFacing && <Tag>{t('sup.equipmentPublic')}</Tag>}
                </Space>
              ),
            },
            { title: t('eq.assetNo'), dataIndex: 'assetNo', width: 120 },
            { title: t('eq.name'), dataIndex: 'name', ellipsis: true },
            {
              title: t('eq.window'),
              dataIndex: 'windowName',
              width: 110,
              render: (v: string | null) => v ?? t('eq.noWindow'),
            },
            { title: t('eq.description'), dataIndex: 'description', ellipsis: true },
            { title: t('eq.reportedBy'), dataIndex: 'reportedBy', width: 100 },
          ]}
        />
      </Card>
      {!!b?.overdueLoans.length && (
        <Card title={t('sup.overdueLoans')} size="small">
          <Table
            size="small"
            rowKey="loanId"
            dataSource={b.overdueLoans}
            pagination={false}
            columns={[
              { title: t('ar.archiveNo'), dataIndex: 'archiveNo', width: 220 },
              { title: t('ar.item'), dataIndex: 'itemName', ellipsis: true },
              { title: t('ln.borrower'), dataIndex: 'borrowerName', width: 120 },
              {
                title: t('ln.due'),
                dataIndex: 'dueDay',
                width: 130,
                render: (d: string) => <Tag color="red">{d}</Tag>,
              },
              { title: t('ln.remind'), dataIndex: 'reminders', width: 80 },
            ]}
          />
        </Card>
      )}
      <Card title={t('sup.followUps')} size="small">
        <Table
          size="small"
          rowKey="id"
          dataSource={b?.followUps}
          pagination={false}
          locale={{ emptyText: t('sup.none') }}
          columns={[
            {
              title: t('sup.followUpDue'),
              dataIndex: 'dueDay',
              render: (d: string, r) => <Tag color={color[r.light]}>{d}</Tag>,
            },
            { title: t('sup.rating'), dataIndex: 'level', render: (l: string) => t(`ratingLevel.${l}` as MessageKey) },
            { title: t('sup.comment'), dataIndex: 'comment' },
            { title: t('sup.window'), dataIndex: 'windowNumber' },
            { title: t('sup.staff'), dataIndex: 'staffName' },
          ]}
        />
      </Card>
    </Space>
  );
}
