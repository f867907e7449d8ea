import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useGuideDetail } from '../../api/publicGuide';
import type { MaterialFileKind } from '../../api/types';
import { ItemContentView } from '../../components/content/ItemContentView';
import { formatDate } from '../../components/format';
import { NotFound, PageLoading, QueryError } from '../../components/Results';
import { useT } from '../../i18n';
import { useGuideHall } from './PublicLayout';

export function GuideDetailPage() {
  const t = useT();
  const { id } = useParams();
  const { setHall } = useGuideHall();
  const guide = useGuideDetail(id);
  const data = guide.data;

  useEffect(() => {
    if (data) setHall(data.hall);
  }, [data, setHall]);
  useEffect(() => {
    if (data) document.title = `${data.content.name} - ${t('guide.title')}`;
  }, [data, t]);

  const deptName = useMemo(() => {
    const names = new Map((data?.departments ?? []).map((d) => [d.id, d.name]));
    return (deptId: string) => names.get(deptId) ?? '';
  }, [data]);

  const download = useMemo(() => {
    const present = new Set((data?.materialFiles ?? []).map((f) => `${f.materialKey}/${f.kind}`));
    return (key: string, kind: MaterialFileKind) =>
      present.has(`${key}/${kind}`) && data
        ? `/api/public/guide/${data.id}/materials/${encodeURIComponent(key)}/files/${kind}`
        : undefined;
  }, [data]);

  if (guide.error) {
    if (isApiError(guide.error) && guide.error.status === 404)
      return <NotFound home="/guide" subTitle={t('guide.notFound')} />;
    return <QueryError error={guide.error} onRetry={() => guide.refetch()} />;
  }
  if (!data) return <PageLoading />;

  const windows = [...data.windows].sort((a, b) => a.number - b.number);
  const extra = [
    {
      key: 'windows',
      label: t('guide.windows'),
      children: windows.length
        ? windows.map((w) => (
            <div key={w.number}>
              {t('window.numberDisplay', { n: w.number })}　{w.name}
            </div>
          ))
        : t('guide.noWindows'),
    },
    {
      key: 'departments',
      label: t('guide.departments'),
      children: data.departments.length
        ? data.departments.map((d) => (
            <div key={d.id}>
              {d.name}
              {d.phone && <span style={{ color: '#666' }}>　{d.phone}</span>}
            </div>
          ))
        : '—',
    },
  ];

  return (
    <Card className="ow-guide-card">
      <div className="ow-guide-head">
        <div>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {data.content.name}
          </Typography.Title>
          <Typography.Text type="secondary">
            {data.hall.name}　{t('guide.version', { v: data.version, date: formatDate(data.publishedAt) })}
          </Typography.Text>
        </div>
        <Space className="no-print">
          <Link to="/guide">
            <Button icon={<ArrowLeftOutlined />}>{t('guide.backToList')}</Button>
          </Link>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('common.print')}
          </Button>
        </Space>
      </div>
      {data.content.onlinePrereview?.allowed && (
        <Alert
          className="no-print"
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('pr.guideHint', { days: data.content.onlinePrereview.limitDays })}
          action={
            <Link to={`/prereview/apply/${data.id}`}>
              <Button type="primary">{t('pr.entry')}</Button>
            </Link>
          }
        />
      )}
      <ItemContentView
        content={data.content}
        code={data.code}
        deptName={deptName}
        extra={extra}
        showDepartments={false}
        download={download}
      />
    </Card>
  );
}
