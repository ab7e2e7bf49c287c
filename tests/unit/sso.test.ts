// Single sign-on's pure parts (docs/decisions/0015): the issuer URL rules, the sealed values, the sign-in page's
// form-action allowance and the messages chosen by code.
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/lib/security/headers";
import { ssoErrorMessage } from "@/lib/sso/messages";
import { issuerUrlProblem } from "@/lib/sso/oidc";
import { seal, unseal } from "@/lib/sso/seal";

describe("single sign-on", () => {
  it("issuer URLs: https, or http only on this machine while the app itself runs on http", () => {
    expect(issuerUrlProblem("https://login.microsoftonline.com/tenant/v2.0", true)).toBeNull();
    expect(issuerUrlProblem("http://127.0.0.1:4000", false)).toBeNull();
    expect(issuerUrlProblem("http://localhost:4000/realms/x", false)).toBeNull();
    expect(issuerUrlProblem("http://127.0.0.1:4000", true)).toBe("The issuer URL must start with https://");
    expect(issuerUrlProblem("http://idp.example.com", false)).toBe("The issuer URL must start with https://");
    expect(issuerUrlProblem("http://127.0.0.2", false)).toBe("The issuer URL must start with https://");
    expect(issuerUrlProblem("javascript:alert(1)", false)).toBe("The issuer URL must start with https://");
    expect(issuerUrlProblem("https://u:p@idp.example.com", true)).toMatch(/user name or password/);
    expect(issuerUrlProblem("https://idp.example.com/?x=1", true)).toMatch(/query/);
    expect(issuerUrlProblem("not a url", true)).toMatch(/correct format/);
  });

  it("a sealed value opens only with the same secret, for the same purpose, unchanged", () => {
    const sealed = seal("client-secret-value", "oidc-client-secret", "k1");
    expect(sealed).not.toContain("client-secret-value");
    expect(unseal(sealed, "oidc-client-secret", "k1")).toBe("client-secret-value");
    expect(unseal(sealed, "oidc-client-secret", "k2")).toBeNull();
    expect(unseal(sealed, "sso-flow", "k1")).toBeNull();
    expect(unseal(`${sealed.slice(0, -2)}AA`, "oidc-client-secret", "k1")).toBeNull();
    expect(unseal("plain-text", "oidc-client-secret", "k1")).toBeNull();
  });

  it("only the sign-in page lets a form's redirect reach another origin (its SSO form), and plain http only for this machine over http", () => {
    expect(contentSecurityPolicy("n", { https: false, dev: false })).toContain("form-action 'self';");
    expect(contentSecurityPolicy("n", { https: true, dev: false, ssoForm: true })).toContain(
      "form-action 'self' https:;",
    );
    expect(contentSecurityPolicy("n", { https: false, dev: false, ssoForm: true })).toContain(
      "form-action 'self' https: http://localhost:* http://127.0.0.1:*;",
    );
  });

  it("messages come from codes only", () => {
    expect(ssoErrorMessage("no-account")).toMatch(/Accounts are not created by signing in/);
    expect(ssoErrorMessage("toString")).toBeNull();
    expect(ssoErrorMessage("<script>")).toBeNull();
    expect(ssoErrorMessage(undefined)).toBeNull();
  });
});
