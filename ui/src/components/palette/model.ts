// The command palette's pure logic: what it offers, how a query matches and ranks it, and how the
// arrow keys move. No DOM, no stores: CommandPalette.tsx feeds it and renders what it returns.
import type { PaletteProfile } from "../../bindings/PaletteProfile";
import type { PaletteProfiles } from "../../bindings/PaletteProfiles";

export type PaletteAction = "open-profile" | "send-profile" | "screen" | "switch-workspace" | "add-workspace";
export type PaletteGroup = "Profiles" | "Screens" | "Workspaces";

/** One option as shown: `target` is a path (screens, profiles) or a workspace id (switch). */
export type PaletteItem = {
  id: string;
  group: PaletteGroup;
  action: PaletteAction;
  label: string;
  /** Muted text after the label (a profile's short name and id, "current screen"…). */
  detail: string | null;
  target: string;
};

/** A small, fixed command (a screen, a workspace, add workspace) with its search key. */
export type Command = PaletteItem & { key: string };

export type PaletteResults = {
  /** Groups in the order their best option ranks; options inside in rank order. */
  groups: { group: PaletteGroup; items: PaletteItem[] }[];
  /** The same options, flat, in the order shown (what the arrow keys walk). */
  items: PaletteItem[];
  /** Every option that matches, shown or not. */
  total: number;
  /** Matches left out by the cap. */
  more: number;
};

export const MAX_OPTIONS = 50;

/** Separates the terms of a key; a match right after it is a prefix of a term. */
const SEP = "\u0001";
const WORD_CHAR = /[\p{L}\p{N}]/u;
const MARKS = /\p{M}+/gu;

/** Lower case without accents or compatibility forms: "Crème Brûlée" → "creme brulee". */
export function fold(text: string): string {
  return text.normalize("NFKD").replace(MARKS, "").toLowerCase();
}

/** A search key: each term folded, each preceded by the separator. */
export function searchKey(terms: readonly (string | null | undefined)[]): string {
  let key = "";
  for (const term of terms) if (term) key += SEP + fold(term);
  return key;
}

/**
 * How `needle` (folded, non-empty) occurs in `key`: 0 at the start of a term, 1 at the start of a
 * word, 2 inside a word, -1 not at all.
 */
export function matchClass(key: string, needle: string): number {
  let best = -1;
  let at = key.indexOf(needle);
  while (at >= 0) {
    const before = key[at - 1];
    if (before === SEP || before === undefined) return 0;
    const found = WORD_CHAR.test(before) ? 2 : 1;
    if (best < 0 || found < best) best = found;
    at = key.indexOf(needle, at + 1);
  }
  return best;
}

/** The best class over several keys (-1 when none matches). */
function bestOf(keys: readonly string[], needle: string): number {
  let best = -1;
  for (const key of keys) {
    const found = matchClass(key, needle);
    if (found === 0) return 0;
    if (found >= 0 && (best < 0 || found < best)) best = found;
  }
  return best;
}

export type Query = { whole: string; tokens: string[] };

export function parseQuery(text: string): Query {
  const tokens = fold(text).split(/\s+/).filter(Boolean);
  return { whole: tokens.join(" "), tokens };
}

/**
 * The rank of an option whose search keys are `keys` (lower is better), or -1 when it does not
 * match. The whole query as a term prefix, word prefix or substring ranks 0, 1, 2; otherwise every
 * word of the query must match somewhere (in any order: "send acme"), ranked 3–5 by its worst word.
 * An empty query matches everything at rank 0.
 */
export function rank(keys: readonly string[], query: Query): number {
  if (!query.whole) return 0;
  const whole = bestOf(keys, query.whole);
  if (whole >= 0) return whole;
  if (query.tokens.length < 2) return -1;
  let worst = 0;
  for (const token of query.tokens) {
    const found = bestOf(keys, token);
    if (found < 0) return -1;
    if (found > worst) worst = found;
  }
  return 3 + worst;
}

const RANKS = 6;

export function profilePath(workspaceId: string, profileId: string): string {
  return `/profiles/${encodeURIComponent(workspaceId)}/${encodeURIComponent(profileId)}`;
}

const VERB_LABELS: Record<PaletteProfile["verb"], (name: string) => string> = {
  open: (name) => `Open ${name}`,
  send: (name) => `Send a test message as ${name}`,
};

function profileItem(profile: PaletteProfile, workspaceId: string): PaletteItem {
  const path = profilePath(workspaceId, profile.id);
  const action = profile.verb === "send" ? "send-profile" : "open-profile";
  return {
    id: `${action}:${profile.id}`,
    group: "Profiles",
    action,
    label: VERB_LABELS[profile.verb](profile.name),
    detail: profile.short_name ? `${profile.short_name} · ${profile.id}` : profile.id,
    target: action === "send-profile" ? `${path}/send` : path,
  };
}

/** Builds a command with its key: its label plus any extra terms (e.g. a workspace's own name). */
export function command(item: PaletteItem, extraTerms: readonly (string | null)[] = []): Command {
  return { ...item, key: searchKey([item.label, ...extraTerms]) };
}

/**
 * Matches and ranks: commands first, then profiles among equals, so an empty query shows the
 * screens, the workspaces and the first profiles. At most `cap` options. The profiles come ranked
 * from Rust (`palette_profiles`, the same ranks: sent-views/src/list.rs), which holds the list.
 */
export function search(
  text: string,
  sources: { commands: readonly Command[]; profiles: PaletteProfiles | null; workspaceId: string },
  cap = MAX_OPTIONS,
): PaletteResults {
  const query = parseQuery(text);
  const buckets: (() => PaletteItem)[][] = Array.from({ length: RANKS }, () => []);
  let total = 0;
  const keep = (at: number, make: () => PaletteItem) => {
    total++;
    // Only the first `cap` of each rank can ever be shown.
    if (buckets[at].length < cap) buckets[at].push(make);
  };
  for (const item of sources.commands) {
    const at = rank([item.key], query);
    if (at >= 0) keep(at, () => item);
  }
  const profiles = sources.profiles?.workspace_id === sources.workspaceId ? sources.profiles : null;
  for (const profile of profiles?.items ?? []) {
    const at = Math.min(profile.rank, RANKS - 1);
    if (buckets[at].length < cap) buckets[at].push(() => profileItem(profile, sources.workspaceId));
  }
  total += profiles?.total ?? 0;
  const ranked: PaletteItem[] = [];
  for (const bucket of buckets) {
    for (const make of bucket) {
      if (ranked.length >= cap) break;
      ranked.push(make());
    }
  }
  const groups: PaletteResults["groups"] = [];
  for (const item of ranked) {
    let group = groups.find((g) => g.group === item.group);
    if (!group) groups.push((group = { group: item.group, items: [] }));
    group.items.push(item);
  }
  return { groups, items: groups.flatMap((g) => g.items), total, more: total - ranked.length };
}

export type MoveKey = "ArrowDown" | "ArrowUp" | "Home" | "End";

export function isMoveKey(key: string): key is MoveKey {
  return key === "ArrowDown" || key === "ArrowUp" || key === "Home" || key === "End";
}

/** The next active option: arrows wrap around, Home/End jump; -1 when there is none. */
export function moveActive(current: number, count: number, key: MoveKey): number {
  if (count <= 0) return -1;
  switch (key) {
    case "Home":
      return 0;
    case "End":
      return count - 1;
    case "ArrowDown":
      return current < 0 || current >= count - 1 ? 0 : current + 1;
    case "ArrowUp":
      return current <= 0 || current >= count ? count - 1 : current - 1;
  }
}

/** "⌘K" on a Mac, "Ctrl+K" elsewhere. */
export function shortcutLabel(platform: string): string {
  return isMac(platform) ? "⌘K" : "Ctrl+K";
}

export function isMac(platform: string): boolean {
  return /^mac/i.test(platform);
}

/**
 * Ctrl+K (⌘K on a Mac; either is accepted). On a non-Latin layout the key names another letter, so
 * the physical K counts then; on a Latin layout the letter counts (Dvorak's K is not on KeyK).
 */
export function isPaletteShortcut(event: Pick<KeyboardEvent, "key" | "code" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">): boolean {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return false;
  const key = event.key.toLowerCase();
  if (key === "k") return true;
  return !/^[a-z]$/.test(key) && event.code === "KeyK";
}
