import { render } from "preact";
import { App } from "./app/App";
import { startLoading } from "./data/app";
import { markPhase } from "./lib/bench";
import "./styles.css";

// The start-up calls go out first, then the shell is drawn while they are answered. (Drawing only
// once they had answered was measured: the answers then came in ~10 ms instead of ~100, but the
// first layout and paint, now of the shell and its rows at once, took as long as both did before;
// measured again once the font lookups were cut: the same. README, Benchmarks.)
void startLoading();
// Linux's fonts are named the way fontconfig finds them on the first try (styles.css, :root). Set
// before the first render: no text has been laid out yet, so no font is looked up twice.
if (/\bLinux\b/.test(navigator.userAgent)) document.documentElement.dataset.platform = "linux";
render(<App />, document.getElementById("app")!);
markPhase("firstRender");
