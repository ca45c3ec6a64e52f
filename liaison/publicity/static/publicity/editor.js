// The article body's small toolbar: wraps the selection of the textarea in the few tags the server
// keeps (bold, heading, paragraph, list, link) and inserts uploaded images. The server cleans it anyway.
(function () {
  "use strict";
  function wrap(area, before, after) {
    var s = area.selectionStart, e = area.selectionEnd, v = area.value;
    area.value = v.slice(0, s) + before + v.slice(s, e) + after + v.slice(e);
    area.focus();
    area.selectionStart = s + before.length;
    area.selectionEnd = e + before.length;
  }
  document.querySelectorAll("[data-editor-for]").forEach(function (bar) {
    var area = document.getElementById(bar.getAttribute("data-editor-for"));
    if (!area) { return; }
    bar.addEventListener("click", function (ev) {
      var b = ev.target.closest("button");
      if (!b) { return; }
      var tag = b.getAttribute("data-wrap");
      if (tag) { wrap(area, "<" + tag + ">", "</" + tag + ">"); }
      if (b.hasAttribute("data-list")) {
        var s = area.selectionStart, e = area.selectionEnd;
        var lines = area.value.slice(s, e).split("\n").filter(function (l) { return l.trim(); });
        var items = (lines.length ? lines : [""]).map(function (l) { return "<li>" + l + "</li>"; }).join("\n");
        area.value = area.value.slice(0, s) + "<ul>\n" + items + "\n</ul>" + area.value.slice(e);
        area.focus();
      }
      if (b.hasAttribute("data-link")) {
        var url = window.prompt(b.getAttribute("data-prompt") || "URL", "https://");
        if (url && /^(https?:\/\/|mailto:|\/)/.test(url)) {
          wrap(area, '<a href="' + url.replace(/"/g, "&quot;") + '">', "</a>");
        }
      }
    });
  });
  document.querySelectorAll("[data-insert-image]").forEach(function (b) {
    b.addEventListener("click", function () {
      var area = document.getElementById(b.getAttribute("data-target"));
      if (!area) { return; }
      var alt = (b.getAttribute("data-alt") || "").replace(/"/g, "&quot;");
      wrap(area, '<p><img src="' + b.getAttribute("data-insert-image") + '" alt="' + alt + '"></p>', "");
    });
  });
})();
