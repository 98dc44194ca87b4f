// The supervisors' view: live station tiles over server-sent events, elapsed timers,
// the language selector. Plain JavaScript, no build step, no CDN.
(function () {
  "use strict";

  function fmt(seconds) {
    var s = Math.max(0, Math.round(seconds));
    if (s >= 3600) return Math.floor(s / 3600) + " h " + String(Math.floor((s % 3600) / 60)).padStart(2, "0") + " min";
    if (s >= 60) return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0") + " min";
    return s + " s";
  }

  function tick() {
    var now = Date.now();
    document.querySelectorAll("[data-since]").forEach(function (el) {
      var t = Date.parse(el.getAttribute("data-since"));
      if (isNaN(t)) { el.textContent = "–"; return; }
      var elapsed = (now - t) / 1000;
      el.textContent = fmt(elapsed);
      var std = parseFloat(el.getAttribute("data-standard") || "");
      if (!isNaN(std) && std > 0) el.classList.toggle("over", elapsed > std);
    });
  }

  function setupLanguage() {
    var select = document.getElementById("lang-select");
    if (!select) return;
    select.addEventListener("change", function () {
      var next = select.getAttribute("data-next") || "/";
      window.location.href = "/lang/" + encodeURIComponent(select.value) + "?next=" + encodeURIComponent(next);
    });
    document.querySelectorAll("select[data-autosubmit]").forEach(function (s) {
      s.addEventListener("change", function () { s.form.submit(); });
    });
  }

  function applyTiles(changed) {
    var box = document.getElementById("tiles");
    Object.keys(changed).forEach(function (station) {
      var html = changed[station];
      var old = box.querySelector('[data-station="' + CSS.escape(station) + '"]');
      if (!html) { if (old) old.remove(); return; }
      var tpl = document.createElement("template");
      tpl.innerHTML = html;
      var fresh = tpl.content.firstElementChild;
      if (old) old.replaceWith(fresh); else box.appendChild(fresh);
    });
    var none = document.getElementById("no-stations");
    if (none) none.hidden = box.children.length > 0;
    tick();
    box.setAttribute("data-updated", String(Date.now()));
  }

  function live() {
    var box = document.getElementById("tiles");
    if (!box || !window.EventSource) return;
    var banner = document.getElementById("conn");
    var source = null;
    var lastMessage = Date.now();
    var retryMs = 1000;
    var leaving = false;  // the bridge ended the stream on purpose ("bye"): no banner

    function lost() {
      banner.hidden = false;
      document.body.classList.add("disconnected");
    }
    function back() {
      banner.hidden = true;
      document.body.classList.remove("disconnected");
    }
    function open() {
      source = new EventSource(box.getAttribute("data-live"));
      source.addEventListener("open", function () { lastMessage = Date.now(); retryMs = 1000; back(); });
      source.addEventListener("tiles", function (e) { lastMessage = Date.now(); back(); applyTiles(JSON.parse(e.data)); });
      source.addEventListener("orders", function (e) {
        lastMessage = Date.now(); back();
        document.getElementById("orders").innerHTML = JSON.parse(e.data);
      });
      source.addEventListener("ping", function () { lastMessage = Date.now(); back(); });
      source.addEventListener("bye", function () { leaving = true; });
      source.addEventListener("error", function () {
        if (leaving && source.readyState === EventSource.CONNECTING) { leaving = false; return; }
        leaving = false;
        lost();
        if (source.readyState === EventSource.CLOSED) {
          // e.g. 401 after the session ended, or the bridge refused: try again, slower.
          source.close();
          setTimeout(function () {
            fetch("/whoami", { cache: "no-store" }).then(function (r) {
              if (r.status === 401) window.location.href = "/login?next=/";
            }).catch(function () {});
            open();
          }, retryMs);
          retryMs = Math.min(retryMs * 2, 15000);
        }
      });
    }
    open();
    // A connection that silently died (no ping for 15 s): say so and start over.
    setInterval(function () {
      if (Date.now() - lastMessage > 15000) {
        lost();
        source.close();
        lastMessage = Date.now();
        open();
      }
    }, 2000);
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupLanguage();
    tick();
    setInterval(tick, 1000);
    live();
  });
})();
