export * from './attendance.ts';
export * from './cover.ts';
