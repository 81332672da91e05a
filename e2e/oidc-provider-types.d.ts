/**
 * The part of oidc-provider 8's API the journeys' identity provider (e2e/oidc-provider.ts) uses: the package ships no
 * types of its own, and DefinitelyTyped's would be one more dependency for one test file.
 */
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  export type KoaContextWithOIDC = {
    oidc: {
      provider: Provider;
      client?: { clientId: string };
      session?: { accountId?: string; grantIdFor(clientId: string): string | undefined };
      params?: Record<string, unknown>;
      result?: { consent?: { grantId?: string } };
    };
  };

  export type Account = { accountId: string; claims(use: string, scope: string): Promise<Record<string, unknown> & { sub: string }> };

  export type Configuration = {
    clients?: Record<string, unknown>[];
    scopes?: string[];
    claims?: Record<string, string[]>;
    findAccount?(ctx: KoaContextWithOIDC, sub: string): Promise<Account | undefined>;
    loadExistingGrant?(ctx: KoaContextWithOIDC): Promise<Grant | undefined>;
    interactions?: { url?(ctx: KoaContextWithOIDC, interaction: { uid: string }): string };
    features?: {
      devInteractions?: { enabled: boolean };
      rpInitiatedLogout?: { enabled: boolean; logoutSource?(ctx: { type: string; body: string }, form: string): Promise<void> };
    };
    cookies?: { keys?: string[] };
  };

  export class Grant {
    constructor(properties: { clientId: string; accountId?: string });
    static find(id: string): Promise<Grant | undefined>;
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }

  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    Grant: typeof Grant;
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
    interactionDetails(request: IncomingMessage, response: ServerResponse): Promise<{ uid: string; prompt: { name: string }; params: Record<string, unknown> }>;
    interactionFinished(request: IncomingMessage, response: ServerResponse, result: Record<string, unknown>, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
  }
}
