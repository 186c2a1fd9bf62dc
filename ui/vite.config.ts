import { defineConfig } from "vitest/config";
import preact from "@preact/preset-vite";

// The Tauri CLI starts `vite` for `tauri dev` (devUrl http://localhost:5173) and runs `vite build`
// into ui/dist for release builds. Vite must not clear the terminal (the CLI prints there) and must
// fail rather than pick another port, because devUrl is fixed.
export default defineConfig({
  plugins: [preact()],
  clearScreen: false,
  server: { port: 5173, strictPort: true, host: "localhost" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "safari15",
    sourcemap: false,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
  },
});
