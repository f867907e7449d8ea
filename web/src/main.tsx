import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { markSessionExpired, meKey } from './api/auth';
import { isApiError, setAuthHandlers } from './api/client';
import type { Me } from './api/types';
import { LocaleProvider } from './i18n';
import { router } from './router';
import './global.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      retry: (count, err) => !(isApiError(err) && err.status >= 400 && err.status < 500) && count < 2,
    },
  },
});

const PUBLIC_PATHS = /^\/(login|guide)(\/|$)/;

setAuthHandlers({
  // RequireAuth sees `me` become null and sends the user to /login?next=…
  unauthenticated: () => {
    if (PUBLIC_PATHS.test(window.location.pathname)) return;
    if (queryClient.getQueryData(meKey)) markSessionExpired();
    queryClient.setQueryData(meKey, null);
  },
  passwordChangeRequired: () => {
    queryClient.setQueryData<Me | null>(meKey, (me) => (me ? { ...me, mustChangePassword: true } : me));
    if (window.location.pathname !== '/account/password') void router.navigate('/account/password', { replace: true });
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <RouterProvider router={router} />
      </LocaleProvider>
    </QueryClientProvider>
  </StrictMode>,
);
