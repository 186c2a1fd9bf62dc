import { useEffect, useRef } from "preact/hooks";

/** Opens a modal dialog; when it goes away, focus returns to what opened it (or the main area). */
export function useModal() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const d = ref.current;
    if (d && !d.open) d.showModal?.();
    return () => {
      const target = opener?.isConnected ? opener : document.getElementById("main");
      requestAnimationFrame(() => target?.focus());
    };
  }, []);
  return ref;
}
