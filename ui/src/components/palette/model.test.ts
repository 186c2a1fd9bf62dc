import { describe, expect, it } from "vitest";
import type { ProfileRow } from "../../bindings/ProfileRow";
import { row } from "../../test/fixtures";
import {
  command, fold, isPaletteShortcut, MAX_OPTIONS, matchClass, moveActive, parseQuery, profileIndex, rank, search,
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

function rows(names: string[]): ProfileRow[] {
  return names.map((name, i) => row({ id: `p${i + 1}`, name }));
}

function run(query: string, list: ProfileRow[], cap = MAX_OPTIONS) {
  return search(query, { commands: screens(), profiles: profileIndex(list), workspaceId: WS }, cap);
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
    const result = run("", rows(["Acme Dental", "Bravo Bakery"]));
    expect(result.groups.map((g) => g.group)).toEqual(["Screens", "Workspaces", "Profiles"]);
    expect(labels(result)).toEqual([
      "Profiles", "Journal", "Workspace and keys", "Add workspace…", "Switch to Acme — Production",
      "Open Acme Dental", "Send a test message as Acme Dental", "Open Bravo Bakery", "Send a test message as Bravo Bakery",
    ]);
    expect(result.more).toBe(0);
  });

  it("builds the profile actions with their paths", () => {
    const result = run("bravo", [row({ id: "p/1", name: "Bravo Bakery", short_name: "BB" })]);
    expect(result.items.map((i) => [i.action, i.target, i.detail])).toEqual([
      ["open-profile", "/profiles/ws-1/p%2F1", "BB · p/1"],
      ["send-profile", "/profiles/ws-1/p%2F1/send", "BB · p/1"],
    ]);
  });

  it("puts prefix matches first, and orders groups by their best option", () => {
    const result = run("ac", rows(["Placard Inc", "Acme Dental", "The Acorn"]));
    expect(labels(result)).toEqual([
      "Switch to Acme — Production", // "Acme" is a term of its own
      "Open Acme Dental", "Send a test message as Acme Dental",
      "Open The Acorn", "Send a test message as The Acorn", // word prefix
      "Open Placard Inc", "Send a test message as Placard Inc", // inside a word
      "Workspace and keys", "Add workspace…", // inside a word, after the profiles' equals
    ]);
    expect(result.groups.map((g) => g.group)).toEqual(["Workspaces", "Profiles", "Screens"]);
  });

  it("matches the short name and the id, ignoring case and accents", () => {
    const list = [row({ id: "prof_77", name: "Crème Brûlée", short_name: "CRB" })];
    expect(labels(run("CREME", list))).toContain("Open Crème Brûlée");
    expect(labels(run("brulee", list))).toContain("Open Crème Brûlée");
    expect(labels(run("crb", list))).toContain("Open Crème Brûlée");
    expect(labels(run("PROF_7", list))).toContain("Open Crème Brûlée");
    expect(run("zzz", list).items).toEqual([]);
  });

  it("narrows to one action with the verb", () => {
    expect(labels(run("send acme", rows(["Acme Dental", "Bravo"])))).toEqual(["Send a test message as Acme Dental"]);
    expect(labels(run("open bra", rows(["Acme Dental", "Bravo"])))).toEqual(["Open Bravo"]);
    expect(labels(run("journal", rows(["Acme"])))).toEqual(["Journal"]);
  });

  it("caps the options and counts the rest", () => {
    const many = rows(Array.from({ length: 100 }, (_, i) => `Shop ${i}`));
    const result = run("shop", many);
    expect(result.items).toHaveLength(MAX_OPTIONS);
    expect(result.total).toBe(200);
    expect(result.more).toBe(150);
    expect(run("", many, 10).more).toBe(5 + 200 - 10);
  });

  it("keeps the best ranks when capping, wherever they are in the list", () => {
    const list = rows([...Array.from({ length: 60 }, (_, i) => `Zebra ${i}`), "Ze Last"]);
    const result = run("ze", list, 4);
    expect(labels(result)).toEqual(["Open Zebra 0", "Send a test message as Zebra 0", "Open Zebra 1", "Send a test message as Zebra 1"]);
    // A whole-word-prefix beats a substring, even at the end of 10,000 rows.
    const big = rows([...Array.from({ length: 10_000 }, (_, i) => `Xmaze ${i}`), "Maze Runner"]);
    expect(run("maze", big, 2).items[0].label).toBe("Open Maze Runner");
  });

  it("folds a profile list once per version and stays quick on 10,000 profiles", () => {
    const big = rows(Array.from({ length: 10_000 }, (_, i) => `Profile ${i} Sträße`));
    const index = profileIndex(big);
    expect(profileIndex(big)).toBe(index);
    expect(profileIndex([...big])).not.toBe(index);
    const started = performance.now();
    for (const q of ["p", "pr", "pro", "prof", "9999", "strasse", "straße", "send 42", "zz"]) run(q, big);
    // Nine keystrokes over 20,000 options: generous bound, it takes a few ms each.
    expect(performance.now() - started).toBeLessThan(1500);
    // "Profile 9999" (a word) before "Profile 9998", whose id is p9999 (inside a word).
    expect(labels(run("9999", big))).toEqual(["Open Profile 9999 Sträße", "Send a test message as Profile 9999 Sträße",
      "Open Profile 9998 Sträße", "Send a test message as Profile 9998 Sträße"]);
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
