/** The routes of the OpenAPI document as the generated-input tests see them. */
export type Schema = {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  minLength?: number;
  minimum?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  nullable?: boolean;
};
export type Param = { in: 'path' | 'query'; name: string; schema?: Schema };
export type Operation = { method: string; path: string; params: Param[]; body: Schema | null };

export function operations(doc: { paths: Record<string, Record<string, any>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    // Event streams stay open by design; their hall lookup is covered by their own tests.
    if (path.endsWith('/stream')) continue;
    for (const [method, op] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      ops.push({
        method,
        path,
        params: (op.parameters ?? []) as Param[],
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return ops;
}

/** A parameter the route reads as a number (whatever the schema's variant wrapping). */
export function isNumeric(s: Schema | undefined): boolean {
  if (!s) return false;
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (types.includes('integer') || types.includes('number')) return true;
  return [...(s.anyOf ?? []), ...(s.oneOf ?? [])].some(isNumeric);
}
