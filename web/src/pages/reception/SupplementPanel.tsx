import { Button, Checkbox, Empty, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type CaseDetail, type CaseSummary, useCase, useCaseAction, useCases } from '../../api/cases';
import { formatTime } from '../../components/format';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';
import { ScansPanel } from '../scans/ScansPanel';
import { ResultPanel } from './ResultPanel';

interface Brought {
  key: string;
  name: string;
  status: 'missing' | 'incorrect';
  reason: string;
  brought: boolean;
  copies: number;
  pages: number;
}

/** 补正: open a pending case and tick what the applicant brought back; nothing is typed twice. */
export function SupplementPanel({ caseId }: { caseId?: string }) {
  const t = useT();
  const [q, setQ] = useState<string | undefined>();
  const [chosen, setChosen] = useState<string | undefined>(caseId);
  const [done, setDone] = useState<CaseDetail | null>(null);
  const pending = useCases({ status: 'awaiting_supplement', q, page: 1, pageSize: 20 });
  useEffect(() => setChosen(caseId), [caseId]);

  if (done) {
    return (
      <>
        <ResultPanel
          detail={done}
          onNext={() => {
            setDone(null);
            setChosen(undefined);
          }}
        />
        <ScansPanel caseId={done.id} atReception />
      </>
    );
  }
  if (chosen) return <SupplementCase id={chosen} onBack={() => setChosen(undefined)} onDone={setDone} />;

  return (
    <div>
      <div data-enter="keep" style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label={t('rc.sup.find')}
          placeholder={t('rc.sup.findPlaceholder')}
          enterButton={t('rc.find')}
          allowClear
          style={{ maxWidth: 480 }}
          onSearch={(v) => setQ(v.trim() || undefined)}
        />
      </div>
      <Table<CaseSummary>
        rowKey="id"
        size="small"
        loading={pending.isFetching}
        dataSource={pending.data?.items}
        pagination={false}
        onRow={(r) => ({ onClick: () => setChosen(r.id) })}
        rowClassName={() => 'rc-clickable'}
        columns={[
          { title: t('cs.applicant'), dataIndex: 'applicantName' },
          { title: t('cs.item'), dataIndex: 'itemName' },
          { title: t('cs.receivedAt'), dataIndex: 'receivedAt', render: (v: number) => formatTime(v) },
          {
            title: '',
            render: (_v, r) => (
              <Button size="small" onClick={() => setChosen(r.id)}>
                {t('rc.sup.open')}
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}

function SupplementCase({ id, onBack, onDone }: { id: string; onBack: () => void; onDone: (d: CaseDetail) => void }) {
  const t = useT();
  const notify = useNotifyError();
  const detail = useCase(id);
  const action = useCaseAction(id);
  const [rows, setRows] = useState<Brought[]>([]);
  const c = detail.data;
  useEffect(() => {
    if (!c) return;
    const defaults = new Map(c.materials.map((m) => [m.key, m]));
    setRows(
      c.checklist.shortfalls.map((s) => ({
        ...s,
        brought: false,
        copies: Math.max(1, defaults.get(s.key)?.copies ?? 1),
        pages: 1,
      })),
    );
  }, [c]);
  if (!c) return null;
  if (c.state !== 'awaiting_supplement')
    return (
      <Empty description={t('rc.sup.notPending', { state: c.stateLabel })}>
        <Button onClick={onBack}>{t('common.back')}</Button>
      </Empty>
    );

  const patch = (key: string, p: Partial<Brought>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...p } : r)));
  const brought = rows.filter((r) => r.brought);
  const submit = async () => {
    try {
      onDone(
        await action.mutateAsync({
          path: 'supplement',
          body: { materials: brought.map(({ key, copies, pages }) => ({ key, copies, pages })), accept: true },
        }),
      );
    } catch (e) {
      notify(e);
    }
  };

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text strong>{c.applicant.name}</Typography.Text>
        <span>{c.itemName}</span>
        {c.documents
          .filter((d) => d.kind === 'one_time_notice')
          .map((d) => (
            <Tag key={d.id}>
              {d.kindLabel} {d.docNo}
            </Tag>
          ))}
      </Space>
      <Table<Brought>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: t('rc.sup.brought'),
            width: 90,
            render: (_v, r) => (
              <Checkbox
                aria-label={t('rc.sup.broughtOf', { name: r.name })}
                checked={r.brought}
                onChange={(e) => patch(r.key, { brought: e.target.checked })}
              />
            ),
          },
          {
            title: t('rc.material'),
            render: (_v, r) => (
              <>
                {r.name} <Tag color={r.status === 'missing' ? 'orange' : 'red'}>{t(`rc.mat.${r.status}`)}</Tag>
                {r.reason && <Typography.Text type="secondary">{r.reason}</Typography.Text>}
              </>
            ),
          },
          {
            title: t('rc.copies'),
            width: 80,
            render: (_v, r) => (
              <InputNumber
                aria-label={t('rc.copiesOf', { name: r.name })}
                size="small"
                min={1}
                max={99}
                disabled={!r.brought}
                value={r.copies}
                onChange={(v) => patch(r.key, { copies: v ?? 1 })}
              />
            ),
          },
          {
            title: t('rc.pages'),
            width: 80,
            render: (_v, r) => (
              <InputNumber
                aria-label={t('rc.pagesOf', { name: r.name })}
                size="small"
                min={1}
                max={9999}
                disabled={!r.brought}
                value={r.pages}
                onChange={(v) => patch(r.key, { pages: v ?? 1 })}
              />
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Button onClick={onBack}>{t('common.back')}</Button>
        <Button type="primary" size="large" disabled={brought.length === 0} loading={action.isPending} onClick={submit}>
          {t(brought.length === rows.length ? 'rc.sup.submitAccept' : 'rc.sup.submit')}
        </Button>
      </Space>
    </div>
  );
}
