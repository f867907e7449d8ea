/**
 * The server's answers and request bodies, read off the generated OpenAPI types (schema.gen.ts, `npm run api:types`)
 * so the web never keeps a hand-written copy that can drift from the routes' zod schemas.
 */
import type { paths } from './schema.gen';

export type { paths };

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** The methods a path declares (openapi-typescript writes `never` for the others). */
export type MethodOf<P extends keyof paths> = {
  [M in Method]: paths[P][M] extends never | undefined ? never : M;
}[Method];

type Operation<P extends keyof paths, M extends MethodOf<P>> = NonNullable<paths[P][M]>;
type Json<R> = R extends { content: { 'application/json': infer J } } ? J : never;

/** The JSON body of a 200 (or else 201) answer. */
export type Answer<P extends keyof paths, M extends MethodOf<P> = 'get' & MethodOf<P>> =
  Operation<P, M> extends { responses: infer R }
    ? R extends { 200: infer A }
      ? Json<A>
      : R extends { 201: infer A }
        ? Json<A>
        : never
    : never;

/** The JSON request body. */
export type Body<P extends keyof paths, M extends MethodOf<P>> = Json<NonNullable<Operation<P, M>['requestBody']>>;

/** The query parameters. */
export type QueryOf<P extends keyof paths, M extends MethodOf<P> = 'get' & MethodOf<P>> = NonNullable<
  Operation<P, M>['parameters']['query']
>;

/** One element of a list answer (`{ items, total }` or a bare array). */
export type Item<L> = L extends { items: (infer I)[] } ? I : L extends (infer I)[] ? I : never;
