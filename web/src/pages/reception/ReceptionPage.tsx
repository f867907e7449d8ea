import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Radio,
  Row as AntRow,
  Select,
  Space,
  Tabs,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMe } from '../../api/auth';
import { type Applicant, type CaseDetail, type Importance, type Urgency, useCaseAction } from '../../api/cases';
import { useItem } from '../../api/catalog';
import { useWindows } from '../../api/org';
import {
  type Accepted,
  type ReceptionInput,
  useAcceptAtWindow,
  useDeadline,
  useRegisterReception,
} from '../../api/reception';
import { HallSelect } from '../../components/HallSelect';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';
import { ItemSelect } from '../consult/ItemSelect';
import { FromPrereviewPanel } from '../prereview/FromPrereviewPanel';
import { ScansPanel } from '../scans/ScansPanel';
import { ServedTicketBar, useClerkWindow } from './ServedTicket';
import { ApplicantPicker } from './ApplicantPicker';
import { incompleteRow, type Row, rowsFor, shortfallsOf } from './checklist';
import { MaterialsChecklist } from './MaterialsChecklist';
import { BackEntryModal, OfflineBar } from './OfflineBar';
import { enqueueReception, useOfflineQueue } from './offlineQueue';
import { OutcomeBar } from './OutcomeBar';
import { type Outcome, OutcomeModals } from './OutcomeModals';
import { ResultPanel } from './ResultPanel';
import { SupplementPanel } from './SupplementPanel';
import { useEnterMovesOn } from './useEnterMovesOn';
import './reception.css';

/** Today in China, the day the hall's calendar counts from. */
export const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** 收件受理: one screen, top to bottom in the order the clerk works — who, what, which papers, the outcome. */
export function ReceptionPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const wanted = params.get('tab');
  const tab = wanted === 'supplement' || wanted === 'prereview' ? wanted : 'receive';
  return (
    <Card title={t('rc.title')} className="rc-page">
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'receive' ? {} : { tab: k })}
        items={[
          { key: 'receive', label: t('rc.tab.receive'), children: <ReceiveForm /> },
          {
            key: 'supplement',
            label: t('rc.tab.supplement'),
            children: <SupplementPanel caseId={params.get('case') ?? undefined} />,
          },
          { key: 'prereview', label: t('pr.fromPrereview'), children: <FromPrereviewPanel /> },
        ]}
      />
    </Card>
  );
}

function ReceiveForm() {
  const t = useT();
  const notify = useNotifyError();
  const onKeyDown = useEnterMovesOn();
  const { data: me } = useMe();
  const [hallId, setHallId] = useState<string | undefined>(me?.halls[0]?.id);
  const [applicant, setApplicant] = useState<Applicant | null>(null);
  const [withAgent, setWithAgent] = useState(false);
  const [agent, setAgent] = useState<Applicant | null>(null);
  const [attorney, setAttorney] = useState(false);
  const [itemId, setItemId] = useState<string | undefined>();
  const [rows, setRows] = useState<Row[]>([]);
  const [urgency, setUrgency] = useState<Urgency>('regular');
  const [importance, setImportance] = useState<Importance>('normal');
  const [created, setCreated] = useState<CaseDetail | null>(null);
  const [done, setDone] = useState<Accepted | null>(null);
  const [modal, setModal] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState<Outcome | null>(null);
  const [backEntry, setBackEntry] = useState(false);
  const { online } = useOfflineQueue();
  const { message } = App.useApp();

  useEffect(() => {
    if (!hallId && me?.halls[0]) setHallId(me.halls[0].id);
  }, [hallId, me]);
  const windows = useWindows(hallId);
  const { windowId, pick: setWindowId, ticket, calledTicket } = useClerkWindow(hallId);
  const item = useItem(itemId);
  const content = item.data?.content;
  useEffect(() => setRows(content ? rowsFor(content.materials) : []), [content]);

  const today = chinaToday();
  const deadline = useDeadline(today, content?.promisedDays, hallId);
  const supplementBy = useDeadline(today, 5, hallId);
  const register = useRegisterReception();
  const acceptNow = useAcceptAtWindow();
  const action = useCaseAction(created?.id);

  const check = useMemo(() => shortfallsOf(rows), [rows]);
  const unfinished = incompleteRow(rows);
  const ready = !!applicant && !!itemId && rows.length > 0 && (!withAgent || (!!agent && attorney));
  const why = !applicant
    ? t('rc.why.applicant')
    : !itemId
      ? t('rc.why.item')
      : withAgent && (!agent || !attorney)
        ? t('rc.why.agent')
        : unfinished
          ? t('rc.why.row', { name: unfinished.name })
          : null;
  const base = ready && !unfinished;
  const enabled: Record<Outcome, boolean> = {
    accept: base && check.complete,
    notice: base && !check.complete,
    defer: base && check.deferrable,
    refuse: !!applicant && !!itemId && rows.length > 0,
  };

  const reset = useCallback(() => {
    setApplicant(null);
    setAgent(null);
    setWithAgent(false);
    setAttorney(false);
    setItemId(undefined);
    setUrgency('regular');
    setImportance('normal');
    setCreated(null);
    setDone(null);
  }, []);

  const receptionInput = (): ReceptionInput => {
    if (!applicant || !itemId) throw new Error(why ?? '');
    return {
      itemId,
      applicantId: applicant.id,
      agentId: withAgent ? (agent?.id ?? null) : null,
      powerOfAttorneyChecked: withAgent && attorney,
      windowId,
      ticketId: ticket?.id ?? null,
      urgency,
      importance,
      materials: rows.map(({ key, status, copies, pages, reason }) => ({ key, status, copies, pages, reason })),
    };
  };

  /** The case is registered once, at the first outcome; a failed outcome can be tried again on the same case. */
  const caseId = async (): Promise<string> => {
    if (created) return created.id;
    const c = await register.mutateAsync(receptionInput());
    setCreated(c);
    return c.id;
  };

  const run = async (o: Outcome, path: string, payload?: unknown) => {
    setBusy(o);
    try {
      // Everything handed in: registered and accepted in one step (当场受理), unless a case is already open here.
      const d =
        o === 'accept' && !created
          ? await acceptNow.mutateAsync(receptionInput())
          : await action.mutateAsync({ id: await caseId(), path, body: payload });
      setModal(null);
      setDone(d);
      const doc = [...d.documents].sort((a, b) => b.issuedAt - a.issuedAt)[0];
      if (o === 'accept' && doc) window.open(`/api/cases/${d.id}/documents/${doc.id}/pdf`, '_blank');
    } catch (e) {
      notify(e);
    } finally {
      setBusy(null);
    }
  };
  const pick = (o: Outcome) => (o === 'accept' ? run('accept', 'accept') : setModal(o));

  if (done)
    return (
      <>
        <ResultPanel detail={done} onNext={reset} />
        <ScansPanel caseId={done.id} atReception />
      </>
    );

  /** Offline: the reception is kept in the browser and sent when the server is back (待上传). */
  const queueOffline = async () => {
    await enqueueReception({ ...receptionInput(), ticketId: null });
    message.success(t('off.saved'));
    reset();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Enter-moves-on is delegated from the fields inside, not an interaction of the container
    <div onKeyDown={onKeyDown} className="rc-form">
      <OfflineBar hallId={hallId} onBackEntry={() => setBackEntry(true)} />
      <BackEntryModal
        open={backEntry}
        input={() => (base ? { ...receptionInput(), ticketId: null } : null)}
        onClose={() => setBackEntry(false)}
        onDone={(d) => {
          setBackEntry(false);
          setDone(d);
        }}
      />
      <ServedTicketBar ticket={ticket} called={calledTicket} />
      <Form layout="vertical" component="div">
        <AntRow gutter={16}>
          {(me?.halls.length ?? 0) > 1 && (
            <Col span={8}>
              <Form.Item label={t('common.hall')}>
                <HallSelect
                  aria-label={t('common.hall')}
                  value={hallId}
                  onChange={(v) => {
                    setHallId(v);
                    setItemId(undefined);
                  }}
                />
              </Form.Item>
            </Col>
          )}
          <Col span={8}>
            <Form.Item label={t('rc.window')}>
              <Select
                aria-label={t('rc.window')}
                allowClear
                value={windowId}
                onChange={(v) => setWindowId(v ?? null)}
                options={(windows.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.number}号 ${w.name}` }))}
              />
            </Form.Item>
          </Col>
        </AntRow>
        <Form.Item label={t('rc.section.applicant')} required>
          <ApplicantPicker hallId={hallId} party="applicant" value={applicant} onChange={setApplicant} />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={withAgent} onChange={(e) => setWithAgent(e.target.checked)}>
            {t('rc.withAgent')}
          </Checkbox>
          {withAgent && (
            <div className="rc-agent">
              <ApplicantPicker hallId={hallId} party="agent" value={agent} onChange={setAgent} />
              <Checkbox checked={attorney} onChange={(e) => setAttorney(e.target.checked)}>
                {t('rc.attorneyChecked')}
              </Checkbox>
            </div>
          )}
        </Form.Item>
        <AntRow gutter={16}>
          <Col flex="auto">
            <Form.Item label={t('rc.item')} required>
              <ItemSelect
                aria-label={t('rc.item')}
                hallId={hallId}
                value={itemId}
                placeholder={t('rc.itemPlaceholder')}
                disabled={!!created}
                onChange={setItemId}
              />
            </Form.Item>
          </Col>
          <Col>
            <Form.Item label={t('rc.urgency')}>
              <Radio.Group
                aria-label={t('rc.urgency')}
                optionType="button"
                value={urgency}
                onChange={(e) => setUrgency(e.target.value)}
                options={[
                  { value: 'regular', label: t('rc.urgency.regular') },
                  { value: 'urgent', label: <span className="rc-urgent">{t('rc.urgency.urgent')}</span> },
                  { value: 'special', label: t('rc.urgency.special') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col>
            <Form.Item label={t('rc.importance')}>
              <Checkbox
                checked={importance === 'important'}
                onChange={(e) => setImportance(e.target.checked ? 'important' : 'normal')}
              >
                {t('rc.important')}
              </Checkbox>
            </Form.Item>
          </Col>
        </AntRow>
      </Form>
      {content && (
        <>
          <Space className="rc-item-facts" size="large" wrap>
            <span>{t('rc.promisedDays', { n: content.promisedDays })}</span>
            <span>
              {t('rc.expectedDate')}：
              <Typography.Text strong data-testid="expected-date">
                {deadline.data?.deadline ?? '—'}
              </Typography.Text>
              {deadline.data?.provisional && (
                <Typography.Text type="warning">（{t('rc.provisional')}）</Typography.Text>
              )}
            </span>
          </Space>
          <MaterialsChecklist rows={rows} readOnly={!!created} onChange={setRows} />
          {created && <Alert type="info" showIcon style={{ marginTop: 8 }} title={t('rc.registeredNote')} />}
          {check.shortfalls.length > 0 && (
            <Alert
              type={check.deferrable ? 'info' : 'warning'}
              showIcon
              style={{ marginTop: 8 }}
              title={t(check.deferrable ? 'rc.shortDeferrable' : 'rc.shortEssential', {
                names: check.shortfalls.map((s) => s.name).join('、'),
              })}
            />
          )}
        </>
      )}
      {urgency === 'urgent' && <Alert type="error" showIcon style={{ marginTop: 8 }} title={t('rc.urgentNote')} />}
      <div className="rc-bar">
        {online ? (
          <OutcomeBar enabled={enabled} why={why} busy={busy} onPick={pick} />
        ) : (
          <Button type="primary" size="large" disabled={!base || !!created} onClick={() => void queueOffline()}>
            {t('off.register')}
          </Button>
        )}
      </div>
      <OutcomeModals
        open={modal}
        shortfalls={check.shortfalls}
        busy={busy !== null}
        suggestedDeadline={supplementBy.data?.deadline ?? null}
        onCancel={() => setModal(null)}
        onNotice={(v) => run('notice', 'one-time-notice', v)}
        onRefuse={(v) => run('refuse', 'refuse', v)}
        onDefer={(v) => run('defer', 'accept-deferred', v)}
      />
    </div>
  );
}
