// Above the profile list: imports a crash, a power cut or a cancel left with rows to send, each
// with a link that resumes it (the same keys: nothing is created twice).
import { useEffect, useState } from "preact/hooks";
import type { BatchSummary } from "../bindings/BatchSummary";
import type { Workspace } from "../bindings/Workspace";
import { call } from "../ipc";
import styles from "./UnfinishedImports.module.css";
import { grouped } from "../lib/numbers";

export function UnfinishedImports({ workspace }: { workspace: Workspace }) {
  const [batches, setBatches] = useState<BatchSummary[]>([]);
  useEffect(() => {
    call("unfinished_batches", { workspaceId: workspace.id }).then(setBatches, () => setBatches([]));
  }, [workspace.id]);
  if (batches.length === 0) return null;
  return (
    <section class={styles.bar} aria-labelledby="imports-title" data-testid="unfinished-imports">
      <h3 id="imports-title">Unfinished imports</h3>
      <ul>
        {batches.map((b) => (
          <li key={b.id}>
            <a href={`/import/${encodeURIComponent(b.id)}`} data-testid="resume-import">Resume the import of {b.source}</a>
            <span class="hint">
              {grouped(b.left)} of {grouped(b.counts.total)} rows still to send
              {b.counts.created > 0 ? `, ${grouped(b.counts.created)} created` : ""}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
