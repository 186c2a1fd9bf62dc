// Loaded before the app's bundle (a separate entry in index.html): if the bundle fails while it
// loads, the window says so in words instead of staying blank.
const errors: string[] = [];

function report(detail: string): void {
  errors.push(detail);
  (window as unknown as { __sentErrors: string[] }).__sentErrors = errors;
  const root = document.getElementById("app");
  if (root && root.childElementCount === 0) {
    const p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.className = "app-error";
    p.textContent = `The window could not be drawn. Restart Sent Profiles; if this keeps happening, report this detail: ${detail}`;
    root.append(p);
  }
}

window.addEventListener("error", (e) => report(String(e.error?.stack ?? e.message)));
window.addEventListener("unhandledrejection", (e) => report(String(e.reason?.stack ?? e.reason)));
