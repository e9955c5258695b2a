import type { EmailLinks } from "./notification-emails.ts";
import { issueUnsubscribeToken, type TokenKeys, type UnsubscribeScope } from "./unsubscribe-token.ts";

/** Links for one recipient's email: the app's origin and a signed unsubscribe link per scope shown. */
export function emailLinksFor(keys: TokenKeys, appUrl: string) {
  return async (userId: string, scopes: readonly UnsubscribeScope[]): Promise<EmailLinks> => {
    const tokens = new Map<UnsubscribeScope, string>();
    for (const scope of new Set(scopes)) tokens.set(scope, await issueUnsubscribeToken(keys, { userId, type: scope }));
    return {
      appUrl,
      unsubscribe: (scope) => {
        const token = tokens.get(scope);
        if (!token) throw new Error(`emailLinksFor: no unsubscribe token minted for ${scope}`);
        return new URL(`/unsubscribe?token=${encodeURIComponent(token)}`, appUrl).toString();
      },
    };
  };
}
