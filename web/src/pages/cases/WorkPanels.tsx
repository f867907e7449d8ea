import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useCan, useMe } from '../../api/auth';
import { type CaseDetail, useCaseAction } from '../../api/cases';
import { formatTime } from '../../components/format';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';
import { AssignStepModal } from './AssignStepModal';
import { DeadlineLight } from './labels';

/** The steps with who holds each and its time node; the active ones can be claimed or finished from here. */
export function StepsTable({ c }: { c: CaseDetail }) {
  const t = useT();
  const notify = useNotifyError();
  const action = useCaseAction(c.id);
  // The case names its steps' departments: a leader may open the case without reading the hall's department list.
  const deptName = (s: CaseDetail['steps'][number]) => s.departmentName ?? '—';
  const slipsOf = (stepId: string) => c.routingSlips.filter((s) => s.stepId === stepId);
  const run = (path: string, body: unknown = {}) => action.mutateAsync({ path, body }).catch(notify);
  const open = !['archived', 'withdrawn', 'not_accepted', 'terminated'].includes(c.state);
  const me = useMe().data;
  const can = useCan();
  const { message } = App.useApp();
  const [picking, setPicking] = useState<{ step: CaseDetail['steps'][number]; mode: 'assign' | 'hand-over' } | null>(
    null,
  );
  // Directing staff (supervisor, router, station head) assign any step; processors only their department's.
  const mayAssign = (s: CaseDetail['steps'][number]) =>
    can('case.route') ||
    can('case.review') ||
    (can('case.process') && (!s.departmentId || !!me?.departments.some((d) => d.id === s.departmentId)));
  return (
    <>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={c.steps}
        columns={[
          { title: '#', dataIndex: 'order', width: 40 },
          {
            title: t('cs.step'),
            render: (_v, s) => (
              <>
                {s.name}
                {/* A sign-off step names the authority level that signs it (逐级签批). */}
                {s.authority && (
                  <Tag color="purple" style={{ marginLeft: 6 }} data-testid={`step-authority-${s.key}`}>
                    {t('authority.needs', { level: t(`authority.${s.authority}`) })}
                  </Tag>
                )}
              </>
            ),
          },
          { title: t('cs.department'), render: (_v, s) => deptName(s) },
          { title: t('cs.assignee'), render: (_v, s) => s.assignee?.name ?? '—' },
          {
            title: t('cs.timeNode'),
            render: (_v, s) =>
              s.deadline ? (
                <DeadlineLight
                  light={s.status === 'active' ? s.light : null}
                  date={s.deadline}
                  provisional={s.deadlineProvisional}
                />
              ) : (
                t('cs.limitDays', { n: s.limitDays })
              ),
          },
          {
            title: t('cs.stepStatus'),
            render: (_v, s) => (
              <Tag
                color={s.status === 'done' ? 'green' : s.status === 'active' ? 'blue' : 'default'}
                data-testid={`step-status-${s.key}`}
              >
                {t(`cs.stepStatus.${s.status}`)}
              </Tag>
            ),
          },
          {
            title: t('cs.routingSlips'),
            render: (_v, s) =>
              slipsOf(s.id)
                .map((r) => `${formatTime(r.at)} ${r.handedOverBy}`)
                .join('；') || '—',
          },
          {
            title: '',
            render: (_v, s) =>
              open && s.status === 'active' ? (
                <Space size={4}>
                  {/* Exactly what the process lets this person do on this step; decisions sit in the action bar above. */}
                  {s.actions.includes('claimStep') && (
                    <Button size="small" onClick={() => run(`steps/${s.id}/claim`)}>
                      {t('bo.claim')}
                    </Button>
                  )}
                  {s.actions.includes('finishStep') && (
                    <Button size="small" type="primary" ghost onClick={() => run(`steps/${s.id}/finish`, { note: '' })}>
                      {t('bo.finishStep', { step: s.name })}
                    </Button>
                  )}
                  {s.actions.includes('handBackStep') && s.handBackTo && (
                    <Button
                      size="small"
                      onClick={() =>
                        action
                          .mutateAsync({ path: `steps/${s.id}/hand-back`, body: { note: '' } })
                          .then(() => message.success(t('bo.handedBack', { name: s.handBackTo?.name ?? '' })))
                          .catch(notify)
                      }
                    >
                      {t('bo.handBack', { name: s.handBackTo.name })}
                    </Button>
                  )}
                  {s.departmentId && mayAssign(s) && (
                    <Button size="small" onClick={() => setPicking({ step: s, mode: 'assign' })}>
                      {t('bo.assign')}
                    </Button>
                  )}
                  {s.departmentId && s.assignee?.id === me?.id && (
                    <Button size="small" onClick={() => setPicking({ step: s, mode: 'hand-over' })}>
                      {t('bo.handOver')}
                    </Button>
                  )}
                </Space>
              ) : null,
          },
        ]}
      />
      {picking && (
        <AssignStepModal caseId={c.id} step={picking.step} mode={picking.mode} onClose={() => setPicking(null)} />
      )}
    </>
  );
}

const toBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });

/** Verification questions, suspensions, extensions (approved by the station head), result files and delivery. */
export function BackOfficeRecords({ c }: { c: CaseDetail }) {
  const t = useT();
  const notify = useNotifyError();
  const action = useCaseAction(c.id);
  const run = (path: string, body: unknown = {}) => action.mutateAsync({ path, body }).catch(notify);
  const canUpload = c.allowedActions.includes('complete');
  const files = c.files ?? [];
  return (
    <>
      {(c.verifications ?? []).length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('bo.verifications')}
          </Typography.Title>
          {c.verifications?.map((v) => (
            <p key={v.id}>
              <Typography.Text strong>{v.question}</Typography.Text>（{v.askedBy}，
              {t('bo.answerBy', {
                date: v.responseDeadline + (v.responseDeadlineProvisional ? `（${t('cs.provisional')}）` : ''),
              })}
              ）
              <br />
              {v.answer ? (
                `${t('cs.field.answer')}：${v.answer}（${v.answeredBy ?? ''}）`
              ) : (
                <Tag color="orange">{t('bo.unanswered')}</Tag>
              )}
            </p>
          ))}
        </>
      )}
      {((c.suspensions ?? []).length > 0 || (c.extensions ?? []).length > 0) && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('bo.clock')}
          </Typography.Title>
          {c.suspensions?.map((s) => (
            <p key={s.id}>
              {t('bo.suspension', {
                kind: s.kindLabel,
                from: s.fromDay,
                to: s.toDay ?? t('bo.ongoing'),
                reason: s.reason,
              })}
            </p>
          ))}
          {c.extensions?.map((e) => (
            <p key={e.id}>
              {t('bo.extension', { n: e.extraDays, reason: e.reason, by: e.requestedBy })}
              <Tag
                style={{ marginLeft: 6 }}
                color={e.status === 'approved' ? 'green' : e.status === 'refused' ? 'red' : 'orange'}
              >
                {t(`bo.ext.${e.status}`)}
              </Tag>
              {e.newDeadline &&
                t('bo.newDeadline', {
                  date: e.newDeadline + (e.newDeadlineProvisional ? `（${t('cs.provisional')}）` : ''),
                })}
              {e.status === 'requested' && c.allowedActions.includes('approveExtension') && (
                <Space style={{ marginLeft: 8 }}>
                  <Button size="small" type="primary" onClick={() => run(`extensions/${e.id}/approve`, { note: '' })}>
                    {t('caseAction.approveExtension')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    onClick={() => {
                      const reason = window.prompt(t('cs.field.reason'));
                      if (reason?.trim()) run(`extensions/${e.id}/refuse`, { reason });
                    }}
                  >
                    {t('bo.refuseExtension')}
                  </Button>
                </Space>
              )}
            </p>
          ))}
        </>
      )}
      {(files.length > 0 || canUpload) && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('bo.files')}
          </Typography.Title>
          <Space wrap>
            {files.map((f) => (
              <a key={f.id} href={`/api/cases/${c.id}/files/${f.id}`} target="_blank" rel="noreferrer">
                {f.name}
              </a>
            ))}
            {canUpload && (
              <Upload
                accept="application/pdf,image/png,image/jpeg,.ofd"
                showUploadList={false}
                beforeUpload={async (file) => {
                  try {
                    const dataBase64 = await toBase64(file);
                    await action.mutateAsync({
                      path: 'files',
                      body: {
                        name: file.name,
                        contentType: file.type || 'application/ofd',
                        dataBase64,
                        kind: 'result',
                      },
                    });
                  } catch (e) {
                    notify(e);
                  }
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />}>{t('bo.upload')}</Button>
              </Upload>
            )}
          </Space>
        </>
      )}
      {(c.deliveries ?? []).length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('bo.delivery')}
          </Typography.Title>
          {c.deliveries?.map((d) => (
            <p key={d.at}>
              {d.method === 'collect'
                ? t('bo.collected', {
                    who: d.collectedBy ?? '',
                    doc: `${d.docTypeLabel ?? ''} ${d.docNumber ?? ''}`,
                    at: formatTime(d.at),
                  })
                : t('bo.mailed', { carrier: d.carrier ?? '', no: d.trackingNumber ?? '', at: formatTime(d.at) })}
            </p>
          ))}
        </>
      )}
    </>
  );
}
