import { Alert, Card, Col, Row, Skeleton, Statistic } from 'antd';
import { Link } from 'react-router';
import { useMe } from '../../api/auth';
import { useWorkbench, type Workbench as Counts } from '../../api/workbench';
import { type MessageKey, type Translate, useT } from '../../i18n';

/** A tile: a labelled count linking to the list it counts. `tone` colours a count that asks for attention. */
interface Tile {
  key: MessageKey;
  value: number | string;
  to: string;
  tone?: 'red' | 'yellow' | 'green';
}
const toneColour = { red: '#cf1322', yellow: '#d48806', green: '#389e0d' };

const q = (path: string, params: Record<string, string>) => `${path}?${new URLSearchParams(params).toString()}`;

/** 我的工作台: each section the signed-in person's roles give, every count linked to its list. */
export function Workbench() {
  const t = useT();
  const { data: me } = useMe();
  const wb = useWorkbench();
  if (wb.isLoading || !me)
    return (
      <Card title={t('wb.title')}>
        <Skeleton active />
      </Card>
    );
  if (wb.error || !wb.data) return <Alert type="error" showIcon title={t('wb.loadFailed')} />;
  const sections = sectionsOf(wb.data, me.id, t);
  if (sections.length === 0) return null;
  return (
    <Card title={t('wb.title')} extra={t('wb.asOf', { day: wb.data.today })} data-testid="workbench">
      {sections.map((s) => (
        <section key={s.title} aria-label={t(s.title, s.vars)} style={{ marginBottom: 16 }}>
          <h4 style={{ margin: '0 0 8px' }}>{t(s.title, s.vars)}</h4>
          <Row gutter={[12, 12]}>
            {s.tiles.map((tile) => (
              <Col key={tile.key} xs={12} sm={8} md={6} lg={4} xl={3}>
                <Link to={tile.to} aria-label={`${t(tile.key)} ${tile.value}`}>
                  <Card hoverable size="small">
                    <Statistic
                      title={t(tile.key)}
                      value={tile.value}
                      valueStyle={tile.tone && tile.value !== 0 ? { color: toneColour[tile.tone] } : undefined}
                    />
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </section>
      ))}
    </Card>
  );
}

interface Section {
  title: MessageKey;
  vars?: Record<string, string>;
  tiles: Tile[];
}

function sectionsOf(w: Counts, myId: string, t: Translate): Section[] {
  const out: Section[] = [];
  if (w.clerk) {
    const mine = (p: Record<string, string>) => q('/cases', { personId: myId, ...p });
    out.push({
      title: 'wb.clerk',
      tiles: [
        {
          key: 'wb.clerk.window',
          value: w.clerk.window
            ? t('wb.clerk.windowState', {
                number: w.clerk.window.number,
                state: t(`wb.clerk.state.${w.clerk.window.state}`),
              })
            : t('wb.clerk.windowNone'),
          to: '/queue/window',
        },
        ...(w.clerk.window
          ? [
              {
                key: 'wb.clerk.waiting' as const,
                value: w.clerk.window.waiting,
                to: '/queue/window',
                tone: 'yellow' as const,
              },
              { key: 'wb.clerk.servedToday' as const, value: w.clerk.window.servedToday, to: '/queue/window' },
            ]
          : []),
        { key: 'wb.clerk.receivedToday', value: w.clerk.receivedToday, to: mine({ from: w.today, to: w.today }) },
        {
          key: 'wb.clerk.awaitingSupplement',
          value: w.clerk.awaitingSupplement,
          to: mine({ status: 'awaiting_supplement' }),
          tone: 'yellow',
        },
        {
          key: 'wb.clerk.awaitingCollection',
          value: w.clerk.awaitingCollection,
          to: mine({ status: 'awaiting_collection' }),
        },
        {
          key: 'wb.clerk.consultationsOpen',
          value: w.clerk.consultationsOpen,
          to: q('/consultations', { mine: 'true' }),
        },
      ],
    });
  }
  if (w.backoffice) {
    const b = w.backoffice;
    out.push({
      title: 'wb.backoffice',
      tiles: [
        { key: 'wb.bo.total', value: b.total, to: '/inbox' },
        { key: 'wb.bo.green', value: b.green, to: q('/inbox', { light: 'green' }), tone: 'green' },
        { key: 'wb.bo.yellow', value: b.yellow, to: q('/inbox', { light: 'yellow' }), tone: 'yellow' },
        { key: 'wb.bo.red', value: b.red, to: q('/inbox', { light: 'red' }), tone: 'red' },
        { key: 'wb.bo.overdue', value: b.overdue, to: q('/inbox', { due: 'overdue', day: w.today }), tone: 'red' },
        { key: 'wb.bo.dueToday', value: b.dueToday, to: q('/inbox', { due: 'today', day: w.today }), tone: 'yellow' },
      ],
    });
  }
  if (w.supervisor) {
    const s = w.supervisor;
    out.push({
      title: 'wb.supervisor',
      tiles: [
        { key: 'wb.sup.boardRed', value: s.boardRed, to: '/supervision', tone: 'red' },
        { key: 'wb.sup.boardYellow', value: s.boardYellow, to: '/supervision', tone: 'yellow' },
        { key: 'wb.sup.alertsUnread', value: s.alertsUnread, to: '/alerts', tone: 'red' },
        { key: 'wb.sup.followUps', value: s.followUps, to: '/rating/follow-ups', tone: 'yellow' },
        { key: 'wb.sup.complaintsOpen', value: s.complaintsOpen, to: '/complaints' },
        { key: 'wb.sup.complaintsDueSoon', value: s.complaintsDueSoon, to: '/complaints', tone: 'red' },
        { key: 'wb.sup.rectificationsOverdue', value: s.rectificationsOverdue, to: '/supervision', tone: 'red' },
        { key: 'wb.sup.leavesToApprove', value: s.leavesToApprove, to: '/staff' },
        { key: 'wb.sup.uncovered', value: s.uncovered, to: '/supervision', tone: 'red' },
      ],
    });
  }
  if (w.inspector) {
    const i = w.inspector;
    out.push({
      title: 'wb.inspector',
      tiles: [
        {
          key: 'wb.insp.toVerify',
          value: i.rectificationsToVerify,
          to: q('/rectifications', { status: 'reported' }),
          tone: 'yellow',
        },
        { key: 'wb.insp.open', value: i.rectificationsOpen, to: q('/rectifications', { status: 'open' }) },
        {
          key: 'wb.insp.overdue',
          value: i.rectificationsOverdue,
          to: q('/rectifications', { status: 'overdue' }),
          tone: 'red',
        },
        { key: 'wb.insp.sampleUnchecked', value: i.sampleUnchecked, to: '/inspections', tone: 'yellow' },
        { key: 'wb.insp.findingsThisMonth', value: i.findingsThisMonth, to: '/inspections' },
      ],
    });
  }
  if (w.head) {
    const h = w.head;
    out.push({
      title: 'wb.head',
      tiles: [
        { key: 'wb.head.received', value: h.receivedThisMonth, to: q('/cases', { from: w.monthStart, to: w.today }) },
        { key: 'wb.head.finished', value: h.onTimeFinished, to: '/supervision/on-time' },
        {
          key: 'wb.head.onTimeRate',
          value: h.onTimeRate === null ? '—' : `${(h.onTimeRate * 100).toFixed(1)}%`,
          to: '/supervision/on-time',
        },
        { key: 'wb.head.complaintsOpen', value: h.complaintsOpen, to: '/complaints' },
        { key: 'wb.head.leavesToApprove', value: h.leavesToApprove, to: '/staff' },
        { key: 'wb.head.approvals', value: h.approvals, to: '/inbox' },
      ],
    });
  }
  return [...out, ...sharedSections(w)];
}

/** 考核 (head, supervisor) and 上级交办 (anyone who holds an open task). */
function sharedSections(w: Counts): Section[] {
  const out: Section[] = [];
  const a = w.assessment;
  if (a) {
    const cards = (state: string) => q('/assessment', { hallId: a.hallId, period: a.period, state });
    const tiles: Tile[] = [];
    if (a.toSign !== null) tiles.push({ key: 'wb.asm.toSign', value: a.toSign, to: cards('reviewed'), tone: 'yellow' });
    if (a.toReview !== null)
      tiles.push({ key: 'wb.asm.toReview', value: a.toReview, to: cards('unreviewed'), tone: 'yellow' });
    out.push({ title: 'wb.assessment', vars: { period: a.period }, tiles });
  }
  if (w.tasks.open > 0)
    out.push({
      title: 'wb.tasks',
      tiles: [
        { key: 'wb.tasks.open', value: w.tasks.open, to: '/my-tasks' },
        { key: 'wb.tasks.overdue', value: w.tasks.overdue, to: q('/my-tasks', { filter: 'overdue' }), tone: 'red' },
      ],
    });
  return out;
}
