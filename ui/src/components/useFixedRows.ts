// Rows of one fixed height in a scrolling element: which rows are in view (plus overscan), the
// height of them all, and scrolling one into view. Arithmetic on the scroll position, so it holds
// nothing per row: the profile list and the compliance board count up to 100,000 rows, and a
// general virtualizer (TanStack's, still used where rows have their own heights) keeps a measure
// object for every row and builds that array again whenever the count or the keys change (at
// 100,000 profiles, ~30 MB more in WebKit's process; README, Benchmarks).
import { useLayoutEffect, useRef, useState } from "preact/hooks";

export type FixedRow = { index: number; start: number; key: string };

export type FixedRows = {
  /** The rows to render: those in view plus `overscan` on each side. */
  getVirtualItems(): FixedRow[];
  /** The height of every row together (the scrolling content's height). */
  getTotalSize(): number;
  /** Scrolls row `index` into view: only if it is not (`auto`), or to the middle (`center`). */
  scrollToIndex(index: number, options?: { align?: "auto" | "center" }): void;
};

type Options = { count: number; rowHeight: number; overscan: number; getScrollElement: () => HTMLElement | null };

/** The first row in view and how many rows the view holds. */
type Viewport = { first: number; rows: number };

/** The viewport of a scrolling element of `height` px scrolled to `top`, in rows. */
export function viewportOf(top: number, height: number, rowHeight: number): Viewport {
  return { first: Math.max(0, Math.floor(top / rowHeight)), rows: Math.max(1, Math.ceil(height / rowHeight) + 1) };
}

/** The rows to render for a viewport, `overscan` rows on each side, within `count`. */
export function rowsFor(view: Viewport, count: number, rowHeight: number, overscan: number): FixedRow[] {
  // A list that shrank under the scroll position shows its last rows until the browser moves the
  // scroll position (never a frame with no rows).
  const first = Math.min(view.first, Math.max(0, count - view.rows));
  const from = Math.max(0, first - overscan);
  const to = Math.min(count - 1, first + view.rows + overscan);
  const rows: FixedRow[] = [];
  for (let index = from; index <= to; index++) rows.push({ index, start: index * rowHeight, key: `pending-${index}` });
  return rows;
}

/** The scroll position that shows row `index` (`auto`: moved only as far as needed). */
export function scrollTopFor(index: number, align: "auto" | "center", top: number, height: number, rowHeight: number): number {
  const start = index * rowHeight;
  if (align === "center") return Math.max(0, start - (height - rowHeight) / 2);
  if (start < top) return start;
  if (start + rowHeight > top + height) return Math.max(0, start + rowHeight - height);
  return top;
}

/**
 * One object for the component's life (like TanStack's virtualizer): a handler that runs later,
 * such as an event listener registered when the screen opened, reads the scroll position and the
 * count as they are now, not as they were in the render that made it.
 */
export function useFixedRows({ count, rowHeight, overscan, getScrollElement }: Options): FixedRows {
  // Until the element is measured: as many rows as the whole window could show. The first render
  // then has every row in view, and the measure (smaller) re-renders nothing: one list render and
  // one layout before the first paint instead of two (README, Benchmarks).
  const [estimate] = useState<Viewport>(() => viewportOf(0, typeof window === "undefined" ? 0 : window.innerHeight, rowHeight));
  const [, rerender] = useState<Viewport>(estimate);
  const now = useRef({ view: estimate, count, getScrollElement, estimated: true });
  now.current.count = count;
  now.current.getScrollElement = getScrollElement;
  const attached = useRef<HTMLElement | null>(null);
  const detach = useRef<(() => void) | null>(null);
  const [rows] = useState<{ read: () => void; api: FixedRows }>(() => {
    const read = () => {
      const element = attached.current;
      if (!element) return;
      const next = viewportOf(element.scrollTop, element.clientHeight, rowHeight);
      const view = now.current.view;
      const estimated = now.current.estimated;
      now.current.estimated = false;
      if (view.first === next.first && view.rows === next.rows) return;
      now.current.view = next;
      // The estimate's rows cover the measured view: what is rendered already shows it.
      if (estimated && next.first === view.first && next.rows <= view.rows) return;
      rerender(next);
    };
    const api: FixedRows = {
      getVirtualItems: () => rowsFor(now.current.view, now.current.count, rowHeight, overscan),
      getTotalSize: () => now.current.count * rowHeight,
      scrollToIndex: (index, options) => {
        const scroll = () => {
          const element = attached.current ?? now.current.getScrollElement();
          if (!element) return;
          element.scrollTop = scrollTopFor(index, options?.align ?? "auto", element.scrollTop, element.clientHeight, rowHeight);
          read();
        };
        scroll();
        // Again once this render's content height is laid out (a window just answered may have
        // grown the list past where the first try could scroll).
        requestAnimationFrame(scroll);
      },
    };
    return { read, api };
  });
  // The scrolling element may appear after the first render (or be replaced): follow the current one.
  useLayoutEffect(() => {
    const element = getScrollElement();
    if (element === attached.current) return;
    detach.current?.();
    attached.current = element;
    detach.current = null;
    if (!element) return;
    element.addEventListener("scroll", rows.read, { passive: true });
    const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(rows.read);
    observer?.observe(element);
    detach.current = () => {
      element.removeEventListener("scroll", rows.read);
      observer?.disconnect();
    };
    rows.read();
  });
  useLayoutEffect(() => () => detach.current?.(), []);
  return rows.api;
}
