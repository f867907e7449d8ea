export * from './estimate.ts';
export * from './ordering.ts';
export * from './priorities.ts';
