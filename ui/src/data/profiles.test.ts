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

describe("the launch's first window", () => {
  beforeEach(() => {
    resetLists();
    invoke.mockReset();
  });

  const defaults = { search: "", status: "", billing: "", sort: "name" as const, direction: "asc" as const };
  const window = { workspace_id: "w", generation: 0, total: 1, matched: 1, offset: 0, rows: [], statuses: [], billing_models: [], focus_index: null, fetched_at: null, complete: true };

  it("is handed to the list's first render once answered, once, and only for the default query", async () => {
    const { askFirstWindow, takeAnsweredFirstWindow } = await import("./profiles");
    let answer!: (w: typeof window) => void;
    invoke.mockImplementation(() => new Promise((done) => { answer = done; }));
    const answered = askFirstWindow("w");
    expect(takeAnsweredFirstWindow("w", defaults)).toBeNull();
    answer(window);
    await answered;
    expect(takeAnsweredFirstWindow("w", { ...defaults, search: "cafe" })).toBeNull();
    expect(takeAnsweredFirstWindow("w", defaults)).toBe(window);
    expect(takeAnsweredFirstWindow("w", defaults)).toBeNull();
  });

  it("asked for the current workspace, is kept for the workspace Rust answered for", async () => {
    const { askCurrentFirstWindow, takeAnsweredFirstWindow } = await import("./profiles");
    invoke.mockImplementation(async (command: string) => {
      expect(command).toBe("current_list_window");
      return { workspace_id: "w", window };
    });
    expect(await askCurrentFirstWindow()).toBe("w");
    expect(takeAnsweredFirstWindow("other", defaults)).toBeNull();
    expect(takeAnsweredFirstWindow("w", defaults)).toBe(window);
    invoke.mockImplementation(async () => { throw { code: "offline" }; });
    expect(await askCurrentFirstWindow()).toBeNull();
  });

  it("settles without a window when the query fails", async () => {
    const { askFirstWindow, takeAnsweredFirstWindow } = await import("./profiles");
    invoke.mockImplementation(async () => { throw { code: "offline" }; });
    await askFirstWindow("w");
    expect(takeAnsweredFirstWindow("w", defaults)).toBeNull();
  });
});
