/** A number with its thousands grouped and at most three decimals, the way the app words every
 * count and rate: "10,005", "12.5". Written out rather than `toLocaleString("en-US")`, which
 * gives the same text but loads WebKit's ICU number formatting (about 3 MB of its process). */
export function grouped(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [whole = "0", fraction] = Math.abs(n).toFixed(3).replace(/\.?0+$/, "").split(".");
  const digits = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const text = fraction ? `${digits}.${fraction}` : digits;
  return n < 0 && text !== "0" ? `-${text}` : text;
}
