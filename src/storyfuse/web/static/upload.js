// Upload page: drop files on the zone, send them with fetch, then poll the job's status.
// Without JavaScript the form posts normally and the status page can be reloaded by hand.
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  var zone = document.getElementById("dropzone");
  var input = document.getElementById("files");

  function text(el, value) { if (el) el.textContent = value; }

  function list(el, items, render) {
    if (!el) return;
    el.replaceChildren();
    items.forEach(function (item) { el.appendChild(render(item)); });
  }

  function showJob(section, job) {
    text(section.querySelector(".state"), job.state);
    var total = job.total === null ? "?" : job.total;
    text(section.querySelector(".progress-text"), job.analysed + " of " + total + " articles analysed");
    var bar = section.querySelector("progress");
    if (bar) { bar.max = job.total || 1; bar.value = job.analysed; }
    text(section.querySelector(".message"), job.message);
    list(section.querySelector(".job-stories"), job.stories || [], function (story) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "/stories/" + encodeURIComponent(story.id);
      a.textContent = story.title;
      li.appendChild(a);
      return li;
    });
    list(section.querySelector(".job-errors"), job.errors, function (e) {
      var li = document.createElement("li");
      var code = document.createElement("code");
      code.textContent = e.path;
      li.appendChild(code);
      li.appendChild(document.createTextNode(": " + e.error));
      return li;
    });
    section.classList.toggle("finished", job.done);
    section.setAttribute("data-state", job.state);
  }

  function poll(section) {
    var url = section.getAttribute("data-status-url");
    fetch(url, { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (job) {
        showJob(section, job);
        if (!job.done) setTimeout(function () { poll(section); }, 500);
      })
      .catch(function () { setTimeout(function () { poll(section); }, 2000); });
  }

  var existing = document.getElementById("job");
  if (existing && existing.getAttribute("data-state") !== "done") poll(existing);

  if (zone && input) {
    ["dragenter", "dragover"].forEach(function (type) {
      zone.addEventListener(type, function (ev) { ev.preventDefault(); zone.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (type) {
      zone.addEventListener(type, function () { zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (ev) {
      ev.preventDefault();
      if (ev.dataTransfer && ev.dataTransfer.files.length) {
        input.files = ev.dataTransfer.files;
        text(zone.querySelector("span"), input.files.length + " file(s) ready");
      }
    });
    input.addEventListener("change", function () {
      text(zone.querySelector("span"), input.files.length + " file(s) ready");
    });
  }

  if (form && window.fetch && window.FormData) {
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var data = new FormData(form);
      var headers = {};
      var button = form.querySelector("button[type=submit]");
      if (button) button.disabled = true;
      fetch("/api/uploads", { method: "POST", body: data, headers: headers, credentials: "same-origin" })
        .then(function (r) {
          return r.json().then(function (body) { return { ok: r.ok, status: r.status, body: body }; });
        })
        .then(function (res) {
          if (!res.ok) {
            var d = res.body.detail;
            throw new Error(typeof d === "string" ? d : ("error " + res.status + ": " + JSON.stringify(d)));
          }
          window.location.assign("/uploads/" + encodeURIComponent(res.body.id));
        })
        .catch(function (err) {
          var p = form.querySelector(".upload-error") || document.createElement("p");
          p.className = "upload-error error";
          p.textContent = err.message;
          form.appendChild(p);
        })
        .finally(function () { if (button) button.disabled = false; });
    });
  }
})();
