// The claim matrix: "only rows where an article differs", and a followed cell's sentence
// brought into view with focus.
(function () {
  "use strict";
  const table = document.getElementById("matrix");
  const only = document.getElementById("only-diff");
  if (table && only) {
    only.addEventListener("change", () => table.classList.toggle("only-diff", only.checked));
  }
  document.addEventListener("click", (event) => {
    const link = event.target.closest ? event.target.closest(".cell a") : null;
    if (!link) return;
    const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (target) target.focus({ preventScroll: true });
  });
})();
