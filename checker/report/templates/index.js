// Sort the index table by the clicked column; numbers sort as numbers, blanks last.
(function () {
  "use strict";
  const table = document.getElementById("index-table");
  if (!table) return;
  const body = table.tBodies[0];
  const heads = Array.from(table.tHead.rows[0].cells);
  heads.forEach((th, col) => {
    th.querySelector("button").addEventListener("click", () => {
      const asc = th.getAttribute("aria-sort") !== "ascending";
      heads.forEach((h) => h.setAttribute("aria-sort", "none"));
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      const numeric = th.dataset.type === "number";
      const value = (row) => row.cells[col].dataset.value || "";
      const rows = Array.from(body.rows);
      rows.sort((a, b) => {
        const x = value(a), y = value(b);
        if (x === "" || y === "") return (x === "") - (y === "");
        const d = numeric ? Number(x) - Number(y) : x.localeCompare(y, undefined, { numeric: true });
        return asc ? d : -d;
      });
      rows.forEach((r) => body.appendChild(r));
    });
  });
})();
