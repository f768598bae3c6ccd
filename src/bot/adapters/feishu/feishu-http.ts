/**
 * The HTTP instance our SDK client uses: the SDK's shared one (`lark.defaultHttpInstance`, whose
 * interceptors unwrap Feishu's answers) with our timeout put on each of our requests. Setting the
 * timeout on the shared instance itself would change it for every SDK client in the process; this
 * way a half-open connection cannot hang one of our calls, and nobody else's calls change.
 */
import * as lark from "@larksuiteoapi/node-sdk";

export function timedHttpInstance(
  timeoutMs: number,
  // Typed as a plain axios instance, but its interceptor answers with the body, as HttpInstance says.
  base: lark.HttpInstance = lark.defaultHttpInstance as unknown as lark.HttpInstance,
): lark.HttpInstance {
  const timed = <D>(opts?: lark.HttpRequestOptions<D>): lark.HttpRequestOptions<D> => ({
    ...opts,
    timeout: opts?.timeout ?? timeoutMs,
  });
  return {
    request: (opts) => base.request(timed(opts)),
    get: (url, opts) => base.get(url, timed(opts)),
    delete: (url, opts) => base.delete(url, timed(opts)),
    head: (url, opts) => base.head(url, timed(opts)),
    options: (url, opts) => base.options(url, timed(opts)),
    post: (url, data, opts) => base.post(url, data, timed(opts)),
    put: (url, data, opts) => base.put(url, data, timed(opts)),
    patch: (url, data, opts) => base.patch(url, data, timed(opts)),
  };
}
