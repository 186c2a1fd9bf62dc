import { describe, expect, it } from "vitest";
// The page as the window loads it.
import page from "../../index.html?raw";

describe("the first paint's theme", () => {
  it("follows the desktop's light or dark before the settings have answered", () => {
    // The page starts as "system", whose colours follow prefers-color-scheme (styles.css): a dark
    // desktop's first paint is dark, not a light frame before the settings' answer.
    expect(page).toMatch(/<html lang="en" data-theme="system">/);
  });
});
