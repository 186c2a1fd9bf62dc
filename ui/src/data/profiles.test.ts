// When a list screen's opening fetches the list from Sent, with Tauri's invoke replaced.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
vi.mock("@tauri-apps/api/event", () => ({ listen: async () => () => {} }));

const { openList, refreshList, resetLists, listState, LIST_FRESH_MS } = await import("./profiles");

const update = (generation: number) => ({ workspace_id: "w", generation, count: 1, fetched_at: 0, complete: true, request_id: null });
const refreshes = () => invoke.mock.calls.filter(([command]) => command === "refresh_profiles").length;
const settled = () => vi.waitFor(() => expect(listState("w").refreshing).toBe(false));

describe("opening a list", () => {
  let now = 1_000_000;
  beforeEach(() => {
    resetLists();
    invoke.mockReset();
    vi.spyOn(Date, "now").mockImplementation(() => now);
  });
  afterEach(() => vi.restoreAllMocks());

  it("fetches once, then not again while the list is fresh; Refresh always fetches", async () => {
    let generation = 0;
    invoke.mockImplementation(async () => update(++generation));
    openList("w");
    await settled();
    expect(refreshes()).toBe(1);
    now += LIST_FRESH_MS - 1;
    openList("w");
    await settled();
    expect(refreshes()).toBe(1);
    await refreshList("w");
    expect(refreshes()).toBe(2);
    now += LIST_FRESH_MS;
    openList("w");
    await settled();
    expect(refreshes()).toBe(3);
  });

  it("fetches again on opening after a failed refresh", async () => {
    invoke.mockResolvedValueOnce(update(1));
    openList("w");
    await settled();
    invoke.mockRejectedValueOnce({ kind: "network", message: "offline" });
    await refreshList("w");
    expect(listState("w").error).not.toBeNull();
    invoke.mockResolvedValueOnce(update(2));
    openList("w");
    await settled();
    expect(refreshes()).toBe(3);
    expect(listState("w").error).toBeNull();
  });
});
