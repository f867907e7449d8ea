import { App, Button, Card, Descriptions, Empty, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useCan, useMe } from '../../api/auth';
import {
  issuePadToken,
  type QueueWindow,
  type Ticket,
  useQueueCategories,
  useQueueWindows,
  useWindowAction,
} from '../../api/queue';
import { useMyCover } from '../../api/staff';
import { HallSelect } from '../../components/HallSelect';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';
import { IssueTicketButton } from './IssueTicketButton';
import { type Dialog, WindowDialogs } from './WindowActions';
import './queue.css';

const STORAGE = 'ow.queue.window';
const stateColor = { open: 'green', paused: 'orange', closed: 'default' } as const;

/** The clerk's window screen: open, pause, close; call, recall, serve, finish, transfer; serve without a ticket. */
export function WindowPage() {
  const t = useT();
  const can = useCan();
  const { modal, message } = App.useApp();
  const notify = useNotifyError();
  const { data: me } = useMe();
  const [hallId, setHallId] = useState<string | undefined>(me?.halls[0]?.id);
  const [windowId, setWindowId] = useState<string | undefined>(() => localStorage.getItem(STORAGE) ?? undefined);
  const windows = useQueueWindows(hallId);
  const categories = useQueueCategories(hallId);
  const action = useWindowAction();
  const [dialog, setDialog] = useState<Dialog>(null);
  // AB岗: the person holding this window is someone I cover now — I may take the window over (B代A).
  const cover = useMyCover(can('staff.self'));

  useEffect(() => {
    if (!hallId && me?.halls[0]) setHallId(me.halls[0].id);
  }, [hallId, me]);
  const list = windows.data?.items ?? [];
  const win: QueueWindow | undefined = list.find((w) => w.id === windowId);
  const current: Ticket | null = win?.current ?? null;

  const run = async (path: string, body?: unknown) => {
    try {
      const res = (await action.mutateAsync({ path, body })) as { ticket?: Ticket | null };
      if (path.endsWith('/call-next') && res && res.ticket === null) message.info(t('window.queueEmpty'));
    } catch (e) {
      notify(e);
    }
  };
  const w = (verb: string) => `/api/queue/windows/${windowId}/${verb}`;
  const tk = (verb: string) => `/api/queue/tickets/${current?.id}/${verb}`;

  const onDialog = async (d: Exclude<Dialog, null>, v: Record<string, unknown>) => {
    if (d === 'pause') await run(w('pause'), { reason: v.reason });
    if (d === 'finish') await run(tk('finish'), { outcomeKind: v.outcomeKind, outcomeId: v.outcomeId ?? null });
    if (d === 'transfer')
      await run(tk('transfer'), {
        categoryId: v.categoryId ?? null,
        windowId: v.windowId ?? null,
        reason: v.reason ?? '',
      });
    setDialog(null);
  };

  const setUpPad = async () => {
    if (!windowId) return;
    try {
      const issued = await issuePadToken(windowId);
      modal.info({
        title: t('window.padToken'),
        width: 640,
        content: (
          <>
            <p>{t('window.padTokenDesc')}</p>
            <Typography.Paragraph copyable code>{`${window.location.origin}${issued.padPath}`}</Typography.Paragraph>
          </>
        ),
      });
    } catch (e) {
      notify(e);
    }
  };

  return (
    <Card
      title={t('window.title')}
      extra={
        hallId && (
          <Typography.Text type="secondary">
            {t('window.links', { kiosk: `/kiosk/${hallId}`, display: `/display/${hallId}` })}
          </Typography.Text>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <HallSelect
          aria-label={t('window.hall')}
          style={{ width: 240 }}
          value={hallId}
          onChange={(v) => {
            setHallId(v);
            setWindowId(undefined);
          }}
        />
        <Select<string>
          aria-label={t('window.window')}
          placeholder={t('window.window')}
          style={{ width: 320 }}
          value={win ? windowId : undefined}
          options={list.map((x) => ({ value: x.id, label: `${x.number} 号 ${x.name}` }))}
          onChange={(v) => {
            setWindowId(v);
            localStorage.setItem(STORAGE, v);
          }}
        />
        {hallId && <IssueTicketButton hallId={hallId} categories={categories.data?.items ?? []} />}
        {win && can('queue.manage') && <Button onClick={setUpPad}>{t('window.padToken')}</Button>}
      </Space>
      {!win ? (
        <Empty description={t('window.chooseWindowFirst')} />
      ) : (
        <>
          <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('common.status')}>
              <Tag color={stateColor[win.state]} data-testid="window-state">
                {t(`windowState.${win.state}` as MessageKey)}
              </Tag>
              {win.pauseReason}
            </Descriptions.Item>
            <Descriptions.Item label={t('display.waiting')}>
              {t('window.waitingForMe', { n: win.waitingForMe })}
            </Descriptions.Item>
            {win.openedByName && (
              <Descriptions.Item>{t('window.heldBy', { name: win.openedByName })}</Descriptions.Item>
            )}
          </Descriptions>
          <Space wrap style={{ marginBottom: 16 }}>
            {win.state === 'closed' && (
              <Button type="primary" onClick={() => run(w('open'))}>
                {t('window.open')}
              </Button>
            )}
            {win.state === 'open' && (
              <Button type="primary" size="large" disabled={!!current} onClick={() => run(w('call-next'))}>
                {t('window.callNext')}
              </Button>
            )}
            {win.state === 'open' && (
              <Button disabled={!!current} onClick={() => run(w('walk-in'), {})}>
                {t('window.walkIn')}
              </Button>
            )}
            {win.state === 'open' && <Button onClick={() => setDialog('pause')}>{t('window.pause')}</Button>}
            {win.state === 'paused' && (
              <Button type="primary" onClick={() => run(w('resume'))}>
                {t('window.resume')}
              </Button>
            )}
            {win.state !== 'closed' &&
              win.openedBy !== me?.id &&
              cover.data?.actingFor.some((a) => a.userId === win.openedBy) && (
                <Button
                  type="primary"
                  onClick={() =>
                    action
                      .mutateAsync({ path: `/api/staff/cover/windows/${windowId}` })
                      .then(() => message.success(t('window.coveredTaken', { name: win.openedByName ?? '' })))
                      .catch(notify)
                  }
                >
                  {t('window.coverTake', { name: win.openedByName ?? '' })}
                </Button>
              )}
            {win.state !== 'closed' && (
              <Button danger disabled={!!current} onClick={() => run(w('close'))}>
                {t('window.close')}
              </Button>
            )}
          </Space>
          {current && (
            <Card type="inner" title={t('window.current')}>
              <div className="ow-window-current" data-testid="window-current">
                {current.number}
              </div>
              <Space wrap style={{ margin: '8px 0 16px' }}>
                <Tag color="blue">{t(`ticketStatus.${current.status}` as MessageKey)}</Tag>
                <Tag>{current.categoryName}</Tag>
                {current.priority !== 'normal' && (
                  <Tag color="green">{t(`priority.${current.priority}` as MessageKey)}</Tag>
                )}
                {current.recallCount > 0 && (
                  <Tag color="orange">
                    {t('window.recall')} ×{current.recallCount}
                  </Tag>
                )}
              </Space>
              <Space wrap>
                {current.status === 'called' && (
                  <Button type="primary" onClick={() => run(tk('start'))}>
                    {t('window.start')}
                  </Button>
                )}
                {current.status === 'called' && <Button onClick={() => run(tk('recall'))}>{t('window.recall')}</Button>}
                {current.status === 'called' && (
                  <Button onClick={() => run(tk('no-show'))}>{t('window.noShow')}</Button>
                )}
                {current.status === 'serving' && (
                  <Button type="primary" onClick={() => setDialog('finish')}>
                    {t('window.finish')}
                  </Button>
                )}
                <Button onClick={() => setDialog('transfer')}>{t('window.transfer')}</Button>
              </Space>
            </Card>
          )}
          <WindowDialogs
            dialog={dialog}
            categories={categories.data?.items ?? []}
            windows={list}
            currentWindowId={win.id}
            busy={action.isPending}
            onCancel={() => setDialog(null)}
            onSubmit={onDialog}
          />
        </>
      )}
    </Card>
  );
}
