import { describe, expect, it } from "vitest";
import type { IpcError } from "../../bindings/IpcError";
import { gapList, submitLabel, submitted } from "./model";

const unknownError: IpcError = { kind: "network", message: "The answer was lost.", outcome: "unknown" };
const refused: IpcError = { kind: "validation", message: "Fix the name.", outcome: "refused" };

describe("submitting for review", () => {
  it("counts a submission taken until a rejection, and says the retry reuses its request", () => {
    expect(submitted([], null)).toBe(false);
    expect(submitted([{ message: "Submitted", tone: "progress" }], null)).toBe(true);
    expect(submitted([{ message: "Submitted", tone: "progress" }, { message: "Rejected", tone: "danger" }], null)).toBe(false);
    expect(submitted([{ message: "Submitted", tone: "progress" }], refused)).toBe(false);
    expect(submitLabel(false, true, null)).toBe("Submitted for review");
    expect(submitLabel(false, false, unknownError)).toMatch(/same request/);
    expect(submitLabel(true, false, null)).toBe("Submitting…");
  });

  it("lists the gaps in the profile screen's order, each with where it is fixed", () => {
    const gaps = gapList({ campaigns: ["Create a campaign."], brand: ["Add a brand."], short_name: ["Add a short name."] });
    expect(gaps.map((g) => g.place)).toEqual(["Identity", "Brand (TCR)", "TCR campaigns"]);
    expect(gaps[0]).toEqual({ field: "short_name", message: "Add a short name.", place: "Identity" });
    expect(gapList(null)).toEqual([]);
  });
});
