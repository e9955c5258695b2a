/**
 * Idempotency keys for a form that books something: sending the same request again (a double
 * click, a retry after a network error) reuses its key, so the server books it once; a request
 * with anything changed gets a new key, so it is not mistaken for the earlier one.
 */
export function createRequestKeys(generate: () => string = () => crypto.randomUUID()) {
  let last: { request: string; key: string } | undefined;
  return {
    keyFor(request: unknown): string {
      const serialized = JSON.stringify(request);
      if (last?.request !== serialized) last = { request: serialized, key: generate() };
      return last.key;
    },
  };
}
