// A real, standards-compliant OpenID Connect provider for the single sign-on tests (docs/decisions/0015): the npm
// package oidc-provider (the certified implementation behind many identity services), on 127.0.0.1 at a free port,
// with one confidential client (authorization code + PKCE) and a few accounts. Nothing of the flow is mocked: the app
// discovers it, redirects to it, exchanges the code at its token endpoint and verifies its signed ID tokens.
// Its own login and consent pages (plain HTML forms with labelled fields) stand in for a council's Entra ID screens.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";

export type TestAccount = {
  /** What the person types on the provider's login page (also their subject identifier). */
  username: string;
  password: string;
  email: string;
  /** The email_verified claim; true unless said otherwise. */
  emailVerified?: boolean;
  name?: string;
};

export type TestOidcProvider = {
  /** The issuer identifier, e.g. http://127.0.0.1:41234 — what an administrator enters as the issuer URL. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: TestAccount[];
  close(): Promise<void>;
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 10_000) throw new Error("form too large");
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function send(res: ServerResponse, status: number, html: string) {
  res.statusCode = status;
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.end(html);
}

/**
 * Starts the provider. `redirectUris` are the client's registered redirect URIs (the app's
 * `/signin/sso/callback`); `idTokenClaims` puts the email claims in the ID token itself (as Entra ID does) instead of
 * only at the UserInfo endpoint (the provider's default for the code flow).
 */
export async function startOidcProvider(opts: {
  redirectUris: string[];
  accounts: TestAccount[];
  clientId?: string;
  clientSecret?: string;
  idTokenClaims?: boolean;
}): Promise<TestOidcProvider> {
  const clientId = opts.clientId ?? `members-requests-${randomBytes(4).toString("hex")}`;
  const clientSecret = opts.clientSecret ?? randomBytes(24).toString("base64url");
  const accounts = opts.accounts;
  const byUsername = new Map(accounts.map((a) => [a.username, a]));

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signingKey = {
    ...privateKey.export({ format: "jwk" }),
    kid: "test-signing-key",
    alg: "RS256",
    use: "sig",
  };

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: opts.redirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [signingKey as never] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    conformIdTokenClaims: !opts.idTokenClaims,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    async findAccount(_ctx, sub) {
      const a = byUsername.get(sub);
      if (!a) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { sub, email: a.email, email_verified: a.emailVerified ?? true, name: a.name ?? a.username };
        },
      };
    },
    async renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = page(
        "Sign-in error",
        `<p>${escapeHtml(String(out.error ?? "error"))}: ${escapeHtml(String(out.error_description ?? ""))}</p>`,
      );
    },
  };
  const provider = new Provider(issuer, configuration);
  const handle = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined) {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) return send(res, 400, page("Sign-in error", "<p>That sign-in has expired.</p>"));
    const { prompt, params } = details;
    if (prompt.name === "login") {
      let error = "";
      if (req.method === "POST" && action === "login") {
        const form = await formBody(req);
        const a = byUsername.get(form.get("username") ?? "");
        if (a && a.password === form.get("password")) {
          await provider.interactionFinished(
            req,
            res,
            { login: { accountId: a.username } },
            { mergeWithLastSubmission: false },
          );
          return;
        }
        error = `<p role="alert">Wrong username or password.</p>`;
      }
      return send(
        res,
        200,
        page(
          "Sign in to the council",
          `${error}<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<p><label for="username">Username</label><br><input id="username" name="username" autocomplete="username"></p>
<p><label for="password">Password</label><br><input id="password" name="password" type="password"></p>
<button type="submit">Log in</button></form>`,
        ),
      );
    }
    if (prompt.name === "consent") {
      if (req.method === "POST" && action === "confirm") {
        await formBody(req);
        const grant = details.grantId
          ? await provider.Grant.find(details.grantId)
          : new provider.Grant({ accountId: details.session!.accountId, clientId: String(params.client_id) });
        if (!grant) throw new Error("grant not found");
        const missingScope = prompt.details.missingOIDCScope as string[] | undefined;
        const missingClaims = prompt.details.missingOIDCClaims as string[] | undefined;
        if (missingScope) grant.addOIDCScope(missingScope.join(" "));
        if (missingClaims) grant.addOIDCClaims(missingClaims);
        const grantId = await grant.save();
        await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
        return;
      }
      return send(
        res,
        200,
        page(
          "Allow access",
          `<p>Members' Requests would like your email address and name.</p>
<form method="post" action="/interaction/${escapeHtml(uid)}/confirm"><button type="submit">Allow</button></form>`,
        ),
      );
    }
    return send(res, 501, page("Sign-in error", `<p>Not implemented: ${escapeHtml(prompt.name)}</p>`));
  }

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const m = /^\/interaction\/([\w-]+)(?:\/(login|confirm))?$/.exec(new URL(req.url ?? "/", issuer).pathname);
    if (!m) return void handle(req, res);
    interaction(req, res, m[1]!, m[2]).catch((e: unknown) => {
      if (!res.headersSent) send(res, 400, page("Sign-in error", `<p>${escapeHtml(String(e))}</p>`));
      else res.end();
    });
  });

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
