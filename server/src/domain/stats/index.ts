export * from './erlang-c.ts';
export * from './forecast.ts';
export * from './overview.ts';
