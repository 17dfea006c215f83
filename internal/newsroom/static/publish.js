// The progress of "Publish site" without reloading: while a publish
// runs, ask the page's JSON twice a second and show its counts; when it
// ends, load the page again for the summary or the failures. Without
// JavaScript the page refreshes itself instead (<noscript>).
const box = document.getElementById("publish-state");
if (box && box.dataset.running === "true") {
  const show = (key, text) => {
    const el = box.querySelector(`[data-publish="${key}"]`);
    if (el) el.textContent = text;
  };
  const size = (n) => n < 1000 ? `${n} B` : n < 1e6 ? `${(n / 1000).toFixed(1)} kB` : `${(n / 1e6).toFixed(1)} MB`;
  const poll = async () => {
    try {
      const res = await fetch(location.pathname + "?format=json", { credentials: "same-origin", cache: "no-store" });
      const st = await res.json();
      if (!st.running) {
        location.reload();
        return;
      }
      show("step", st.stepText);
      if (st.total > 0) {
        const bar = box.querySelector('[data-publish="bar"]');
        if (bar) { bar.max = st.total; bar.value = st.done; }
        show("progress", `${st.done}/${st.total} · ${size(st.doneBytes)}/${size(st.totalBytes)}`);
      }
      show("file", st.file || "");
    } catch (e) {
      // The server restarted or the network blinked: try again.
    }
    setTimeout(poll, 500);
  };
  setTimeout(poll, 500);
}
