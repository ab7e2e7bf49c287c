// House rules that lint cannot see on its own: data code is server-only, and the public files exist.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function files(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (rel.includes("generated")) return [];
    return statSync(path.join(root, rel)).isDirectory() ? files(rel) : /\.tsx?$/.test(name) ? [rel] : [];
  });
}

const TOUCHES_DATA = /from "@\/lib\/db"|from "nodemailer"|from "pg-boss"|from "\.\/pgboss"|NEXTAUTH_SECRET/;

describe("conventions", () => {
  it("every lib/ module that touches the database, email or secrets is marked server-only", () => {
    const offenders = files("lib").filter((f) => {
      const src = readFileSync(path.join(root, f), "utf8");
      return TOUCHES_DATA.test(src) && !src.includes('import "server-only"');
    });
    expect(offenders).toEqual([]);
  });

  it("no page or component imports the database client", () => {
    const offenders = [...files("app"), ...files("components")].filter((f) =>
      /from "@\/lib\/(db|db-client|generated\/)/.test(readFileSync(path.join(root, f), "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("public/ keeps the service out of search engines and carries the icons the manifest names", () => {
    expect(readFileSync(path.join(root, "public/robots.txt"), "utf8")).toMatch(/User-agent: \*\s+Disallow: \//);
    const manifest = JSON.parse(readFileSync(path.join(root, "public/site.webmanifest"), "utf8")) as {
      icons: { src: string }[];
    };
    for (const icon of manifest.icons)
      expect(statSync(path.join(root, "public", icon.src)).size).toBeGreaterThan(0);
    expect(statSync(path.join(root, "public/favicon.ico")).size).toBeGreaterThan(0);
  });
});
