// The UI's state containers: a value with subscribers, and a hook that re-renders a component when
// any store it reads changes. Deliberately this small instead of @preact/signals: signals-core
// assigns `toString`/`valueOf` on its prototypes, which Tauri's `freezePrototype` (kept on: it stops
// prototype pollution) turns into a TypeError that leaves the window blank at load.
import { useEffect, useReducer } from "preact/hooks";

export type Store<T> = {
  /** The current value; setting it notifies every subscriber. */
  value: T;
  subscribe(listener: () => void): () => void;
};

export function store<T>(initial: T): Store<T> {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get value() {
      return current;
    },
    set value(next: T) {
      if (Object.is(next, current)) return;
      current = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Re-renders the calling component whenever one of `stores` changes. */
export function useStores(...stores: Store<unknown>[]): void {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  // The values this render saw: a change between render and subscription is caught below.
  const seen = stores.map((s) => s.value);
  useEffect(() => {
    const stops = stores.map((s) => s.subscribe(() => rerender(undefined)));
    if (stores.some((s, i) => !Object.is(s.value, seen[i]))) rerender(undefined);
    return () => stops.forEach((stop) => stop());
    // The stores are module-level constants: subscribe once.
  }, []);
}
