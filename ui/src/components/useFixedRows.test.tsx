import { afterEach, describe, expect, it } from "vitest";
import { act, cleanup, fireEvent, render } from "@testing-library/preact";
import { useRef } from "preact/hooks";
import { type FixedRows, rowsFor, scrollTopFor, useFixedRows, viewportOf } from "./useFixedRows";

describe("rows of a fixed height", () => {
  it("renders the rows in view and the overscan, within the count, holding nothing per row", () => {
    const view = viewportOf(44 * 1000 + 10, 440, 44);
    expect(view).toEqual({ first: 1000, rows: 11 });
    const rows = rowsFor(view, 100_000, 44, 8);
    expect(rows[0]).toEqual({ index: 992, start: 992 * 44, key: "pending-992" });
    expect(rows[rows.length - 1].index).toBe(1019);
    expect(rowsFor(viewportOf(0, 440, 44), 3, 44, 8).map((r) => r.index)).toEqual([0, 1, 2]);
    expect(rowsFor(viewportOf(0, 440, 44), 0, 44, 8)).toEqual([]);
    // The list shrank under the scroll position: its last rows, not none.
    expect(rowsFor(viewportOf(44 * 5000, 440, 44), 50, 44, 8).map((r) => r.index)).toEqual([...Array(50).keys()].slice(50 - 11 - 8));
  });

  it("scrolls a row into view only as far as needed, or to the middle", () => {
    // In view: stays.
    expect(scrollTopFor(5, "auto", 0, 440, 44)).toBe(0);
    // Below: its bottom edge at the view's bottom.
    expect(scrollTopFor(20, "auto", 0, 440, 44)).toBe(21 * 44 - 440);
    // Above: its top edge at the view's top.
    expect(scrollTopFor(3, "auto", 44 * 10, 440, 44)).toBe(3 * 44);
    expect(scrollTopFor(100, "center", 0, 440, 44)).toBe(100 * 44 - (440 - 44) / 2);
    expect(scrollTopFor(1, "center", 0, 440, 44)).toBe(0);
  });
});

describe("useFixedRows in a component", () => {
  afterEach(cleanup);

  it("renders the rows the window could show at once, and a smaller measure renders nothing again", () => {
    let renders = 0;
    function List() {
      const body = useRef<HTMLDivElement>(null);
      const rows = useFixedRows({ count: 10_000, rowHeight: 44, overscan: 2, getScrollElement: () => body.current });
      renders++;
      return <div ref={body} data-testid="body">{rows.getVirtualItems().map((r) => <p key={r.index}>{r.index}</p>)}</div>;
    }
    const { getByTestId } = render(<List />);
    const shown = Math.ceil(window.innerHeight / 44) + 1 + 2;
    expect(getByTestId("body").querySelectorAll("p").length).toBe(shown + 1);
    expect(renders).toBe(1);
  });

  it("answers a handler made at the first render with the scroll position and count of now", () => {
    let first: FixedRows | null = null;
    function List({ count }: { count: number }) {
      const body = useRef<HTMLDivElement>(null);
      const rows = useFixedRows({ count, rowHeight: 44, overscan: 2, getScrollElement: () => body.current });
      first ??= rows;
      return <div ref={body} data-testid="body">{rows.getVirtualItems().map((r) => <p key={r.index}>{r.index}</p>)}</div>;
    }
    const { getByTestId, rerender } = render(<List count={0} />);
    rerender(<List count={10_000} />);
    const body = getByTestId("body");
    Object.defineProperty(body, "clientHeight", { value: 440, configurable: true });
    act(() => {
      body.scrollTop = 44 * 500;
      fireEvent.scroll(body);
    });
    expect(first!.getVirtualItems()[0].index).toBe(498);
    expect(first!.getTotalSize()).toBe(440_000);
    expect(body.textContent).toContain("500");
  });
});
