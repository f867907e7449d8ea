import { PaperClipOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Row,
  Segmented,
  Space,
  Table,
  Tag,
  Timeline,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { applyFieldError } from '../../api/formErrors';
import {
  type ListFilter,
  type PrereviewDetail,
  type PrereviewSummary,
  passApplication,
  returnApplication,
  staffFileUrl,
  usePrereview,
  usePrereviewList,
} from '../../api/prereview';
import { formatTime } from '../../components/format';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';
import { LightTag } from '../consult/labels';
import { PrereviewStateTag, RequirementTag } from './labels';
import './prereview.css';

const FILTERS: ListFilter[] = ['waiting', 'returned', 'passed', 'accepted', 'all'];

/** 网上预审 (desk, 1440 px): the applications sent online, on their pre-review clock; open one, pass or return it. */
export function PrereviewDeskPage() {
  const t = useT();
  const [query, setQuery] = useState({ state: 'waiting' as ListFilter, q: undefined as string | undefined, page: 1 });
  const [openId, setOpenId] = useState<string | null>(null);
  const list = usePrereviewList({ ...query, pageSize: 20 });
  if (list.error && !list.data) return <QueryError error={list.error} onRetry={() => list.refetch()} />;
  return (
    <Row gutter={16}>
      <Col span={10}>
        <Card title={t('pr.desk')}>
          <div className="ow-pr-muted" style={{ marginBottom: 12 }}>
            {t('pr.deskIntro')}
          </div>
          <div className="ow-toolbar">
            <Segmented<ListFilter>
              value={query.state}
              options={FILTERS.map((f) => ({ value: f, label: t(`pr.filter.${f}`) }))}
              onChange={(v) => setQuery({ ...query, state: v, page: 1 })}
            />
            <Input.Search
              aria-label={t('pr.search')}
              placeholder={t('pr.search')}
              allowClear
              style={{ width: 200 }}
              onSearch={(v) => setQuery({ ...query, q: v.trim() || undefined, page: 1 })}
            />
          </div>
          <Table<PrereviewSummary>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items}
            rowClassName={(r) =>
              `${r.id === openId ? 'ow-pr-selected' : ''} ${r.light === 'red' ? 'ow-row-overdue' : ''}`
            }
            onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
            pagination={{
              current: query.page,
              pageSize: 20,
              total: list.data?.total,
              onChange: (page) => setQuery({ ...query, page }),
            }}
            columns={[
              {
                title: t('pr.number'),
                dataIndex: 'number',
                render: (v: string, r) => (
                  <>
                    <div>{v}</div>
                    <div className="ow-pr-muted">{r.itemName}</div>
                  </>
                ),
              },
              {
                title: t('pr.applicant'),
                dataIndex: 'applicantName',
                render: (v: string, r) => (
                  <>
                    <div>{v}</div>
                    <div className="ow-pr-muted">{r.phone}</div>
                  </>
                ),
              },
              {
                title: t('pr.dueDay'),
                dataIndex: 'dueDay',
                width: 150,
                render: (_: unknown, r) =>
                  r.state === 'submitted' ? (
                    <LightTag light={r.light} dueDate={r.dueDay} provisional={r.dueProvisional} />
                  ) : (
                    <PrereviewStateTag state={r.state} />
                  ),
              },
              {
                title: '',
                width: 70,
                render: (_: unknown, r) => (
                  <Button size="small" type={r.id === openId ? 'primary' : 'default'} onClick={() => setOpenId(r.id)}>
                    {t('pr.open')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <Col span={14}>
        {openId ? (
          <ApplicationPanel id={openId} />
        ) : (
          <Card>
            <Empty description={t('pr.deskIntro')} />
          </Card>
        )}
      </Col>
    </Row>
  );
}

function ApplicationPanel({ id }: { id: string }) {
  const t = useT();
  const q = usePrereview(id);
  const [acting, setActing] = useState<'pass' | 'return' | null>(null);
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  const a = q.data;
  if (!a) return <Card loading />;
  return (
    <Card
      title={
        <Space>
          {a.number}
          <PrereviewStateTag state={a.state} />
        </Space>
      }
      extra={
        a.state === 'submitted' && (
          <Space>
            <Button danger onClick={() => setActing('return')}>
              {t('pr.return')}
            </Button>
            <Button type="primary" onClick={() => setActing('pass')}>
              {t('pr.pass')}
            </Button>
          </Space>
        )
      }
    >
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('pr.item')} span={2}>
          {a.itemName}
        </Descriptions.Item>
        <Descriptions.Item label={t('pr.applicant')}>{a.applicantName}</Descriptions.Item>
        <Descriptions.Item label={t('pr.docNumber')}>
          {t(`docType.${a.docType}` as 'docType.passport')} {a.docNumber}
        </Descriptions.Item>
        <Descriptions.Item label={t('pr.phone')}>{a.phone}</Descriptions.Item>
        <Descriptions.Item label={t('pr.address')}>{a.address || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('pr.rounds')}>{t('pr.round', { n: a.round })}</Descriptions.Item>
        <Descriptions.Item label={t('pr.dueDay')}>
          {a.state === 'submitted' ? (
            <LightTag light={a.light} dueDate={a.dueDay} provisional={a.dueProvisional} />
          ) : (
            '—'
          )}
          <span className="ow-pr-muted">　{t('pr.due', { day: a.dueDay ?? '—', days: a.limitDays })}</span>
        </Descriptions.Item>
        {a.caseNo && (
          <Descriptions.Item label={t('pr.caseNo', { caseNo: '' })} span={2}>
            <Link to={`/cases/${a.caseId}`}>{a.caseNo}</Link>
          </Descriptions.Item>
        )}
      </Descriptions>
      {a.state === 'returned' && a.notice && (
        <Alert
          type="warning"
          style={{ marginTop: 12 }}
          title={t('pr.noticeTitle')}
          description={a.notice.items.map((i) => `${i.name}：${i.requirement}`).join('；')}
        />
      )}
      {a.pass && (
        <Alert
          type="success"
          style={{ marginTop: 12 }}
          title={t('pr.passTitle')}
          description={[a.pass.appointment, a.pass.note].filter(Boolean).join('；') || undefined}
        />
      )}
      <Table
        style={{ marginTop: 12 }}
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={a.materials}
        columns={[
          {
            title: t('pr.materials'),
            dataIndex: 'name',
            width: 220,
            render: (v: string, m) => (
              <>
                {v} <RequirementTag requirement={m.requirement} />
              </>
            ),
          },
          {
            title: t('sc.files'),
            render: (_: unknown, m) =>
              m.files.length === 0 ? (
                <span className="ow-pr-muted">{t('pr.noFile')}</span>
              ) : (
                m.files.map((f) => (
                  <div key={f.id}>
                    <a href={staffFileUrl(a.id, f.id)} target="_blank" rel="noreferrer">
                      <PaperClipOutlined /> {f.name}
                    </a>{' '}
                    <span className="ow-pr-muted">
                      {t('pr.round', { n: f.round })} · {formatTime(f.uploadedAt)}
                    </span>
                  </div>
                ))
              ),
          },
        ]}
      />
      <Card size="small" title={t('pr.trail')} style={{ marginTop: 12 }}>
        <Timeline
          items={a.events.map((e) => ({
            children: (
              <span>
                {formatTime(e.at)} {e.actorName} {t(`pr.action.${e.action}` as 'pr.action.create')}
                {typeof e.detail.name === 'string' && <span className="ow-pr-muted">　{e.detail.name}</span>}
              </span>
            ),
          }))}
        />
      </Card>
      {acting === 'pass' && <PassModal a={a} onClose={() => setActing(null)} />}
      {acting === 'return' && <ReturnModal a={a} onClose={() => setActing(null)} />}
    </Card>
  );
}

function useDone() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: ['prereview'] });
}

function PassModal({ a, onClose }: { a: PrereviewDetail; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const done = useDone();
  const [form] = Form.useForm<{ note: string; appointment: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { note?: string; appointment?: string }) => {
    setBusy(true);
    try {
      await passApplication(a.id, { note: v.note ?? '', appointment: v.appointment ?? '' });
      message.success(t('pr.passDone'));
      done();
      onClose();
    } catch (e) {
      if (!applyFieldError(form, e)) notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`${t('pr.pass')} · ${a.number}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('pr.pass')}
      confirmLoading={busy}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="note" label={t('pr.passNote')}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        <Form.Item name="appointment" label={t('pr.passAppointment')}>
          <Input maxLength={120} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReturnModal({ a, onClose }: { a: PrereviewDetail; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const done = useDone();
  const [picked, setPicked] = useState<Record<string, string | undefined>>({});
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const corrections = Object.entries(picked)
      .filter(([, v]) => v !== undefined)
      .map(([key, requirement]) => ({ key, requirement: requirement ?? '' }));
    if (corrections.length === 0) {
      setError(t('pr.pickOne'));
      return;
    }
    setBusy(true);
    try {
      await returnApplication(a.id, { corrections, note });
      message.success(t('pr.returnDone'));
      done();
      onClose();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      width={640}
      title={`${t('pr.return')} · ${a.number}`}
      onCancel={onClose}
      onOk={submit}
      okText={t('pr.return')}
      okButtonProps={{ danger: true }}
      confirmLoading={busy}
    >
      <div style={{ marginBottom: 8 }}>{t('pr.returnPick')}</div>
      {error && <Alert type="error" title={error} style={{ marginBottom: 8 }} />}
      {a.materials.map((m) => (
        <div key={m.key} className="ow-pr-return-row">
          <Checkbox
            checked={picked[m.key] !== undefined}
            onChange={(e) => setPicked({ ...picked, [m.key]: e.target.checked ? '' : undefined })}
          >
            {m.name}
            {m.files.length === 0 && <Tag style={{ marginInlineStart: 6 }}>{t('pr.noFile')}</Tag>}
          </Checkbox>
          {picked[m.key] !== undefined && (
            <Input
              aria-label={`${t('pr.returnRequirement')} ${m.name}`}
              placeholder={t('pr.returnRequirement')}
              value={picked[m.key]}
              maxLength={300}
              onChange={(e) => setPicked({ ...picked, [m.key]: e.target.value })}
            />
          )}
        </div>
      ))}
      <Input.TextArea
        style={{ marginTop: 8 }}
        aria-label={t('pr.returnNote')}
        placeholder={t('pr.returnNote')}
        rows={2}
        maxLength={500}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
    </Modal>
  );
}
