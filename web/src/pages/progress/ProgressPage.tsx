import { formatTime } from '../../components/format';
import { Alert, Button, Card, Descriptions, Form, Input, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { lookupProgress, type Progress } from '../../api/progress';
import { lookupPlaces, type ProgressPlaces } from '../../api/township';
import { useT } from '../../i18n';

/** 办件进度查询 (public): case number (or ?no= from the receipt's QR code) and the last 4 digits of the phone. */
export function ProgressPage() {
  const t = useT();
  const [params] = useSearchParams();
  const [form] = Form.useForm<{ no: string; phone4: string }>();
  const [result, setResult] = useState<Progress | null>(null);
  const [places, setPlaces] = useState<ProgressPlaces['places']>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fromQr = params.get('no') ?? '';

  const submit = async (v: { no: string; phone4: string }) => {
    setBusy(true);
    setProblem(null);
    try {
      setResult(await lookupProgress(v.no.trim(), v.phone4));
      // 县乡联办: where it was received and where it is processed; the page stands without it.
      setPlaces(
        await lookupPlaces(v.no.trim(), v.phone4).then(
          (p) => p.places,
          () => null,
        ),
      );
    } catch (e) {
      setResult(null);
      if (isApiError(e) && e.status === 404) setProblem(t('pg.notFound'));
      else if (isApiError(e) && e.status === 429) setProblem(t('pg.tooMany'));
      else setProblem(isApiError(e) && e.status === 400 ? e.message : t('error.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="pg-page" style={{ maxWidth: 720, margin: '0 auto' }}>
      <Card title={t('pg.title')}>
        <Form form={form} layout="inline" initialValues={{ no: fromQr }} onFinish={submit} style={{ rowGap: 8 }}>
          <Form.Item
            name="no"
            label={t('pg.caseNo')}
            rules={[{ required: true, whitespace: true, message: t('pg.caseNoRequired') }]}
          >
            <Input style={{ width: 240 }} placeholder="QCX-ZWFW-2026-000001" autoFocus={!fromQr} />
          </Form.Item>
          <Form.Item
            name="phone4"
            label={t('pg.phone4')}
            rules={[{ required: true, pattern: /^\d{4}$/, message: t('pg.phone4Rule') }]}
          >
            <Input style={{ width: 100 }} maxLength={4} inputMode="numeric" autoFocus={!!fromQr} autoComplete="off" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('pg.lookup')}
            </Button>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('pg.hint')}
        </Typography.Paragraph>
        {problem && <Alert type="warning" showIcon title={problem} />}
      </Card>
      {result && (
        <Card
          style={{ marginTop: 16 }}
          title={
            <>
              {result.caseNo}　<Tag color="blue">{result.stateLabel}</Tag>
            </>
          }
        >
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('pg.item')}>{result.itemName}</Descriptions.Item>
            {places ? (
              <>
                <Descriptions.Item label={t('pg.receivedAt')}>{places.receivedAt}</Descriptions.Item>
                <Descriptions.Item label={t('pg.processedAt')}>{places.processedAt}</Descriptions.Item>
                <Descriptions.Item label={t('pg.pickup')}>{places.pickupLabel}</Descriptions.Item>
              </>
            ) : (
              <Descriptions.Item label={t('pg.hall')}>{result.hallName}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('pg.state')}>{result.stateLabel}</Descriptions.Item>
            <Descriptions.Item label={t('pg.acceptedDay')}>{result.acceptedDay ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('pg.promised')}>
              {result.promisedDate ?? '—'}
              {result.provisional && (
                <Tag color="warning" style={{ marginLeft: 6 }}>
                  {t('cs.provisional')}
                </Tag>
              )}
              {result.clockStopped && (
                <Tag color="orange" style={{ marginLeft: 6 }}>
                  {t('pg.clockStopped')}
                </Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('pg.current')}>{result.currentStep ?? '—'}</Descriptions.Item>
            {result.completedDay && (
              <Descriptions.Item label={t('pg.completedDay')}>{result.completedDay}</Descriptions.Item>
            )}
          </Descriptions>
          {result.steps.length > 0 && (
            <Steps
              style={{ marginTop: 16 }}
              size="small"
              current={Math.max(
                0,
                result.steps.findIndex((s) => s.status === 'active'),
              )}
              items={result.steps.map((s) => ({
                title: s.name,
                description: s.status === 'skipped' ? t('cs.stepStatus.skipped') : (s.doneDay ?? undefined),
                status: s.status === 'done' ? 'finish' : s.status === 'active' ? 'process' : 'wait',
              }))}
            />
          )}
          {(result.notices?.length ?? 0) > 0 && (
            <div data-testid="progress-notices" style={{ marginTop: 16 }}>
              <Typography.Title level={5}>{t('nt.progressNotices')}</Typography.Title>
              {result.notices!.map((n) => (
                <div key={`${n.at}-${n.channel}`} style={{ marginBottom: 8, overflowWrap: 'anywhere' }}>
                  <Typography.Text type="secondary">
                    {formatTime(n.at)} · {n.event} · {n.channel}
                  </Typography.Text>
                  <div>{n.body}</div>
                </div>
              ))}
            </div>
          )}
        </Card>
      )}
    </div>
  );
}
