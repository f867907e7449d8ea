import { PaperClipOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Empty, List, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useMe } from '../../api/auth';
import type { CaseDetail } from '../../api/cases';
import { useWindows } from '../../api/org';
import { acceptApplication, staffFileUrl, usePrereview, usePrereviewList } from '../../api/prereview';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';
import { ResultPanel } from '../reception/ResultPanel';
import './prereview.css';

/**
 * 从网上预审受理: the applicant of a passed online application is at the window with the originals. The clerk picks
 * it, checks the originals against the uploads and accepts: nothing is typed again.
 */
export function FromPrereviewPanel() {
  const t = useT();
  const [q, setQ] = useState<string | undefined>();
  const [picked, setPicked] = useState<string | null>(null);
  const [done, setDone] = useState<CaseDetail | null>(null);
  const list = usePrereviewList({ state: 'passed', q, page: 1, pageSize: 50 });
  if (done)
    return (
      <ResultPanel
        detail={done}
        onNext={() => {
          setDone(null);
          setPicked(null);
        }}
      />
    );
  return (
    <div>
      <Alert type="info" showIcon title={t('pr.pickIntro')} style={{ marginBottom: 12 }} />
      <Select
        showSearch
        allowClear
        style={{ width: 560 }}
        aria-label={t('pr.pickTitle')}
        placeholder={t('pr.pickTitle')}
        filterOption={false}
        onSearch={(v) => setQ(v.trim() || undefined)}
        value={picked}
        onChange={(v) => setPicked(v ?? null)}
        notFoundContent={<Empty description={t('pr.none')} />}
        options={(list.data?.items ?? []).map((a) => ({
          value: a.id,
          label: `${a.number}　${a.applicantName}（${a.phone}）　${a.itemName}`,
        }))}
      />
      {picked && <Picked id={picked} onAccepted={setDone} />}
    </div>
  );
}

function Picked({ id, onAccepted }: { id: string; onAccepted: (c: CaseDetail) => void }) {
  const t = useT();
  const notifyError = useNotifyError();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const a = usePrereview(id).data;
  const windows = useWindows(a?.hallId ?? me?.halls[0]?.id);
  const [windowId, setWindowId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!a) return null;
  const accept = async () => {
    setBusy(true);
    try {
      const c = (await acceptApplication(a.id, { windowId })) as unknown as CaseDetail;
      void qc.invalidateQueries({ queryKey: ['prereview'] });
      onAccepted(c);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="ow-pr-picked">
      <Space wrap size={16} style={{ margin: '12px 0' }}>
        <span>
          {t('pr.applicant')}：<strong>{a.applicantName}</strong>
        </span>
        <span>
          {t(`docType.${a.docType}` as 'docType.passport')} {a.docNumber}
        </span>
        <span>
          {t('pr.phone')}：{a.phone}
        </span>
        <span>
          {t('pr.item')}：{a.itemName}
        </span>
      </Space>
      {a.pass?.appointment && (
        <div>
          {t('pr.appointment')}：{a.pass.appointment}
        </div>
      )}
      <List
        size="small"
        bordered
        dataSource={a.materials}
        renderItem={(m) => (
          <List.Item>
            <span style={{ width: 220 }}>{m.name}</span>
            <span style={{ flex: 1 }}>
              {m.files.length === 0 ? (
                <Tag>{t('pr.noFile')}</Tag>
              ) : (
                m.files.map((f) => (
                  <a
                    key={f.id}
                    href={staffFileUrl(a.id, f.id)}
                    target="_blank"
                    rel="noreferrer"
                    style={{ marginInlineEnd: 12 }}
                  >
                    <PaperClipOutlined /> {f.name}
                  </a>
                ))
              )}
            </span>
          </List.Item>
        )}
      />
      <Space style={{ marginTop: 12 }}>
        <Select
          allowClear
          aria-label={t('rc.window')}
          placeholder={t('rc.window')}
          style={{ width: 200 }}
          value={windowId}
          onChange={(v) => setWindowId(v ?? null)}
          options={(windows.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.number}号 ${w.name}` }))}
        />
        <Button type="primary" size="large" loading={busy} onClick={accept}>
          {t('pr.accept')}
        </Button>
      </Space>
    </div>
  );
}
