import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/preact";
import { act } from "preact/test-utils";
import { store, useStores } from "./store";

afterEach(cleanup);

describe("store", () => {
  it("notifies subscribers of a new value, not of the same one", () => {
    const s = store(1);
    const seen: number[] = [];
    const stop = s.subscribe(() => seen.push(s.value));
    s.value = 2;
    s.value = 2;
    s.value = 3;
    stop();
    s.value = 4;
    expect(seen).toEqual([2, 3]);
  });

  it("re-renders a component that reads it", () => {
    const count = store(0);
    function Counter() {
      useStores(count);
      return <p>count {count.value}</p>;
    }
    render(<Counter />);
    expect(screen.getByText("count 0")).toBeTruthy();
    act(() => {
      count.value = 5;
    });
    expect(screen.getByText("count 5")).toBeTruthy();
  });

  it("survives a frozen Object.prototype (Tauri's freezePrototype)", () => {
    // What signals-core tripped over: assigning toString on an object whose prototype chain has a
    // frozen one. The store defines no such member.
    const s = store("x");
    expect(Object.keys(s)).toEqual(["value", "subscribe"]);
  });
});
