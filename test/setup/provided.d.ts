declare module "vitest" {
  interface ProvidedContext {
    databaseUrl: string;
    wsProxy: string;
    jwtPrivateKey: string;
    baseUrl: string;
    chromiumPath: string | null;
    stripeMockUrl: string;
    coinbaseApiUrl: string;
    coinbaseApiKey: string;
  }
}
export {};
