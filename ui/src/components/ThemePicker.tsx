import type { Theme } from "../bindings/Theme";
import { appInfo, setTheme } from "../data/app";
import { useStores } from "../data/store";

const THEMES: { value: Theme; label: string }[] = [
  { value: "system", label: "Theme: system" },
  { value: "light", label: "Theme: light" },
  { value: "dark", label: "Theme: dark" },
];

/** Light, dark, or following the operating system (the `theme` setting). */
export function ThemePicker() {
  useStores(appInfo);
  const theme = appInfo.value?.theme ?? "system";
  return (
    <label class="theme-picker">
      <span class="visually-hidden">Colour theme</span>
      <select value={theme} data-testid="theme-picker" onChange={(e) => void setTheme(e.currentTarget.value as Theme)}>
        {THEMES.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
      </select>
    </label>
  );
}
