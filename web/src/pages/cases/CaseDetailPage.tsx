import { Button, Card, Descriptions, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type CaseDetail, type CaseMaterial, documentPdfUrl, useCase, useCaseAction } from '../../api/cases';
import { formatTime } from '../../components/format';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';
import { FeesPanel } from '../emergency/FeesPanel';
import { ScansPanel } from '../scans/ScansPanel';
import { specFor } from './actions';
import { ActionModal } from './ActionModal';
import { DeadlineLight, StateTag, UrgencyTag } from './labels';
import { BackOfficeRecords, StepsTable } from './WorkPanels';
import { CaseSupportPanels } from '../case-support/CaseSupportPanels';
import { CaseObjectionsPanel } from '../complaints/CaseObjectionsPanel';
import { TownshipOrigin } from '../township/TownshipOrigin';
import './cases.css';
import { CaseNotices } from '../notices';

/** One case: header, materials, steps, routing slips, documents, the trail, and what the viewer may do now. */
export function CaseDetailPage() {
  const t = useT();
  const { id } = useParams();
  const navigate = useNavigate();
  const detail = useCase(id);
  if (detail.error) return <QueryError error={detail.error} onRetry={() => detail.refetch()} />;
  const c = detail.data;
  if (!c) return <Card loading />;
  return (
    <Card
      title={
        <Space>
          {c.caseNo ?? t('cs.noNumber')}
          <StateTag state={c.state} label={c.stateLabel} />
          <UrgencyTag urgency={c.urgency} />
          {c.importance === 'important' && <Tag color="purple">{t('rc.important')}</Tag>}
        </Space>
      }
      extra={<Button onClick={() => navigate(-1)}>{t('common.back')}</Button>}
    >
      <TownshipOrigin caseId={c.id} />
      <CaseActions c={c} />
      <Descriptions size="small" bordered column={3}>
        <Descriptions.Item label={t('cs.item')}>
          {c.itemName}（v{c.itemVersion}）
        </Descriptions.Item>
        <Descriptions.Item label={t('cs.applicant')}>
          <Link to={`/applicants/${c.applicant.id}`}>{c.applicant.name}</Link> {c.applicant.docTypeLabel}{' '}
          {c.applicant.docNumber} {c.applicant.phone}
        </Descriptions.Item>
        <Descriptions.Item label={t('cs.agent')}>
          {c.agent ? (
            <>
              {c.agent.name} {c.agent.docNumber}
              {c.attorneyChecked && <Tag style={{ marginLeft: 4 }}>{t('cs.attorney')}</Tag>}
            </>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('cs.receivedAt')}>
          {formatTime(c.receivedAt)}（{c.receivedBy}）
        </Descriptions.Item>
        <Descriptions.Item label={t('cs.acceptedDay')}>{c.acceptedDay ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('cs.promised')}>
          <DeadlineLight light={c.light} date={c.deadline} provisional={c.deadlineProvisional} />（
          {t('rc.promisedDays', { n: c.promisedDays })}）
        </Descriptions.Item>
        {c.firstOwner && <Descriptions.Item label={t('cs.firstOwner')}>{c.firstOwner.name}</Descriptions.Item>}
        {c.deferred && (
          <Descriptions.Item label={t('cs.deferred')}>
            {t('cs.deferredUntil', { n: c.deferred.keys.length, date: c.deferred.deadline })}
          </Descriptions.Item>
        )}
        {c.closedReason && <Descriptions.Item label={t('cs.closedReason')}>{c.closedReason}</Descriptions.Item>}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('cs.materials')}
      </Typography.Title>
      <MaterialsRecord materials={c.materials} />
      <ScansPanel caseId={c.id} />
      <FeesPanel caseId={c.id} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('cs.steps')}
      </Typography.Title>
      <StepsTable c={c} />
      <BackOfficeRecords c={c} />
      <CaseSupportPanels c={c} />
      <CaseObjectionsPanel caseId={c.id} />
      {c.documents.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('cs.documents')}
          </Typography.Title>
          <Space wrap>
            {c.documents.map((d) => (
              <a key={d.id} href={documentPdfUrl(c.id, d.id)} target="_blank" rel="noreferrer">
                {d.kindLabel} {d.docNo}（{formatTime(d.issuedAt)}）
              </a>
            ))}
          </Space>
        </>
      )}
      <CaseNotices caseId={c.id} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('cs.trail')}
      </Typography.Title>
      <Timeline
        items={c.events.map((e) => ({
          color: e.toState === 'not_accepted' || e.action === 'returnForRework' || e.action === 'deny' ? 'red' : 'blue',
          content: (
            <div>
              <Typography.Text strong>{t.label('caseAction', e.action)}</Typography.Text>　{formatTime(e.at)}　{e.by}
              <div className="cs-trail-detail">
                {e.fromState ? `${t.label('caseState', e.fromState)} → ` : ''}
                {t.label('caseState', e.toState)}
                {detailText(e.detail) && `　${detailText(e.detail)}`}
                {coverText(e.detail, t)}
                {typeof e.detail?.ticket === 'string' && `　${t('rc.ticketTrail', { n: e.detail.ticket })}`}
                {e.detail?.afterReview === true && t('bo.afterReview')}
              </div>
            </div>
          ),
        }))}
      />
    </Card>
  );
}

/** AB岗: a step routed to someone acting for its person while they are away, as 由邹敏（代杨帆）承办. */
function coverText(d: Record<string, unknown> | null, t: ReturnType<typeof useT>): string {
  const cover = Array.isArray(d?.cover) ? (d.cover as { actingName?: string; forName?: string }[]) : [];
  return cover.map((c) => `　${t('bo.coverTrail', { acting: c.actingName ?? '', name: c.forName ?? '' })}`).join('');
}

/** The reasons and notes the trail carries, as one line. */
function detailText(d: Record<string, unknown> | null): string {
  if (!d) return '';
  return [
    'step',
    'reason',
    'note',
    'summary',
    'question',
    'answer',
    'collectedBy',
    'trackingNumber',
    'station',
    'pickupLabel',
  ]
    .map((k) => d[k])
    .filter((v): v is string => typeof v === 'string' && v.length > 0)
    .join('；');
}

function MaterialsRecord({ materials }: { materials: CaseMaterial[] }) {
  const t = useT();
  return (
    <Table<CaseMaterial>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={materials}
      rowClassName={(m) => `rc-mat-${m.status}`}
      columns={[
        { title: t('rc.material'), dataIndex: 'name' },
        { title: t('rc.status'), render: (_v, m) => t(`rc.mat.${m.status}`) },
        { title: t('rc.copies'), render: (_v, m) => (m.status === 'received' ? m.copies : '') },
        { title: t('rc.pages'), render: (_v, m) => (m.status === 'received' ? m.pages : '') },
        { title: t('rc.reason'), dataIndex: 'reason' },
      ]}
    />
  );
}

function CaseActions({ c }: { c: CaseDetail }) {
  const t = useT();
  const notify = useNotifyError();
  const action = useCaseAction(c.id);
  const [open, setOpen] = useState<string | null>(null);
  // allowedActions is the server's word on what this person may do now; a spec exists for each sendable one
  const offered = c.allowedActions.filter((a) => specFor(a, c.state));
  const spec = open ? specFor(open, c.state) : undefined;
  const supplement = c.allowedActions.includes('supplementMaterials');
  if (offered.length === 0 && !supplement) return null;
  const run = async (a: string, body: Record<string, unknown>) => {
    const s = specFor(a, c.state);
    if (!s) return;
    try {
      await action.mutateAsync({ path: s.path, body });
      setOpen(null);
    } catch (e) {
      notify(e);
    }
  };
  return (
    <Space wrap className="cs-actions">
      {supplement && (
        <Link to={`/reception?tab=supplement&case=${c.id}`}>
          <Button type="primary">{t.label('caseAction', 'supplementMaterials')}</Button>
        </Link>
      )}
      {offered.map((a) => {
        const s = specFor(a, c.state);
        return (
          <Button
            key={a}
            type={s?.primary ? 'primary' : 'default'}
            danger={s?.danger}
            onClick={() => (s && s.fields.length === 0 ? run(a, {}) : setOpen(a))}
            loading={action.isPending && open === a}
          >
            {t.label('caseAction', a)}
          </Button>
        );
      })}
      {open && spec && (
        <ActionModal
          action={open}
          spec={spec}
          hallId={c.hallId}
          busy={action.isPending}
          onCancel={() => setOpen(null)}
          onSubmit={(b) => run(open, b)}
        />
      )}
    </Space>
  );
}
