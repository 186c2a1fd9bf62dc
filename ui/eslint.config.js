// The UI's linter (part of ./x test): JavaScript and TypeScript rules, plus jsx-a11y so every
// control keeps an accessible name and keyboard access. Generated bindings are not linted.
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "src/bindings/", "node_modules/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: { globals: globals.browser },
    plugins: { "jsx-a11y": jsxA11y },
    settings: { "jsx-a11y": { attributes: { for: ["for", "htmlFor"] } } },
    rules: {
      ...jsxA11y.configs.recommended.rules,
      // Dialogs move focus to their first field when they open, on purpose.
      "jsx-a11y/no-autofocus": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // Siblings, not a tower: a screen never imports another screen; what two screens share lives
    // in components/ (the form library is components/form/), and components never import screens.
    files: ["src/screens/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ group: ["../*/*", "!../../*", "**/screens/**"], message: "A screen does not import another screen: move what they share to src/components/." }],
      }],
    },
  },
  {
    files: ["src/components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ group: ["**/screens/**"], message: "Components do not import screens." }],
      }],
    },
  },
);
