import { api } from './client';
import type { Answer } from './contract';

export type Progress = Answer<'/api/public/progress'>;

export const lookupProgress = (no: string, phone4: string) => api.get<Progress>('/api/public/progress', { no, phone4 });
