import { App } from 'antd';
import { useCallback } from 'react';
import { isApiError, isNetworkError } from '../api/client';
import { useT } from '../i18n';

/** Toasts an error: the server's (zh-CN) message, or a generic network message. */
export function useNotifyError(): (err: unknown) => void {
  const { message } = App.useApp();
  const t = useT();
  return useCallback(
    (err: unknown) => {
      if (isApiError(err) && err.code === 'PASSWORD_CHANGE_REQUIRED') return; // handled by redirect
      if (isApiError(err) && err.status === 401 && err.code !== 'INVALID_CREDENTIALS') return;
      if (isNetworkError(err)) message.error(t('error.network'));
      else message.error(err instanceof Error ? err.message : String(err));
    },
    [message, t],
  );
}
