import { FilePdfOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Image, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { isApiError } from '../../api/client';
import {
  type CaseScans,
  type Scan,
  scanAccept,
  scanUrl,
  uploadScan,
  useCaseScans,
  useScansChanged,
} from '../../api/scans';
import { formatTime } from '../../components/format';
import { QueryError } from '../../components/Results';
import { useT } from '../../i18n';
import './scans.css';

type MaterialRow = CaseScans['materials'][number];

const sizeText = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

/**
 * 材料扫描件: the scans of each material, grouped as the checklist is; images shown inline, PDFs opened in a new
 * tab. Reception staff attach more while the case is open — from disk, or from a phone's or tablet's camera.
 */
export function ScansPanel({ caseId, atReception = false }: { caseId: string; atReception?: boolean }) {
  const t = useT();
  const scans = useCaseScans(caseId);
  if (scans.error) return <QueryError error={scans.error} onRetry={() => scans.refetch()} />;
  const data = scans.data;
  const mb = data ? Math.round((data.maxBytes / 1024 / 1024) * 10) / 10 : 20;
  // Scans are of papers handed in: a material not received shows only if it carries scans from before.
  const rows = data
    ? data.materials.filter((m) => m.status === 'received' || (!atReception && m.scans.length > 0))
    : [];
  return (
    <section className="sc-panel" aria-label={t('sc.title')}>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('sc.title')}
      </Typography.Title>
      {data?.canUpload && (
        <Typography.Paragraph type="secondary">
          {atReception && `${t('sc.hintReception')} `}
          {t('sc.hint', { mb })}
        </Typography.Paragraph>
      )}
      <Table<MaterialRow>
        rowKey="key"
        size="small"
        pagination={false}
        loading={scans.isLoading}
        dataSource={rows}
        columns={[
          {
            title: t('sc.material'),
            width: 220,
            render: (_v, m) => (
              <Space orientation="vertical" size={2}>
                {m.name}
                {m.status !== 'received' && <Tag>{t(`rc.mat.${m.status}`)}</Tag>}
              </Space>
            ),
          },
          { title: t('sc.files'), render: (_v, m) => <ScanList caseId={caseId} scans={m.scans} /> },
          ...(data?.canUpload
            ? [
                {
                  title: '',
                  width: 240,
                  render: (_v: unknown, m: MaterialRow) =>
                    m.status === 'received' && <UploadButton caseId={caseId} material={m} maxBytes={data.maxBytes} />,
                },
              ]
            : []),
        ]}
      />
    </section>
  );
}

function ScanList({ caseId, scans }: { caseId: string; scans: Scan[] }) {
  const t = useT();
  if (scans.length === 0) return <Typography.Text type="secondary">{t('sc.none')}</Typography.Text>;
  return (
    <Image.PreviewGroup>
      <div className="sc-list">
        {scans.map((s) => (
          <div key={s.id} className="sc-item">
            {s.contentType === 'application/pdf' ? (
              <a className="sc-pdf" href={scanUrl(caseId, s.id)} target="_blank" rel="noreferrer" title={s.name}>
                <FilePdfOutlined />
              </a>
            ) : (
              <Image className="sc-thumb" width={88} height={88} src={scanUrl(caseId, s.id)} alt={s.name} />
            )}
            <Tooltip title={t('sc.by', { by: s.uploadedBy, at: formatTime(s.uploadedAt), size: sizeText(s.size) })}>
              <div className="sc-name">{s.name}</div>
            </Tooltip>
            <Space size={8}>
              {s.contentType === 'application/pdf' && (
                <a href={scanUrl(caseId, s.id)} target="_blank" rel="noreferrer">
                  {t('sc.open')}
                </a>
              )}
              <a href={scanUrl(caseId, s.id, true)} aria-label={`${t('sc.download')} ${s.name}`}>
                <DownloadOutlined /> {t('sc.download')}
              </a>
            </Space>
          </div>
        ))}
      </div>
    </Image.PreviewGroup>
  );
}

/** A native file input: `capture` lets a phone or tablet offer its camera, `multiple` several pages at once. */
function UploadButton({ caseId, material, maxBytes }: { caseId: string; material: MaterialRow; maxBytes: number }) {
  const t = useT();
  const { message } = App.useApp();
  const changed = useScansChanged(caseId);
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ i: number; n: number; name: string; percent: number } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const mb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;

  const send = async (files: File[]) => {
    const issues: string[] = [];
    let stored = 0;
    for (const [index, file] of files.entries()) {
      if (file.size > maxBytes) {
        issues.push(t('sc.tooLarge', { name: file.name, mb }));
        continue;
      }
      setProgress({ i: index + 1, n: files.length, name: file.name, percent: 0 });
      try {
        const scan = await uploadScan(caseId, material.key, file, {
          language: t.locale,
          onProgress: (percent) => setProgress({ i: index + 1, n: files.length, name: file.name, percent }),
        });
        if (scan.duplicate) message.info(t('sc.duplicate', { name: scan.name }));
        else stored++;
      } catch (e) {
        issues.push(
          t('sc.failed', {
            name: file.name,
            reason: isApiError(e) && e.code === 'NETWORK' ? t('error.network') : (e as Error).message,
          }),
        );
      }
    }
    setProgress(null);
    setProblems(issues);
    if (stored > 0) message.success(t('sc.uploaded', { n: stored }));
    changed();
  };

  return (
    <div className="sc-upload">
      <input
        ref={input}
        type="file"
        hidden
        accept={scanAccept}
        capture="environment"
        multiple
        aria-label={t('sc.uploadFor', { name: material.name })}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) void send(files);
        }}
      />
      <Button icon={<UploadOutlined />} loading={!!progress} onClick={() => input.current?.click()}>
        {t('sc.upload')}
      </Button>
      {progress && (
        <div className="sc-progress" role="status">
          <Typography.Text type="secondary">{t('sc.uploading', progress)}</Typography.Text>
          <Progress percent={progress.percent} size="small" />
        </div>
      )}
      {problems.map((p) => (
        <Alert
          key={p}
          type="error"
          showIcon
          title={p}
          className="sc-problem"
          closable
          onClose={() => setProblems((x) => x.filter((y) => y !== p))}
        />
      ))}
    </div>
  );
}
