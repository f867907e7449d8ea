/**
 * 离线收件 (R17.2): while the server cannot be reached, receptions are kept in the browser (IndexedDB, dexie) and
 * sent when it is back, each with its own Idempotency-Key, so a reception sent twice (a lost answer, two tabs)
 * is registered once.
 */
import Dexie, { type EntityTable } from 'dexie';
import { useCallback, useEffect, useState } from 'react';
import { api, isApiError, isNetworkError } from '../../api/client';
import type { ReceptionInput } from '../../api/reception';

export interface QueuedReception {
  key: string;
  input: ReceptionInput;
  queuedAt: number;
  /** Why the server refused it, when it did (kept for the clerk to see; not retried). */
  error: string | null;
}

const db = new Dexie('onewindow-offline') as Dexie & { receptions: EntityTable<QueuedReception, 'key'> };
db.version(1).stores({ receptions: 'key, queuedAt' });

export async function enqueueReception(input: ReceptionInput): Promise<void> {
  await db.receptions.add({ key: crypto.randomUUID(), input, queuedAt: Date.now(), error: null });
}

let flushing: Promise<{ sent: number; refused: string[] }> | null = null;

/** Sends what is queued, oldest first; stops at the first network failure. One flush at a time per tab. */
export function flushReceptions(): Promise<{ sent: number; refused: string[] }> {
  flushing ??= (async () => {
    let sent = 0;
    const refused: string[] = [];
    try {
      for (const q of await db.receptions.orderBy('queuedAt').toArray()) {
        if (q.error) continue;
        try {
          await api.post('/api/intake/receptions', q.input, { headers: { 'Idempotency-Key': q.key } });
          await db.receptions.delete(q.key);
          sent += 1;
        } catch (e) {
          if (isNetworkError(e)) break;
          const msg = isApiError(e) ? e.message : String(e);
          await db.receptions.update(q.key, { error: msg });
          refused.push(msg);
        }
      }
    } finally {
      flushing = null;
    }
    return { sent, refused };
  })();
  return flushing;
}

/** The queue as the screen shows it, refreshed on change, and the browser's online state. */
export function useOfflineQueue() {
  const [items, setItems] = useState<QueuedReception[]>([]);
  const [online, setOnline] = useState(navigator.onLine);
  const refresh = useCallback(async () => setItems(await db.receptions.orderBy('queuedAt').toArray()), []);
  useEffect(() => {
    void refresh();
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    const timer = window.setInterval(() => void refresh(), 2000);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
      window.clearInterval(timer);
    };
  }, [refresh]);
  return { items, online, refresh };
}
