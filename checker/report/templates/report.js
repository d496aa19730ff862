// Behaviour of the report page: filters, sorting, j/k walking, evidence jumps, claim links,
// tooltips and source tabs. The page works without it (everything is in the HTML); this only
// adds navigation. It reads its data from the JSON block, never from inline handlers.
(function () {
  "use strict";
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  const attr = (name, value) => "[" + name + '="' + CSS.escape(String(value)) + '"]';

  const data = JSON.parse($("#report-data").textContent || "{}");
  const list = $("#finding-list");
  const statusEl = $("#status");
  const tip = $("#tip");
  const derivedText = $("#doc-derived-text");
  const derivedScroller = $("#derived-scroller");
  const rows = list ? $$("li.frow", list) : [];
  const rowById = new Map(rows.map((r) => [r.dataset.finding, r]));
  const infoById = new Map((data.findings || []).map((f) => [f.id, f]));
  const alignments = data.alignments || {};
  const supportedBy = new Map(); // source claim -> derived claims, for the reverse link
  Object.keys(alignments).forEach((d) => {
    alignments[d].forEach(([doc, s]) => {
      const key = doc + "\u0000" + s;
      if (!supportedBy.has(key)) supportedBy.set(key, []);
      supportedBy.get(key).push(d);
    });
  });
  let current = null;

  // ---------------------------------------------------------------- lookups
  // Index the spans once: filters and j/k touch them often, and a long report has thousands.
  const group = (sel, key) => {
    const map = new Map();
    $$(sel).forEach((el) => {
      const id = el.dataset[key];
      if (!map.has(id)) map.set(id, []);
      map.get(id).push(el);
    });
    return map;
  };
  const spansById = group("#doc-derived-text mark[data-finding]", "finding");
  const evidenceById = group("mark[data-evidence]", "evidence");
  const spansOf = (id) => spansById.get(id) || [];
  const evidenceOf = (id) => evidenceById.get(id) || [];
  const firstPiece = (els) => els.find((el) => !el.classList.contains("cont")) || els[0] || null;
  const visibleRows = () => rows.filter((r) => !r.hidden);
  const messageOf = (id) => {
    const row = rowById.get(id);
    const msg = row && $(".msg", row);
    return msg ? msg.textContent : "";
  };

  // ---------------------------------------------------------------- source tabs
  function showDoc(index) {
    if (index === null || index === undefined) return;
    $$(".source-panel").forEach((p) => { p.hidden = p.dataset.doc !== String(index); });
    $$('[role="tab"]').forEach((t) => {
      t.setAttribute("aria-selected", t.dataset.doc === String(index) ? "true" : "false");
    });
  }
  const panelOf = (el) => el && el.closest(".source-panel");

  // ---------------------------------------------------------------- scrolling
  function scrollable(box) {
    if (!box) return false;
    const oy = getComputedStyle(box).overflowY;
    return (oy === "auto" || oy === "scroll") && box.scrollHeight > box.clientHeight;
  }
  function scrollWithin(box, el) {
    if (!scrollable(box)) return false;
    const offset = el.getBoundingClientRect().top - box.getBoundingClientRect().top;
    box.scrollTop += offset - box.clientHeight / 3;
    return true;
  }
  function reveal(el, { page = true } = {}) {
    if (!el) return;
    scrollWithin(el.closest(".scroller"), el);
    if (page) el.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  // ---------------------------------------------------------------- selection
  function clearCurrent() {
    $$(".current").forEach((el) => el.classList.remove("current"));
    $$("mark.ev.active").forEach((el) => el.classList.remove("active"));
    current = null;
  }

  function select(id, how) {
    const row = rowById.get(id);
    if (!row) return;
    clearCurrent();
    current = id;
    row.classList.add("current");
    const spans = spansOf(id);
    const evidence = evidenceOf(id);
    spans.forEach((el) => el.classList.add("current"));
    evidence.forEach((el) => el.classList.add("active", "current"));
    const info = infoById.get(id) || {};
    const ev = firstPiece(evidence);
    showDoc(ev ? panelOf(ev).dataset.doc : info.doc);
    const main = firstPiece(spans) || ev;

    if (how === "text") {
      reveal(ev); // the reader is looking at the derived span: bring the evidence to them
    } else if (how === "source") {
      if (main && main !== ev) scrollWithin(derivedScroller, main);
    } else {
      reveal(main);
      // On a wide screen the source column scrolls on its own; on a phone the page would jump.
      if (ev && ev !== main) scrollWithin(ev.closest(".scroller"), ev);
      if (how === "key" && main) main.focus({ preventScroll: true });
    }
    if (list) scrollWithin(list, row);
    announce(id);
  }

  function announce(id) {
    if (!statusEl) return;
    const vis = visibleRows();
    const n = vis.findIndex((r) => r.dataset.finding === id);
    const row = rowById.get(id);
    const where = evidenceOf(id).length ? "" : " No support found in the sources.";
    statusEl.textContent = "Finding " + (n + 1) + " of " + vis.length + ": " +
      row.dataset.severity + ", " + row.dataset.kind + " (" + id + "). " + messageOf(id) + where;
  }

  function step(delta) {
    const vis = visibleRows();
    if (!vis.length) {
      if (statusEl) statusEl.textContent = "No findings are shown; check a kind or severity filter.";
      return;
    }
    let n = vis.findIndex((r) => r.dataset.finding === current);
    n = n < 0 ? (delta > 0 ? 0 : vis.length - 1) : (n + delta + vis.length) % vis.length;
    select(vis[n].dataset.finding, "key");
  }

  // ---------------------------------------------------------------- filters and sorting
  function checked(name) {
    return new Set($$('input[name="' + name + '"]').filter((i) => i.checked).map((i) => i.value));
  }

  function applyFilters() {
    const kinds = checked("kind");
    const sevs = checked("severity");
    let shown = 0;
    rows.forEach((row) => {
      const on = kinds.has(row.dataset.kind) && sevs.has(row.dataset.severity);
      row.hidden = !on;
      if (on) shown += 1;
      spansOf(row.dataset.finding).concat(evidenceOf(row.dataset.finding)).forEach((m) => {
        m.classList.toggle("off", !on);
        const stop = !m.classList.contains("cont") &&
          (m.classList.contains("f") || m.classList.contains("om"));
        m.tabIndex = on && stop ? 0 : -1;
      });
    });
    if (current && rowById.get(current).hidden) clearCurrent();
    if (statusEl) statusEl.textContent = "Showing " + shown + " of " + rows.length + " findings.";
  }

  function sortBy(key) {
    const field = key === "position" ? "orderPosition" : "orderSeverity";
    rows.slice().sort((a, b) => Number(a.dataset[field]) - Number(b.dataset[field]))
      .forEach((r) => list.appendChild(r));
  }

  // ---------------------------------------------------------------- tooltip
  function showTip(mark) {
    if (!tip || mark.classList.contains("off")) return;
    const id = mark.dataset.finding || mark.dataset.evidence;
    const row = rowById.get(id);
    if (!row) return;
    const head = document.createElement("span");
    head.className = "tip-kind";
    const lead = mark.dataset.finding ? "" :
      (mark.dataset.kind === "omitted-claim" ? "Omitted from the derived text: " : "Evidence for ");
    head.textContent = lead + mark.dataset.kind + " (" + row.dataset.severity + ", " + id + ")";
    const body = document.createElement("span");
    body.textContent = messageOf(id);
    tip.replaceChildren(head, body);
    tip.hidden = false;
    const r = mark.getBoundingClientRect();
    const width = tip.offsetWidth;
    const left = Math.max(4, Math.min(r.left, document.documentElement.clientWidth - width - 4));
    tip.style.left = left + window.scrollX + "px";
    tip.style.top = r.bottom + window.scrollY + 6 + "px";
  }
  const hideTip = () => { if (tip) tip.hidden = true; };

  // ---------------------------------------------------------------- claim links
  let litKey = null;
  function clearLit() {
    $$(".claim.hover, .claim.lit").forEach((el) => el.classList.remove("hover", "lit"));
    $$('[role="tab"].has-lit').forEach((t) => t.classList.remove("has-lit"));
    litKey = null;
  }
  function lightClaim(el) {
    const panel = panelOf(el);
    const key = el ? (panel ? panel.dataset.doc : "d") + "\u0000" + el.dataset.claim : null;
    if (key === litKey) return;
    clearLit();
    if (!el) return;
    litKey = key;
    const id = el.dataset.claim;
    if (panel) {
      $$(".claim" + attr("data-claim", id), panel).forEach((c) => c.classList.add("hover"));
      (supportedBy.get(key) || []).forEach((d) => {
        $$(".claim" + attr("data-claim", d), derivedText).forEach((c) => c.classList.add("lit"));
      });
      return;
    }
    $$(".claim" + attr("data-claim", id), derivedText).forEach((c) => c.classList.add("hover"));
    (alignments[id] || []).forEach(([doc, s]) => {
      const text = $("#doc-src-" + doc + "-text");
      if (!text) return;
      const hits = $$(".claim" + attr("data-claim", s), text);
      hits.forEach((c) => c.classList.add("lit"));
      const tab = $('[role="tab"]' + attr("data-doc", doc));
      if (hits.length && tab && tab.getAttribute("aria-selected") !== "true") tab.classList.add("has-lit");
    });
  }

  // ---------------------------------------------------------------- events
  const markOf = (t) => (t && t.closest ? t.closest("mark[data-finding], mark[data-evidence]") : null);
  // Letters typed into a field are text, not shortcuts; a checkbox or button takes no text.
  const isTyping = (t) => t && (t.isContentEditable || /^(SELECT|TEXTAREA)$/.test(t.tagName) ||
    (t.tagName === "INPUT" && !/^(checkbox|radio|button|submit|reset)$/.test(t.type)));

  document.addEventListener("click", (e) => {
    const tab = e.target.closest('[role="tab"]');
    if (tab) { showDoc(tab.dataset.doc); return; }
    if (e.target.closest("#next")) { step(1); return; }
    if (e.target.closest("#prev")) { step(-1); return; }
    const m = markOf(e.target);
    if (m && !m.classList.contains("off")) {
      if (m.dataset.finding) select(m.dataset.finding, "text");
      else select(m.dataset.evidence, m.classList.contains("om") ? "list" : "source");
      return;
    }
    const row = e.target.closest("li.frow");
    if (row) select(row.dataset.finding, "list");
  });

  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
    if (e.key === "Escape") { hideTip(); return; }
    const m = markOf(e.target);
    if (m && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      m.click();
      return;
    }
    if (e.key === "j" || e.key === "J") { e.preventDefault(); step(1); }
    else if (e.key === "k" || e.key === "K") { e.preventDefault(); step(-1); }
  });

  document.addEventListener("mouseover", (e) => {
    const m = markOf(e.target);
    if (m) showTip(m); else hideTip();
    lightClaim(e.target.closest ? e.target.closest("[data-claim]") : null);
  });
  document.addEventListener("focusin", (e) => {
    const m = markOf(e.target);
    if (m) showTip(m); else hideTip();
    lightClaim(e.target.closest ? e.target.closest("[data-claim]") : null);
  });
  document.addEventListener("focusout", (e) => { if (!markOf(e.relatedTarget)) hideTip(); });

  $$('input[name="kind"], input[name="severity"]').forEach((i) => i.addEventListener("change", applyFilters));
  const sortSel = $("#sort");
  if (sortSel) sortSel.addEventListener("change", () => sortBy(sortSel.value));
  const form = $("form.controls");
  if (form) form.addEventListener("submit", (e) => e.preventDefault());
  document.documentElement.classList.add("js");
})();
