export * from './events.ts';
export * from './render.ts';
export * from './retry.ts';
export * from './collection.ts';
