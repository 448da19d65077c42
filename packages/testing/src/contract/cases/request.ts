/** Small request helpers shared by the contract cases. */
import type { RequestTarget } from '../serve.js';

export function sendJson(target: RequestTarget, path: string, body: unknown, method = 'POST'): Promise<Response> {
  return target(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** Status and parsed JSON body in one step, for `toEqual` on both. */
export async function statusAndJson(response: Promise<Response>): Promise<{ status: number; body: unknown }> {
  const res = await response;
  return { status: res.status, body: await res.json() };
}
