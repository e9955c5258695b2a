import { env } from "cloudflare:test";
import { call, type JsonResponse } from "./http.ts";

let ipCounter = 0;
/** A fresh client IP per caller, so per-IP rate limits of one test never touch another. */
export const freshIp = () => `198.51.100.${(ipCounter++ % 250) + 1}`;

/** A tiny cookie jar over call(): what a browser keeps between requests. */
export class Session {
  private cookies = new Map<string, string>();
  readonly ip = freshIp();

  cookieHeader(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async call<T = unknown>(path: string, init: Parameters<typeof call>[1] = {}): Promise<JsonResponse<T>> {
    const cookie = this.cookieHeader();
    const res = await call<T>(path, {
      ...init,
      headers: { "cf-connecting-ip": this.ip, ...init.headers },
      ...(cookie ? { cookie } : {}),
    });
    for (const sc of res.headers.getSetCookie()) {
      const [pair, ...attrs] = sc.split(";");
      const eq = pair?.indexOf("=") ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /max-age=0/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  login(email: string, password = DEMO_PASSWORD) {
    return this.call<{ user: { id: string; role: string } }>("/api/auth/login", {
      method: "POST",
      body: { email, password },
    });
  }
}

export const DEMO_PASSWORD = "tollgate-dev-password";
export const uniqueEmail = (tag: string) => `${tag}-${crypto.randomUUID().slice(0, 8)}@example.test`;

/** The link in the newest mail to `to`; waits a little, since some mails go out after the response. */
export async function latestMailLink(
  to: string,
  pattern: RegExp,
  options: { timeoutMs?: number; newerThan?: string } = {},
): Promise<string> {
  const deadline = Date.now() + (options.timeoutMs ?? 5000);
  for (;;) {
    const res = await call<{ messages: { text: string }[] }>(`/api/dev/outbox?to=${encodeURIComponent(to)}`);
    const text = res.body.messages[0]?.text ?? "";
    const link = pattern.exec(text)?.[0];
    if (link && link !== options.newerThan) return link;
    if (Date.now() > deadline) throw new Error(`no link matching ${pattern} in mail to ${to}: ${text}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The confirmation link's token, from the newest mail to `to`. */
export async function verificationToken(to: string): Promise<string> {
  const link = await latestMailLink(to, /http\S+\/verify\?token=\S+/);
  const token = new URL(link).searchParams.get("token");
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}

/** What the /verify page's "Confirm my email" button sends. */
export const confirmEmail = (session: Session, token: string) =>
  session.call<{ status: string }>("/api/auth/verify", { method: "POST", body: { token } });

export const jwtPrivateKey = () => (env as unknown as { JWT_PRIVATE_KEY: string }).JWT_PRIVATE_KEY;

/** Registers, verifies through the outbox link and signs in a brand-new user. */
export async function signUpVerified(
  tag: string,
  password = "a-strong-passphrase-42",
): Promise<{ session: Session; email: string; userId: string }> {
  const session = new Session();
  const email = uniqueEmail(tag);
  const reg = await session.call("/api/auth/register", { method: "POST", body: { email, password } });
  if (reg.status !== 202) throw new Error(`register failed: ${reg.status} ${JSON.stringify(reg.body)}`);
  const verified = await confirmEmail(session, await verificationToken(email));
  if (verified.body.status !== "ok") throw new Error(`verify failed: ${JSON.stringify(verified.body)}`);
  const login = await session.login(email, password);
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  return { session, email, userId: login.body.user.id };
}
