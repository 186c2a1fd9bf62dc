import { describe, expect, it } from "vitest";
import { grouped } from "./numbers";

describe("grouped", () => {
  it("words a number as toLocaleString(\"en-US\") does", () => {
    for (const n of [0, 7, 999, 1000, 10005, 123456789, 12.5, 1234.5678, 0.0004, -1234, 100, 1000000.25]) {
      expect(grouped(n)).toBe(n.toLocaleString("en-US"));
    }
  });
});
