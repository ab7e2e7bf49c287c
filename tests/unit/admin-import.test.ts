// Bulk import (issue 15): the CSV parser, the header, and the checks of each row — pure, no database.
import { describe, expect, it } from "vitest";
import {
  decodeCsvBytes,
  IMPORT_COLUMNS,
  parseCsv,
  planImport,
  readImportFile,
  readRows,
  roleLookup,
  templateCsv,
  validateRow,
  type CouncilState,
} from "@/lib/admin/import";

describe("the CSV parser (RFC 4180)", () => {
  it("reads plain rows, with the line each starts on", () => {
    const r = parseCsv("a,b,c\n1,2,3\n4,5,6\n");
    expect(r.error).toBeNull();
    expect(r.records).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["1", "2", "3"] },
      { line: 3, fields: ["4", "5", "6"] },
    ]);
  });

  it("ignores a byte-order mark and reads CRLF, LF and CR line ends alike", () => {
    const r = parseCsv("\uFEFFemail,name\r\na@x.uk,Ann\rb@x.uk,Bob\nc@x.uk,Cy\r\n");
    expect(r.error).toBeNull();
    expect(r.records.map((x) => x.fields)).toEqual([
      ["email", "name"],
      ["a@x.uk", "Ann"],
      ["b@x.uk", "Bob"],
      ["c@x.uk", "Cy"],
    ]);
    expect(r.records.map((x) => x.line)).toEqual([1, 2, 3, 4]);
    expect(r.records[0]!.fields[0]).toBe("email"); // no BOM left on the first column
  });

  it("keeps commas, doubled quotation marks and line breaks inside quoted values, and counts the lines they span", () => {
    const text = 'name,notes\r\n"Smith, Jo","She said ""hello"""\r\n"Two\r\nlines","x"\r\nlast,"a\nb\nc"\nafter,1';
    const r = parseCsv(text);
    expect(r.error).toBeNull();
    expect(r.records).toEqual([
      { line: 1, fields: ["name", "notes"] },
      { line: 2, fields: ["Smith, Jo", 'She said "hello"'] },
      { line: 3, fields: ["Two\nlines", "x"] },
      { line: 5, fields: ["last", "a\nb\nc"] },
      { line: 8, fields: ["after", "1"] },
    ]);
  });

  it("skips blank lines and rows of empty cells, but counts them in line numbers", () => {
    const r = parseCsv("a,b\n\n,\n1,2\n\n");
    expect(r.records).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 4, fields: ["1", "2"] },
    ]);
  });

  it("keeps empty values, a trailing comma included, and a file without a final line end", () => {
    expect(parseCsv("a,,c,\n,,x").records).toEqual([
      { line: 1, fields: ["a", "", "c", ""] },
      { line: 2, fields: ["", "", "x"] },
    ]);
    expect(parseCsv('"",x').records).toEqual([{ line: 1, fields: ["", "x"] }]);
  });

  it("refuses a quotation mark that is never closed, naming the line it opens on", () => {
    const r = parseCsv('a,b\n1,2\n3,"open\nstill open\n');
    expect(r.error?.line).toBe(3);
    expect(r.error?.message).toMatch(/^Line 3: a quotation mark opens a value that is never closed/);
  });

  it("refuses text after a closing quotation mark", () => {
    const r = parseCsv('a,b\n"x"y,2\n');
    expect(r.error?.line).toBe(2);
    expect(r.error?.message).toMatch(/^Line 2: there is text after a closing quotation mark/);
  });

  it("decodes UTF-8 (with its BOM kept for the parser) and falls back to Windows-1252", () => {
    const utf8 = new TextEncoder().encode("\uFEFFname\nSiân");
    expect(parseCsv(decodeCsvBytes(utf8)).records[1]!.fields[0]).toBe("Siân");
    const cp1252 = new Uint8Array([0x6e, 0x0a, 0x53, 0x69, 0xe2, 0x6e]); // "n\nSiân" in Windows-1252
    expect(decodeCsvBytes(cp1252)).toBe("n\nSiân");
  });

  it("the template parses back to the columns and two example rows, which pass the checks", () => {
    const r = parseCsv(templateCsv());
    expect(r.records).toHaveLength(3);
    expect(r.records[0]!.fields).toEqual([...IMPORT_COLUMNS]);
    const file = readImportFile(templateCsv(), "WIG");
    expect(file.errors).toEqual([]);
    expect(file.rows.map((x) => x.email)).toEqual(["jo.bloggs@council.gov.uk", "sam.smith@council.gov.uk"]);
    expect(file.rows[1]).toMatchObject({ roles: ["OFFICER", "CHIEF_OFFICER"], tier: 2, jnc: true, capacity: 10 });
  });
});

describe("the header and rows", () => {
  const rows = (text: string) => readRows(parseCsv(text).records);

  it("matches columns whatever their case or spacing, and ignores empty header cells", () => {
    const r = rows("Email, Name ,Job Title,\nA@X.UK,Ann,Clerk,\n");
    expect("fatal" in r).toBe(false);
    if ("fatal" in r) return;
    expect([...r.columns]).toEqual(["email", "name", "job_title"]);
    expect(r.rows[0]).toEqual({ line: 2, cells: { email: "A@X.UK", name: "Ann", job_title: "Clerk" } });
  });

  it("refuses an unknown column, a repeated one, or a file without email or name (on line 1)", () => {
    const r = rows("email,nmae,email\nx@y.uk,X,x@y.uk\n");
    expect("fatal" in r && r.fatal.map((e) => e.message)).toEqual([
      expect.stringMatching(/^Line 1: the column “nmae” is not one the import knows/),
      "Line 1: the column email appears twice.",
      "Line 1: the file has no name column. Every row needs one.",
    ]);
  });

  it("refuses an empty file, a header alone, and more than 5,000 rows", () => {
    expect(readImportFile("", "WIG").errors[0]!.message).toMatch(/The file is empty/);
    expect(readImportFile("email,name\r\n", "WIG").errors[0]!.message).toMatch(/no rows of people/);
    const big = `email,name\n${Array.from({ length: 5001 }, (_, i) => `p${i}@x.uk,P ${i}`).join("\n")}`;
    expect(readImportFile(big, "WIG").errors).toEqual([
      {
        line: null,
        message: "The file has 5,001 rows of people. Import at most 5,000 at a time: split the file.",
      },
    ]);
  });

  it("refuses a row with more values than columns (an unquoted comma)", () => {
    const r = readImportFile("email,name,roles\nx@y.uk,Smith, Jo,MEMBER\n", "WIG");
    expect(r.errors[0]!.message).toMatch(/^Line 2: this row has more values than the header has columns/);
  });
});

describe("the values of a row", () => {
  const roles = roleLookup("WIG");
  const check = (cells: Record<string, string>, line = 2) => validateRow({ line, cells }, roles);

  it("reads every column: lists by semicolons, roles by stored or council name, offices with portfolios", () => {
    const r = check({
      email: " Jo.Bloggs@Council.GOV.uk ",
      name: "  Jo   Bloggs ",
      job_title: "",
      roles: "member; cabinet member",
      party_group: "Labour Group",
      group_offices: "leader;Spokesperson: Planning ;LEADER",
      wards: "North; South;north;",
      committees: "",
      service: "",
      seniority: "",
      tier: "",
      jnc: "",
      weekly_capacity_hours: "",
      chief_officer_of: "",
    });
    expect(r.errors).toEqual([]);
    expect(r.values).toMatchObject({
      email: "jo.bloggs@council.gov.uk",
      name: "Jo Bloggs",
      jobTitle: null,
      roles: ["MEMBER", "CABINET_MEMBER"],
      partyGroup: "Labour Group",
      offices: [
        { kind: "LEADER", portfolio: "" },
        { kind: "SPOKESPERSON", portfolio: "Planning" },
      ],
      wards: ["North", "South"],
      committees: [],
      service: null,
      seniority: null,
      tier: null,
      jnc: false,
      capacity: null,
      chiefOfficerOf: [],
    });
    expect(check({ email: "a@b.uk", name: "A", roles: "Councillor" }).values?.roles).toEqual(["MEMBER"]);
  });

  it("leaves out what the file has no column for", () => {
    const r = check({ email: "a@b.uk", name: "A" });
    expect(r.values).toEqual({ line: 2, email: "a@b.uk", name: "A" });
  });

  it("names the line and the column of each problem", () => {
    const r = check(
      {
        email: "not-an-email",
        name: "",
        roles: "MEMBER;WIZARD",
        group_offices: "SPOKESPERSON;TREASURER",
        seniority: "MIDDLING",
        tier: "12",
        jnc: "maybe",
        weekly_capacity_hours: "-3",
      },
      7,
    );
    expect(r.values).toBeNull();
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([
      [7, "email"],
      [7, "name"],
      [7, "roles"],
      [7, "group_offices"],
      [7, "group_offices"],
      [7, "seniority"],
      [7, "tier"],
      [7, "jnc"],
      [7, "weekly_capacity_hours"],
    ]);
    expect(r.errors[0]!.message).toBe(
      "Line 7: Enter an email address in the correct format, like name@council.gov.uk",
    );
    expect(r.errors[2]!.message).toMatch(/^Line 7: “WIZARD” is not a role/);
    expect(check({ email: "a@b.uk", name: "A", roles: " ; " }).errors[0]!.message).toBe(
      "Line 2: Enter at least one role, for example MEMBER or OFFICER.",
    );
  });
});

describe("the plan against a council (pure)", () => {
  const state = (over: Partial<CouncilState> = {}): CouncilState => ({
    profileKey: "WIG",
    viewerId: "admin1",
    people: [],
    elsewhere: new Set(),
    groups: [{ id: "g1", name: "Red Group", retired: false }],
    wards: [{ id: "w1", name: "North", retired: false }],
    services: [{ id: "s1", name: "Place", retired: false, chiefOfficerId: null, chiefOfficerName: null }],
    committees: [{ id: "c1", name: "Planning", retired: false }],
    exclusiveHolders: [],
    ...over,
  });
  const plan = (csv: string, s = state()) => {
    const f = readImportFile(csv, "WIG");
    expect(f.errors).toEqual([]);
    return planImport(f.rows, s);
  };

  it("refuses the same email twice, naming both lines", () => {
    const r = plan("email,name,roles\na@x.uk,A,MEMBER\nb@x.uk,B,MEMBER\nA@X.uk,A again,MEMBER\n");
    expect(r.errors.map((e) => e.message)).toEqual([
      "Line 4: a@x.uk is also on line 2. Each person can appear once in a file.",
    ]);
  });

  it("finds wards and groups whatever the case, and lists the new ones once", () => {
    const r = plan(
      "email,name,roles,party_group,wards\na@x.uk,A,MEMBER,red group,north;East\nb@x.uk,B,MEMBER,Green,east;West\n",
    );
    expect(r.errors).toEqual([]);
    expect(r.plan!.newWards).toEqual(["East", "West"]);
    expect(r.plan!.newGroups).toEqual(["Green"]);
    expect(r.plan!.people[0]!.final.group).toEqual({ id: "g1", name: "Red Group" });
    expect(r.plan!.counts).toEqual({ create: 2, update: 0, unchanged: 0 });
  });

  it("refuses two Leaders of one group, an unknown committee, and officer details for a councillor", () => {
    const r = plan(
      "email,name,roles,party_group,group_offices,committees,service\n" +
        "a@x.uk,A,MEMBER,Red Group,LEADER,Planning,\n" +
        "b@x.uk,B,MEMBER,Red Group,LEADER,Nowhere,Place\n",
    );
    expect(r.plan).toBeNull();
    expect(r.errors.map((e) => e.message)).toEqual([
      "Line 3: there is no committee called Nowhere. Add it on the organisation page first, or check the spelling.",
      "Line 3: only officers (role OFFICER) have service. Add OFFICER to roles or clear them.",
    ]);
    const two = plan(
      "email,name,roles,party_group,group_offices\na@x.uk,A,MEMBER,Red Group,LEADER\nb@x.uk,B,MEMBER,Red Group,LEADER\n",
    );
    expect(two.errors.map((e) => e.message)).toEqual([
      "Line 3: line 2 also gives Group Leader of Red Group. A group has one.",
    ]);
  });
});
