// Work that waits until the list's first rows are painted (or a few seconds have passed, for a
// list with no rows): the other screens' code is fetched then, never ahead of the first rows.
let done = false;
const waiting: (() => void)[] = [];

/** The list painted its first rows (or there are none to wait for). */
export function firstRowsPainted(): void {
  if (done) return;
  done = true;
  for (const f of waiting.splice(0)) f();
}

/** Runs `f` once the first rows are painted, or after `latest` ms at most. */
export function afterFirstRows(f: () => void, latest = 3000): void {
  if (done) {
    f();
    return;
  }
  let ran = false;
  const once = () => {
    if (!ran) {
      ran = true;
      f();
    }
  };
  waiting.push(once);
  setTimeout(once, latest);
}
