// tileditor's own preview script. Runs in Qt's ApplicationWorld (an isolated JS world), so it
// works while the post's own scripts are disabled; it shares the DOM with the page.
(function () {
  "use strict";
  const mathDelimiters = [
    { left: "$$", right: "$$", display: true },
    { left: "\\[", right: "\\]", display: true },
    { left: "\\(", right: "\\)", display: false },
    { left: "$", right: "$", display: false },
  ];

  function renderMath() {
    const el = document.getElementById("tileditor-content");
    if (!el || typeof renderMathInElement !== "function") return false;
    try {
      renderMathInElement(el, { delimiters: mathDelimiters, throwOnError: false });
    } catch (e) {
      return false;
    }
    return true;
  }

  function setHtml(id, html) {
    const el = document.getElementById(id);
    if (el && el.innerHTML !== html) el.innerHTML = html;
  }

  function lineBlocks() {
    return Array.from(document.querySelectorAll("#tileditor-content [data-line]"));
  }

  window.tileditor = {
    renderMath: renderMath,
    // Replace the page's variable parts in place; the scroll position survives.
    patch: function (parts) {
      const y = window.scrollY;
      document.title = parts.title_text;
      setHtml("page-title", parts.title);
      setHtml("tileditor-meta", parts.meta);
      setHtml("tileditor-content", parts.content);
      setHtml("tileditor-taxonomy", parts.taxonomy);
      renderMath();
      window.scrollTo(window.scrollX, y);
      return document.getElementById("tileditor-content") !== null;
    },
    // File line of the first block visible at the top of the viewport (0 when none).
    topLine: function () {
      for (const el of lineBlocks()) {
        if (el.getBoundingClientRect().bottom > 1) return parseInt(el.getAttribute("data-line"), 10);
      }
      return 0;
    },
    scrollToLine: function (line) {
      let best = null, bestLine = -1;
      for (const el of lineBlocks()) {
        const n = parseInt(el.getAttribute("data-line"), 10);
        if (n <= line && n >= bestLine) { best = el; bestLine = n; }
      }
      if (best) best.scrollIntoView({ block: "start" });
      else window.scrollTo(0, 0);
      return window.scrollY;
    },
  };

  document.addEventListener("click", function (ev) {
    const link = ev.target.closest ? ev.target.closest("a[href]") : null;
    if (link) {
      const href = link.getAttribute("href");
      if (href && href.startsWith("#")) {
        // With <base href> set to the repo, "#x" would resolve to another document.
        ev.preventDefault();
        const target = document.getElementById(decodeURIComponent(href.slice(1)));
        if (target) target.scrollIntoView({ block: "start" });
      }
      return;
    }
    const block = ev.target.closest ? ev.target.closest("[data-line]") : null;
    if (block) {
      window.location.href = "https://tileditor-line.invalid/" + block.getAttribute("data-line");
    }
  }, true);

  renderMath();
})();
