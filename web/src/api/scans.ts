import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, api } from './client';
import type { Answer } from './contract';

export type CaseScans = Answer<'/api/cases/{id}/scans'>;
export type Scan = CaseScans['materials'][number]['scans'][number];
export type ScanType = CaseScans['types'][number];

export const scanAccept = 'application/pdf,image/jpeg,image/png';

export function useCaseScans(caseId: string | undefined) {
  return useQuery({
    queryKey: ['cases', 'scans', caseId],
    queryFn: () => api.get<CaseScans>(`/api/cases/${caseId}/scans`),
    enabled: !!caseId,
  });
}

/** Shown in the browser (inline) or saved (download); the server audits every read. */
export const scanUrl = (caseId: string, scanId: string, download = false) =>
  `/api/cases/${caseId}/scans/${scanId}/content${download ? '?download=1' : ''}`;

/**
 * One file to one material, with upload progress (fetch cannot report it, so XMLHttpRequest). Resolves with the
 * scan; `duplicate` says the same file was already attached and nothing new was stored.
 */
export function uploadScan(
  caseId: string,
  materialKey: string,
  file: File,
  opts: { language: string; onProgress: (percent: number) => void },
): Promise<Scan & { duplicate: boolean }> {
  const url = `/api/cases/${encodeURIComponent(caseId)}/materials/${encodeURIComponent(materialKey)}/scans`;
  return uploadFile(url, file, opts);
}

/** Posts one file as the multipart part `file`, reporting progress; an error answer rejects as an ApiError. */
export function uploadFile<T>(
  url: string,
  file: File,
  opts: { language: string; onProgress: (percent: number) => void },
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', opts.language);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress(Math.round((e.loaded * 100) / e.total));
    };
    xhr.onload = () => {
      let data: { code?: string; message?: string; field?: string } = {};
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: keep the status text below
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else
        reject(new ApiError(xhr.status, data.code ?? `HTTP_${xhr.status}`, data.message ?? xhr.statusText, data.field));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'network error'));
    const body = new FormData();
    body.append('file', file, file.name);
    xhr.send(body);
  });
}

/** After an upload: the scans list and the case (its trail) are read again. */
export function useScansChanged(caseId: string) {
  const qc = useQueryClient();
  return useCallback(() => {
    void qc.invalidateQueries({ queryKey: ['cases', 'scans', caseId] });
    void qc.invalidateQueries({ queryKey: ['cases', 'detail', caseId] });
  }, [qc, caseId]);
}
