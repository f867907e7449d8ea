import { ArrowLeftOutlined, EyeOutlined, FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Form, Input, List, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCan } from '../../api/auth';
import { type ConsultDetail, noticePdfUrl, revealContact, useConsultActions, useConsultation } from '../../api/consult';
import { FormModal } from '../../components/FormModal';
import { formatTime } from '../../components/format';
import { PageLoading, QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';
import { ConsultActions } from './ConsultActions';
import { ChannelText, ConsultStatusTag, LightTag, useConsultLabel } from './labels';
import './consult.css';

function Phone({ c }: { c: ConsultDetail }) {
  const t = useT();
  const can = useCan();
  const notifyError = useNotifyError();
  const [full, setFull] = useState<string | null>(null);
  if (full) return <>{full}</>;
  return (
    <Space>
      {c.contactPhone}
      {can('personal.view') && (
        <Button
          size="small"
          type="link"
          icon={<EyeOutlined />}
          title={t('consult.phoneAudited')}
          onClick={() => revealContact(c.id).then((r) => setFull(r.contactPhone), notifyError)}
        >
          {t('consult.showPhone')}
        </Button>
      )}
    </Space>
  );
}

function Departments({ c }: { c: ConsultDetail }) {
  const t = useT();
  const actions = useConsultActions(c.id);
  const [row, setRow] = useState<string | null>(null);
  if (c.departments.length === 0) return null;
  return (
    <Card size="small" title={t('consult.departments')} style={{ marginTop: 16 }}>
      <List
        dataSource={c.departments}
        renderItem={(d) => (
          <List.Item
            actions={
              c.canHandle && d.answer === null
                ? [
                    <Button key="a" size="small" onClick={() => setRow(d.id)}>
                      {t('consult.recordAnswer')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space>
                  {d.departmentName}
                  {d.answer === null ? (
                    <Tag color="gold">{t('consult.pending')}</Tag>
                  ) : (
                    <Tag color="green">{d.answeredBy}</Tag>
                  )}
                </Space>
              }
              description={<span className="ow-consult-answer">{d.answer ?? d.question}</span>}
            />
          </List.Item>
        )}
      />
      <FormModal<{ answer: string }>
        name="consult-department-answer"
        open={row !== null}
        title={t('consult.recordAnswer')}
        onCancel={() => setRow(null)}
        onSubmit={(v) =>
          actions.departmentAnswer.mutateAsync({ rowId: row ?? '', answer: v.answer }).then(() => setRow(null))
        }
      >
        <Form.Item label={t('consult.departmentAnswer')} name="answer" rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

function Notices({ c }: { c: ConsultDetail }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const actions = useConsultActions(c.id);
  const blocked =
    c.channel === 'phone' ? t('consult.noNoticeForPhone') : !c.itemId ? t('consult.noticeNeedsItem') : null;
  const issue = () =>
    actions.issueNotice.mutateAsync().then((n) => {
      message.success(t('consult.noticeIssued', { number: n.number }));
      window.open(noticePdfUrl(c.id, n.id), '_blank');
    }, notifyError);
  return (
    <Card
      size="small"
      title={t('consult.notices')}
      style={{ marginTop: 16 }}
      extra={
        can('consult.handle') && (
          <Button
            icon={<FilePdfOutlined />}
            disabled={!!blocked}
            title={blocked ?? undefined}
            loading={actions.issueNotice.isPending}
            onClick={issue}
          >
            {t('consult.issueNotice')}
          </Button>
        )
      }
    >
      {blocked && c.notices.length === 0 ? (
        <Typography.Text type="secondary">{blocked}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={c.notices}
          renderItem={(n) => (
            <List.Item
              actions={[
                <a key="open" href={noticePdfUrl(c.id, n.id)} target="_blank" rel="noreferrer">
                  {t('consult.open')}
                </a>,
              ]}
            >
              {n.number}　{formatTime(n.issuedAt)}　{n.issuedBy}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

export function ConsultDetailPage() {
  const t = useT();
  const label = useConsultLabel();
  const { id } = useParams();
  const q = useConsultation(id);
  const c = q.data;
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!c) return <PageLoading />;

  return (
    <Card
      title={
        <Space>
          {t('consult.number')} {c.number}
          <ConsultStatusTag status={c.status} />
          {c.coverFor && <Tag color="purple">{t('st.coverFor', { name: c.coverFor })}</Tag>}
        </Space>
      }
      extra={
        <Link to="/consultations">
          <Button icon={<ArrowLeftOutlined />}>{t('common.back')}</Button>
        </Link>
      }
    >
      {c.canHandle && (
        <div style={{ marginBottom: 16 }}>
          <ConsultActions c={c} />
        </div>
      )}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('consult.channel')}>
          <ChannelText channel={c.channel} />
        </Descriptions.Item>
        <Descriptions.Item label={t('consult.registeredDay')}>{formatTime(c.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('consult.personName')}>{c.personName}</Descriptions.Item>
        <Descriptions.Item label={t('consult.contactPhone')}>
          <Phone c={c} />
        </Descriptions.Item>
        <Descriptions.Item label={t('consult.firstOwner')}>{c.firstOwnerName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('consult.handler')}>{c.handlerName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('consult.item')}>{c.itemName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('consult.dueDate')}>
          <LightTag light={c.light} dueDate={c.dueDate} provisional={c.dueProvisional} />
        </Descriptions.Item>
        <Descriptions.Item label={t('consult.question')} span={2}>
          <span className="ow-consult-answer">{c.question}</span>
        </Descriptions.Item>
        {c.answer && (
          <Descriptions.Item label={t('consult.answer')} span={2}>
            <span className="ow-consult-answer">{c.answer}</span>
            <div>
              <Typography.Text type="secondary">
                {c.answeredBy}　{formatTime(c.answeredAt)}
              </Typography.Text>
            </div>
          </Descriptions.Item>
        )}
        {c.referralText && (
          <Descriptions.Item label={t('consult.referral')} span={2}>
            {c.referralText}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Departments c={c} />
      <Notices c={c} />
      <Card size="small" title={t('consult.trail')} style={{ marginTop: 16 }}>
        <Timeline
          items={c.trail.map((e, i) => ({
            key: i,
            content: (
              <div>
                <Space size="middle">
                  <strong>{label('consultAction', e.action)}</strong>
                  <span>{e.userName ?? t('consult.byPerson')}</span>
                  <Typography.Text type="secondary">{formatTime(e.at)}</Typography.Text>
                </Space>
                {e.detail && <TrailDetail detail={e.detail} />}
              </div>
            ),
          }))}
        />
      </Card>
    </Card>
  );
}

/** The few details worth reading on the trail: texts, dates, who to. */
function TrailDetail({ detail }: { detail: Record<string, unknown> }) {
  const parts = ['answer', 'dueDate', 'to', 'note', 'reason', 'text', 'departments', 'department', 'noticeNumber']
    .map((k) => detail[k])
    .filter((v) => v !== undefined && v !== null && v !== '')
    .map((v) => (Array.isArray(v) ? v.join('、') : String(v)));
  if (parts.length === 0) return null;
  return (
    <div className="ow-consult-answer" style={{ color: '#555' }}>
      {parts.join('；')}
    </div>
  );
}
