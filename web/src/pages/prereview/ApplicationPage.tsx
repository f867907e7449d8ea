import { CheckCircleFilled, DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, List, Progress, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  lookupApplication,
  type PrereviewMaterial,
  type PublicApplication,
  publicFileUrl,
  removeFile,
  submitApplication,
  uploadApplicationFile,
} from '../../api/prereview';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';
import { PrereviewStateTag, RequirementTag } from './labels';
import './prereview.css';

/** The applicant's page of one online application (on a phone): state, notice, uploads, (re)submission. */
export function ApplicationPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const no = params.get('no') ?? '';
  const code = params.get('code') ?? '';
  if (!no || !code) return <LookupForm onFound={(n, c) => setParams({ no: n, code: c })} />;
  return <Application no={no} code={code} fresh={params.get('new') === '1'} t={t} />;
}

function LookupForm({ onFound }: { onFound: (no: string, code: string) => void }) {
  const t = useT();
  return (
    <Card className="ow-pr-card" title={t('pr.lookupTitle')}>
      <Form layout="vertical" onFinish={(v: { no: string; code: string }) => onFound(v.no.trim(), v.code.trim())}>
        <Form.Item name="no" label={t('pr.number')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="code" label={t('pr.code')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={16} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large">
          {t('pr.lookup')}
        </Button>
      </Form>
    </Card>
  );
}

function Application({ no, code, fresh, t }: { no: string; code: string; fresh: boolean; t: ReturnType<typeof useT> }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const key = ['prereview', 'public', no, code];
  const q = useQuery({ queryKey: key, queryFn: () => lookupApplication(no, code), retry: false });
  const [sending, setSending] = useState(false);
  const set = (a: PublicApplication) => qc.setQueryData(key, a);

  if (q.isLoading) return <Skeleton active />;
  if (q.error || !q.data)
    return (
      <Card className="ow-pr-card">
        <Result status="warning" title={q.error?.message ?? ''} extra={<Link to="/prereview">{t('pr.lookup')}</Link>} />
      </Card>
    );
  const a = q.data;
  const editable = a.state === 'draft' || a.state === 'returned';
  const submit = async () => {
    setSending(true);
    try {
      const next = await submitApplication(no, code);
      set(next);
      message.success(t('pr.submitted', { day: next.dueDay ?? '' }));
    } catch (e) {
      notifyError(e);
    } finally {
      setSending(false);
    }
  };

  return (
    <Space direction="vertical" size={12} className="ow-pr-page">
      <Card className="ow-pr-card" size="small">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {a.itemName}
        </Typography.Title>
        <div className="ow-pr-muted">{a.hallName}</div>
        <div className="ow-pr-line">
          <PrereviewStateTag state={a.state} />
          <span>
            {t('pr.number')} <strong data-testid="pr-number">{a.number}</strong>
          </span>
        </div>
        <div className="ow-pr-line">
          {t('pr.code')} <strong data-testid="pr-code">{a.lookupCode}</strong>
          <span className="ow-pr-muted">
            {a.applicantName}　{a.phone}
          </span>
        </div>
        {a.state === 'submitted' && a.dueDay && (
          <Alert type="info" showIcon title={t('pr.due', { day: a.dueDay, days: a.limitDays })} />
        )}
        {fresh && a.state === 'draft' && (
          <Alert
            type="success"
            showIcon
            title={t('pr.created')}
            description={t('pr.keep', { number: a.number, code: a.lookupCode })}
          />
        )}
      </Card>
      {a.state === 'returned' && a.notice && (
        <Alert
          type="warning"
          showIcon
          className="ow-pr-notice"
          title={t('pr.noticeTitle')}
          description={
            <>
              <div>{t('pr.noticeIntro')}</div>
              <ol>
                {a.notice.items.map((i) => (
                  <li key={i.key}>
                    <strong>{i.name}</strong>：{i.requirement}
                  </li>
                ))}
              </ol>
              {a.notice.note && <div>{a.notice.note}</div>}
            </>
          }
        />
      )}
      {a.state === 'passed' && a.pass && (
        <Card className="ow-pr-card" size="small">
          <Result
            status="success"
            title={t('pr.passTitle')}
            subTitle={t('pr.passIntro', { hall: a.hallName })}
            style={{ padding: 8 }}
          />
          {a.pass.appointment && (
            <div>
              {t('pr.appointment')}：<strong>{a.pass.appointment}</strong>
            </div>
          )}
          {a.pass.note && (
            <div>
              {t('pr.note')}：{a.pass.note}
            </div>
          )}
        </Card>
      )}
      {a.state === 'accepted' && (
        <Card className="ow-pr-card" size="small">
          <Result
            status="success"
            title={t('pr.acceptedTitle')}
            subTitle={t('pr.caseNo', { caseNo: a.caseNo ?? '' })}
            extra={<Link to={`/progress?no=${encodeURIComponent(a.caseNo ?? '')}`}>{t('pr.progress')}</Link>}
            style={{ padding: 8 }}
          />
        </Card>
      )}
      <Card className="ow-pr-card" size="small" title={t('pr.materials')}>
        {editable && (
          <div className="ow-pr-muted" style={{ marginBottom: 8 }}>
            {t('pr.uploadHint', { mb: Math.round(a.maxBytes / 1024 / 1024) })}
          </div>
        )}
        <List
          dataSource={a.materials}
          renderItem={(m) => (
            <MaterialRow key={m.key} m={m} a={a} editable={editable} no={no} code={code} onChange={set} />
          )}
        />
        {editable && (
          <Button type="primary" block size="large" onClick={submit} loading={sending} style={{ marginTop: 12 }}>
            {a.state === 'returned' ? t('pr.resubmit') : t('pr.submit')}
          </Button>
        )}
      </Card>
    </Space>
  );
}

function MaterialRow(props: {
  m: PrereviewMaterial;
  a: PublicApplication;
  editable: boolean;
  no: string;
  code: string;
  onChange: (a: PublicApplication) => void;
}) {
  const { m, a, editable, no, code, onChange } = props;
  const t = useT();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const input = useRef<HTMLInputElement>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const onFiles = async (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      setPercent(0);
      try {
        onChange(await uploadApplicationFile(no, code, m.key, file, { language: t.locale, onProgress: setPercent }));
        message.success(t('pr.uploaded', { name: file.name }));
      } catch (e) {
        notifyError(e);
      } finally {
        setPercent(null);
      }
    }
    if (input.current) input.current.value = '';
  };
  const remove = async (id: string, name: string) => {
    try {
      onChange(await removeFile(no, code, id));
      message.success(t('pr.removed', { name }));
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <List.Item className={`ow-pr-material${m.toCorrect ? ' ow-pr-correct' : ''}`} data-material={m.key}>
      <div className="ow-pr-material-head">
        <span className="ow-pr-material-name">
          {m.files.length > 0 && !m.toCorrect && <CheckCircleFilled style={{ color: '#389e0d' }} />} {m.name}
        </span>
        <span>
          <RequirementTag requirement={m.requirement} />
          {m.toCorrect && <Tag color="error">{t('pr.toCorrect')}</Tag>}
        </span>
      </div>
      {m.condition && <div className="ow-pr-muted">{m.condition}</div>}
      {m.files.length === 0 ? (
        <div className="ow-pr-muted">{t('pr.noFile')}</div>
      ) : (
        m.files.map((f) => (
          <div key={f.id} className="ow-pr-file">
            <a href={publicFileUrl(no, code, f.id)} target="_blank" rel="noreferrer">
              <PaperClipOutlined /> {f.name}
            </a>
            {editable && f.round === a.round + 1 && (
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={`${t('pr.remove')} ${f.name}`}
                onClick={() => remove(f.id, f.name)}
              />
            )}
          </div>
        ))
      )}
      {editable && (
        <>
          <input
            ref={input}
            type="file"
            hidden
            multiple
            accept="application/pdf,image/jpeg,image/png"
            aria-label={`${t('pr.upload')} ${m.name}`}
            onChange={(e) => void onFiles(e.target.files)}
          />
          {percent !== null ? (
            <Progress percent={percent} size="small" />
          ) : (
            <Button icon={<UploadOutlined />} onClick={() => input.current?.click()} block>
              {t('pr.upload')}
            </Button>
          )}
        </>
      )}
    </List.Item>
  );
}
