import { Button, Card, Descriptions, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useCan } from '../../api/auth';
import { documentPdfUrl } from '../../api/cases';
import { type ApplicantFile, revealPersonal, useApplicantFile } from '../../api/reception';
import { formatTime } from '../../components/format';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';
import { UrgencyTag } from '../cases/labels';
import { PersonalDataButtons, SealedBanner } from '../privacy/PersonalDataActions';
import { EditApplicantModal } from './EditApplicantModal';

const FIELD_KEYS = new Set(['name', 'phone', 'address', 'legalRepresentative', 'contactName', 'docType', 'docNumber']);

/** 一企一档: everything the hall has done for one applicant, numbers masked unless revealed (and audited). */
export function ApplicantFilePage() {
  const t = useT();
  const can = useCan();
  const notify = useNotifyError();
  const navigate = useNavigate();
  const { id } = useParams();
  const file = useApplicantFile(id);
  const [full, setFull] = useState<{ docNumber: string; phone: string } | null>(null);
  const [editing, setEditing] = useState(false);
  if (file.error) return <QueryError error={file.error} onRetry={() => file.refetch()} />;
  const f = file.data;
  if (!f) return <Card loading />;
  const a = f.applicant;
  const reveal = async () => {
    try {
      setFull(await revealPersonal(a.id));
    } catch (e) {
      notify(e);
    }
  };

  return (
    <Card
      title={`${t('af.title')}：${a.name}`}
      extra={
        <Space>
          {can('applicant.edit') && !a.sealed && <Button onClick={() => setEditing(true)}>{t('af.edit')}</Button>}
          {can('reception.register') && <Button onClick={() => navigate('/reception')}>{t('af.newReception')}</Button>}
          <PersonalDataButtons applicant={a} />
          <Button onClick={() => navigate(-1)}>{t('common.back')}</Button>
        </Space>
      }
    >
      <SealedBanner applicant={a} />
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label={t('rc.kind')}>
          {t(a.kind === 'enterprise' ? 'rc.kind.enterprise' : 'rc.kind.person')}
        </Descriptions.Item>
        <Descriptions.Item label={a.docTypeLabel}>
          <span data-testid="doc-number">{full?.docNumber ?? a.docNumber}</span>
          {a.masked && !a.sealed && !full && can('personal.view') && (
            <Button type="link" size="small" onClick={reveal}>
              {t('af.reveal')}
            </Button>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('rc.mobile')}>{full?.phone ?? a.phone}</Descriptions.Item>
        {a.legalRepresentative && (
          <Descriptions.Item label={t('rc.legalRep')}>{a.legalRepresentative}</Descriptions.Item>
        )}
        {a.address && <Descriptions.Item label={t('af.address')}>{a.address}</Descriptions.Item>}
        <Descriptions.Item label={t('af.since')}>{formatTime(a.createdAt)}</Descriptions.Item>
      </Descriptions>
      <Tabs
        style={{ marginTop: 16 }}
        items={[
          { key: 'cases', label: `${t('af.cases')}（${f.cases.length}）`, children: <CasesTable file={f} /> },
          { key: 'notices', label: `${t('af.notices')}（${f.notices.length}）`, children: <NoticesTable file={f} /> },
          {
            key: 'records',
            label: `${t('af.records')}（${f.serviceRecords.length}）`,
            children: <RecordsTable file={f} />,
          },
          {
            key: 'changes',
            label: `${t('af.changes')}（${f.changes.length}）`,
            children: (
              <Table
                size="small"
                rowKey={(r) => `${r.at}-${r.by}`}
                pagination={false}
                dataSource={f.changes}
                columns={[
                  { title: t('af.changes.at'), render: (_v, r) => formatTime(r.at), width: 180 },
                  { title: t('af.changes.by'), dataIndex: 'by', width: 140 },
                  {
                    title: t('af.changes.fields'),
                    render: (_v, r) =>
                      r.fields.map((x) => (
                        <Tag key={x}>{FIELD_KEYS.has(x) ? t(`af.field.${x}` as 'af.field.name') : x}</Tag>
                      )),
                  },
                ]}
              />
            ),
          },
        ]}
      />
      {editing && <EditApplicantModal applicant={a} onClose={() => setEditing(false)} />}
    </Card>
  );
}

function CasesTable({ file }: { file: ApplicantFile }) {
  const t = useT();
  return (
    <Table
      rowKey="id"
      size="small"
      dataSource={file.cases}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: t('cs.caseNo'), render: (_v, c) => <Link to={`/cases/${c.id}`}>{c.caseNo ?? t('cs.noNumber')}</Link> },
        { title: t('cs.item'), dataIndex: 'itemName' },
        { title: t('cs.state'), dataIndex: 'stateLabel' },
        { title: t('rc.urgency'), render: (_v, c) => <UrgencyTag urgency={c.urgency} /> },
        { title: t('af.role'), render: (_v, c) => t(c.role === 'agent' ? 'af.role.agent' : 'af.role.applicant') },
        { title: t('cs.receivedAt'), render: (_v, c) => formatTime(c.receivedAt) },
        { title: t('cs.deadline'), dataIndex: 'deadline' },
      ]}
    />
  );
}

function NoticesTable({ file }: { file: ApplicantFile }) {
  const t = useT();
  const can = useCan();
  return (
    <Table
      rowKey="id"
      size="small"
      dataSource={file.notices}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        {
          title: t('af.docNo'),
          render: (_v, n) => (
            <a href={documentPdfUrl(n.caseId, n.id)} target="_blank" rel="noreferrer">
              {n.docNo}
            </a>
          ),
        },
        { title: t('af.kind'), dataIndex: 'kindLabel' },
        {
          title: t('cs.caseNo'),
          render: (_v, n) => <Link to={`/cases/${n.caseId}`}>{n.caseNo ?? t('cs.noNumber')}</Link>,
        },
        { title: t('af.issuedAt'), render: (_v, n) => formatTime(n.issuedAt) },
        { title: t('cs.state'), render: (_v, n) => <Tag>{n.status}</Tag> },
        {
          title: '',
          render: (_v, n) =>
            n.kind === 'one_time_notice' && can('reception.register') ? (
              <Link to={`/reception?tab=supplement&case=${n.caseId}`}>{t('af.supplement')}</Link>
            ) : null,
        },
      ]}
    />
  );
}

function RecordsTable({ file }: { file: ApplicantFile }) {
  const t = useT();
  return (
    <Table
      rowKey={(r) => `${r.caseId}-${r.at}-${r.action}`}
      size="small"
      dataSource={file.serviceRecords}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: t('af.at'), render: (_v, r) => formatTime(r.at) },
        {
          title: t('cs.caseNo'),
          render: (_v, r) => <Link to={`/cases/${r.caseId}`}>{r.caseNo ?? t('cs.noNumber')}</Link>,
        },
        { title: t('af.action'), render: (_v, r) => t.label('caseAction' as 'role', r.action) },
        { title: t('af.by'), dataIndex: 'by' },
        {
          title: t('cs.state'),
          render: (_v, r) =>
            `${r.fromState ? `${t.label('caseState' as 'role', r.fromState)} → ` : ''}${t.label('caseState' as 'role', r.toState)}`,
        },
      ]}
    />
  );
}
