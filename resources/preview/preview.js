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

  function renderMath(nodes) {
    if (typeof renderMathInElement !== "function") return false;
    const content = document.getElementById("tileditor-content");
    const targets = nodes || (content ? [content] : []);
    for (let node of targets) {
      if (node.nodeType === 3 && /\\\[|\\\(|\$/.test(node.data) && node.parentNode) {
        // kramdown writes display math as bare "\[...\]" between blocks: a top-level text
        // node. Wrap it so KaTeX can typeset it; the content keeps the same number of nodes.
        const wrap = document.createElement("span");
        wrap.className = "kdmath-text";
        node.parentNode.insertBefore(wrap, node);
        wrap.appendChild(node);
        node = wrap;
      }
      if (node.nodeType !== 1) continue;
      try {
        renderMathInElement(node, { delimiters: mathDelimiters, throwOnError: false });
      } catch (e) {
        // A formula KaTeX cannot parse stays as text, like on the site before MathJax.
      }
    }
    return true;
  }

  function setHtml(id, html) {
    const el = document.getElementById(id);
    if (el && el.innerHTML !== html) el.innerHTML = html;
  }

  function nodeSource(node) {
    return node.nodeType === 1 ? node.outerHTML : node.nodeType + ":" + node.textContent;
  }

  // The content's top-level nodes as last sent (before KaTeX rewrote any of them).
  let sources = null;

  // Replace only the run of top-level nodes that changed: typing in one paragraph of a long
  // post re-lays out one block instead of the whole page.
  function patchContent(html) {
    const el = document.getElementById("tileditor-content");
    if (!el) return false;
    const tpl = document.createElement("template");
    tpl.innerHTML = html;
    const fresh = Array.from(tpl.content.childNodes);
    const freshSources = fresh.map(nodeSource);
    const old = Array.from(el.childNodes);
    if (sources === null || sources.length !== old.length) {
      el.replaceChildren(...fresh);
      sources = freshSources;
      return fresh;
    }
    let start = 0;
    const common = Math.min(old.length, fresh.length);
    while (start < common && sources[start] === freshSources[start]) start++;
    let endOld = old.length, endNew = fresh.length;
    while (endOld > start && endNew > start && sources[endOld - 1] === freshSources[endNew - 1]) {
      endOld--; endNew--;
    }
    const anchor = endOld < old.length ? old[endOld] : null;
    for (let i = start; i < endOld; i++) el.removeChild(old[i]);
    const added = fresh.slice(start, endNew);
    for (const node of added) el.insertBefore(node, anchor);
    sources = freshSources;
    return added;
  }

  // Replace block groups start..start+removed (each begins at a <!--tlb--> mark, the endnotes
  // at <!--tlt-->) and move the data-line of every later block: the work follows the edit,
  // not the length of the post.
  function patchBlocks(p) {
    const el = document.getElementById("tileditor-content");
    if (!el) return false;
    const marks = [];
    let tail = null;
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 8) continue;
      if (n.data === "tlb") marks.push(n);
      else if (n.data === "tlt") tail = n;
    }
    if (p.start + p.removed > marks.length || (marks.length === 0 && tail === null)) return false;
    const end = p.start + p.removed < marks.length ? marks[p.start + p.removed] : tail;
    let n = p.start < marks.length ? marks[p.start] : tail;
    while (n && n !== end) {
      const next = n.nextSibling;
      el.removeChild(n);
      n = next;
    }
    const tpl = document.createElement("template");
    tpl.innerHTML = p.html;
    const added = Array.from(tpl.content.childNodes);
    for (const node of added) el.insertBefore(node, end);
    if (p.toc !== null && p.toc !== undefined) {
      // The sidebar TOC sits before the first block mark.
      // (looked up again: the patch above may have replaced the first mark)
      const isMark = (n) => n.nodeType === 8 && (n.data === "tlb" || n.data === "tlt");
      while (el.firstChild && !isMark(el.firstChild)) el.removeChild(el.firstChild);
      const toc = document.createElement("template");
      toc.innerHTML = p.toc;
      el.insertBefore(toc.content, el.firstChild);
    }
    if (p.delta) {
      for (let m = end; m; m = m.nextSibling) {
        if (m.nodeType === 1 && m.hasAttribute("data-line")) {
          m.setAttribute("data-line", String(parseInt(m.getAttribute("data-line"), 10) + p.delta));
        }
      }
    }
    sources = null;  // the whole-content diff below starts over after a block patch
    return added;
  }

  // Messages to Python go through Qt's web channel, which exists only in this isolated world
  // of the main frame (see preview_page.py): the post, its iframes, a meta refresh or a form
  // cannot reach it, and no URL stands for a message. Messages sent before the channel is up
  // wait for it.
  let bridge = null;
  const outbox = [];
  function tell(method, arg) {
    if (bridge) bridge[method](arg);
    else if (outbox.length < 20) outbox.push([method, arg]);
  }
  if (typeof QWebChannel === "function" && typeof qt === "object" && qt.webChannelTransport) {
    new QWebChannel(qt.webChannelTransport, function (channel) {
      bridge = channel.objects.tileditorBridge || null;
      while (bridge && outbox.length) {
        const [method, arg] = outbox.shift();
        bridge[method](arg);
      }
    });
  }

  function lineBlocks() {
    return Array.from(document.querySelectorAll("#tileditor-content [data-line]"));
  }

  // What the page's Content-Security-Policy refused (remote images when blocked, scripts...).
  const violations = [];
  document.addEventListener("securitypolicyviolation", function (ev) {
    if (violations.length < 1000) violations.push(ev.blockedURI + " " + ev.effectiveDirective);
  });

  window.tileditor = {
    violations: violations,
    renderMath: renderMath,
    // Replace the page's variable parts in place; the scroll position survives.
    patch: function (parts) {
      const y = window.scrollY;
      document.title = parts.title_text;
      setHtml("page-title", parts.title);
      setHtml("tileditor-meta", parts.meta);
      setHtml("tileditor-taxonomy", parts.taxonomy);
      const added = patchContent(parts.content);
      if (added) renderMath(added);
      window.scrollTo(window.scrollX, y);
      return document.getElementById("tileditor-content") !== null;
    },
    patchBlocks: function (p) {
      const y = window.scrollY;
      const added = patchBlocks(p);
      if (!added) return false;
      renderMath(added);
      window.scrollTo(window.scrollX, y);
      return true;
    },
    // File line of the first block visible at the top of the viewport (0 when none).
    topLine: function () {
      for (const el of lineBlocks()) {
        const line = parseInt(el.getAttribute("data-line"), 10);
        if (el.getBoundingClientRect().bottom > 1) return line;
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

  // The absolute URL a link points to (SVG links carry an SVGAnimatedString).
  function linkUrl(link) {
    const raw = typeof link.href === "string" ? link.href : link.href && link.href.baseVal;
    try {
      return new URL(raw || link.getAttribute("href") || "", document.baseURI).href;
    } catch (e) {
      return "";
    }
  }

  // Every link click is handled here and never navigates: only a real user's click (trusted,
  // not one a script synthesised) asks Python to open it. A plain click or a middle click.
  function onClick(ev) {
    const el = ev.target && ev.target.nodeType === 1 ? ev.target : ev.target && ev.target.parentElement;
    if (!el || !el.closest) return;
    const link = el.closest("a[href], area[href], a[*|href]");
    if (link) {
      ev.preventDefault();
      const href = link.getAttribute("href") || "";
      const wanted = ev.isTrusted && ev.button === (ev.type === "click" ? 0 : 1);
      if (href.startsWith("#")) {
        // With <base href> set to the repo, "#x" would resolve to another document.
        if (ev.type !== "click") return;
        const target = document.getElementById(decodeURIComponent(href.slice(1)));
        if (target) target.scrollIntoView({ block: "start" });
      } else if (wanted) {
        const url = linkUrl(link);
        if (url) tell("linkClicked", url);
      }
      return;
    }
    const block = ev.type === "click" ? el.closest("[data-line]") : null;
    if (block) {
      const line = parseInt(block.getAttribute("data-line"), 10);
      if (line > 0) tell("lineClicked", line);
    }
  }
  document.addEventListener("click", onClick, true);
  document.addEventListener("auxclick", onClick, true);

  const initial = document.getElementById("tileditor-content");
  if (initial) sources = Array.from(initial.childNodes).map(nodeSource);
  renderMath();
})();
