/** Liveness probe for load balancers and the benchmark's baseline; no I/O. */
export function GET() {
  return new Response('ok', { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}
