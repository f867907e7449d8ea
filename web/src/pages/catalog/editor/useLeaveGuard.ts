import { App } from 'antd';
import { type RefObject, useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { useT } from '../../../i18n';

/** Asks before leaving the editor (in-app navigation or closing the tab) while `dirtyRef.current` is true. */
export function useLeaveGuard(dirtyRef: RefObject<boolean>): void {
  const t = useT();
  const { modal } = App.useApp();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirtyRef.current && currentLocation.pathname !== nextLocation.pathname,
  );

  const asking = useRef(false);
  useEffect(() => {
    if (blocker.state !== 'blocked' || asking.current) return;
    asking.current = true;
    modal.confirm({
      title: t('editor.leaveTitle'),
      content: t('editor.leaveConfirm'),
      okText: t('editor.leave'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => {
        asking.current = false;
        blocker.proceed();
      },
      onCancel: () => {
        asking.current = false;
        blocker.reset();
      },
    });
  }, [blocker, modal, t]);

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (dirtyRef.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirtyRef]);
}
