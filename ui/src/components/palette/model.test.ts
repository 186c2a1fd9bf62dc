import { describe, expect, it } from "vitest";
import type { PaletteProfile } from "../../bindings/PaletteProfile";
import type { PaletteProfiles } from "../../bindings/PaletteProfiles";
import {
  command, fold, isPaletteShortcut, MAX_OPTIONS, matchClass, moveActive, parseQuery, rank, search,
  searchKey, shortcutLabel, type Command,
} from "./model";

const WS = "ws-1";

function screens(): Command[] {
  return [
    command({ id: "screen:/", group: "Screens", action: "screen", label: "Profiles", detail: null, target: "/" }),
    command({ id: "screen:/journal", group: "Screens", action: "screen", label: "Journal", detail: null, target: "/journal" }),
    command({ id: "screen:/workspace", group: "Screens", action: "screen", label: "Workspace and keys", detail: null, target: "/workspace" }),
    command({ id: "add-workspace", group: "Screens", action: "add-workspace", label: "Add workspace…", detail: null, target: "" }),
    command({ id: "switch:w2", group: "Workspaces", action: "switch-workspace", label: "Switch to Acme — Production",
      detail: null, target: "w2" }, ["Acme"]),
  ];
}

/** Profiles as Rust answers them (`palette_profiles`): ranked, capped, with the total. */
function ranked(items: Partial<PaletteProfile>[], total = items.length, workspace = WS): PaletteProfiles {
  return {
    workspace_id: workspace,
    items: items.map((p, i) => ({ verb: "open", rank: 0, id: `p${i + 1}`, name: `Profile ${i + 1}`, short_name: null, ...p })),
    total,
  };
}

function run(query: string, profiles: PaletteProfiles | null, cap = MAX_OPTIONS) {
  return search(query, { commands: screens(), profiles, workspaceId: WS }, cap);
}

const labels = (result: ReturnType<typeof run>) => result.items.map((i) => i.label);

describe("fold", () => {
  it("drops case, accents and compatibility forms", () => {
    expect(fold("Crème BRÛLÉE")).toBe("creme brulee");
    expect(fold("Zürich Ñandú")).toBe("zurich nandu");
    expect(fold("ﬁle Ｆull")).toBe("file full");
  });
});

describe("matchClass", () => {
  const key = searchKey(["Acme Dental", "ACD", "prof_42"]);
  it("tells a term prefix, a word prefix and a substring apart", () => {
    expect(matchClass(key, "acme")).toBe(0);
    expect(matchClass(key, "acd")).toBe(0);
    expect(matchClass(key, "prof_")).toBe(0);
    expect(matchClass(key, "dent")).toBe(1);
    expect(matchClass(key, "42")).toBe(1); // after "_", a word starts
    expect(matchClass(key, "cme")).toBe(2);
    expect(matchClass(key, "xyz")).toBe(-1);
  });
  it("prefers the best occurrence, not the first", () => {
    expect(matchClass(searchKey(["Reacher Ace"]), "ac")).toBe(1);
  });
});

describe("rank", () => {
  const keys = [searchKey(["Send a test message as"]), searchKey(["Café Olé"])];
  it("matches everything on an empty query", () => {
    expect(rank(keys, parseQuery("   "))).toBe(0);
  });
  it("ranks the whole query, then its words in any order", () => {
    expect(rank(keys, parseQuery("cafe"))).toBe(0);
    expect(rank(keys, parseQuery("ole"))).toBe(1);
    expect(rank(keys, parseQuery("send cafe"))).toBe(3);
    expect(rank(keys, parseQuery("olé  send"))).toBe(4);
    expect(rank(keys, parseQuery("send pizza"))).toBe(-1);
  });
});

describe("search", () => {
  it("shows screens, workspaces and the first profiles on an empty query", () => {
    const both = (name: string) => [{ name, verb: "open" as const }, { name, verb: "send" as const }];
    const result = run("", ranked([...both("Acme Dental"), ...both("Bravo Bakery")]));
    expect(result.groups.map((g) => g.group)).toEqual(["Screens", "Workspaces", "Profiles"]);
    expect(labels(result)).toEqual([
      "Profiles", "Journal", "Workspace and keys", "Add workspace…", "Switch to Acme — Production",
      "Open Acme Dental", "Send a test message as Acme Dental", "Open Bravo Bakery", "Send a test message as Bravo Bakery",
    ]);
    expect(result.more).toBe(0);
  });

  it("builds the profile actions with their paths", () => {
    const result = run("bravo", ranked([
      { id: "p/1", name: "Bravo Bakery", short_name: "BB", verb: "open" },
      { id: "p/1", name: "Bravo Bakery", short_name: "BB", verb: "send" },
    ]));
    expect(result.items.map((i) => [i.action, i.target, i.detail])).toEqual([
      ["open-profile", "/profiles/ws-1/p%2F1", "BB · p/1"],
      ["send-profile", "/profiles/ws-1/p%2F1/send", "BB · p/1"],
    ]);
  });

  it("puts prefix matches first, and orders groups by their best option", () => {
    const both = (name: string, rank: number) => [{ name, rank, verb: "open" as const }, { name, rank, verb: "send" as const }];
    const result = run("ac", ranked([...both("Acme Dental", 0), ...both("The Acorn", 1), ...both("Placard Inc", 2)]));
    expect(labels(result)).toEqual([
      "Switch to Acme — Production", // "Acme" is a term of its own
      "Open Acme Dental", "Send a test message as Acme Dental",
      "Open The Acorn", "Send a test message as The Acorn", // word prefix
      "Open Placard Inc", "Send a test message as Placard Inc", // inside a word
      "Workspace and keys", "Add workspace…", // inside a word, after the profiles' equals
    ]);
    expect(result.groups.map((g) => g.group)).toEqual(["Workspaces", "Profiles", "Screens"]);
  });

  it("words the profiles Rust ranked and finds commands itself", () => {
    const profiles = ranked([{ verb: "send", id: "prof_77", name: "Crème Brûlée", short_name: "CRB" }]);
    const result = run("creme", profiles);
    expect(labels(result)).toEqual(["Send a test message as Crème Brûlée"]);
    expect(result.items[0].target).toBe("/profiles/ws-1/prof_77/send");
    expect(result.items[0].detail).toBe("CRB · prof_77");
    expect(labels(run("journal", ranked([])))).toEqual(["Journal"]);
  });

  it("puts commands before profiles of the same rank, and better ranks first", () => {
    const profiles = ranked([{ name: "Acme Dental", rank: 0 }, { name: "Macme", rank: 2 }]);
    // "Acme" is a term of the workspace's command (rank 0), as of Acme Dental: the command first.
    expect(labels(run("acme", profiles))).toEqual(["Switch to Acme — Production", "Open Acme Dental", "Open Macme"]);
    expect(labels(run("", ranked([{ name: "First" }])))[0]).toBe("Profiles");
  });

  it("ignores profiles of another workspace (a late answer)", () => {
    expect(run("", ranked([{ name: "Elsewhere" }], 1, "ws-2")).items.every((i) => i.group !== "Profiles")).toBe(true);
  });

  it("caps the options and counts the rest", () => {
    const many = ranked(Array.from({ length: 50 }, (_, i) => ({ name: `Shop ${i}` })), 200);
    const result = run("shop", many);
    expect(result.items).toHaveLength(MAX_OPTIONS);
    expect(result.total).toBe(200);
    expect(result.more).toBe(150);
    expect(run("", many, 10).more).toBe(5 + 200 - 10);
  });
});

describe("moveActive", () => {
  it("wraps with the arrows and jumps with Home/End", () => {
    expect(moveActive(0, 3, "ArrowDown")).toBe(1);
    expect(moveActive(2, 3, "ArrowDown")).toBe(0);
    expect(moveActive(0, 3, "ArrowUp")).toBe(2);
    expect(moveActive(2, 3, "ArrowUp")).toBe(1);
    expect(moveActive(1, 3, "Home")).toBe(0);
    expect(moveActive(1, 3, "End")).toBe(2);
    expect(moveActive(-1, 3, "ArrowDown")).toBe(0);
    expect(moveActive(-1, 3, "ArrowUp")).toBe(2);
    expect(moveActive(7, 3, "ArrowUp")).toBe(2);
    expect(moveActive(0, 0, "ArrowDown")).toBe(-1);
    expect(moveActive(0, 1, "ArrowDown")).toBe(0);
  });
});

describe("shortcut", () => {
  const key = (over: Partial<KeyboardEvent>) =>
    ({ key: "k", code: "KeyK", ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...over }) as KeyboardEvent;
  it("is Ctrl+K or ⌘K, on the letter or, on a non-Latin layout, the physical key", () => {
    expect(isPaletteShortcut(key({ ctrlKey: true }))).toBe(true);
    expect(isPaletteShortcut(key({ metaKey: true, key: "K" }))).toBe(true);
    expect(isPaletteShortcut(key({ ctrlKey: true, key: "л" }))).toBe(true);
    expect(isPaletteShortcut(key({ ctrlKey: true, key: "t" }))).toBe(false); // Dvorak's T is on KeyK
    expect(isPaletteShortcut(key({}))).toBe(false);
    expect(isPaletteShortcut(key({ ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isPaletteShortcut(key({ ctrlKey: true, altKey: true }))).toBe(false);
  });
  it("names the key per platform", () => {
    expect(shortcutLabel("MacIntel")).toBe("⌘K");
    expect(shortcutLabel("Linux x86_64")).toBe("Ctrl+K");
    expect(shortcutLabel("Win32")).toBe("Ctrl+K");
  });
});
