/* Progressive enhancement only: every form works without this file. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var MAX_PHOTO = 3 * 1024 * 1024;

  function fieldError(form, name, message) {
    var input = form.querySelector('[name="' + name + '"]');
    var box = form.querySelector('[data-error-for="' + name + '"]');
    if (box) { box.textContent = message || ""; box.hidden = !message; }
    if (input) {
      if (message) { input.setAttribute("aria-invalid", "true"); } else { input.removeAttribute("aria-invalid"); }
      var wrap = input.closest(".field");
      if (wrap) { wrap.classList.toggle("has-error", !!message); }
    }
  }

  function stepFields(fieldset) {
    return Array.prototype.filter.call(fieldset.querySelectorAll("input[name], select[name], textarea[name]"),
      function (el) { return el.type !== "hidden" && el.type !== "file" && el.name !== "province"; });
  }

  function photoProblem(form) {
    var input = form.querySelector('input[type=file][name=photo]');
    if (!input) { return null; }
    var msgs = form.dataset;
    if (!input.files || !input.files.length) { return input.required ? msgs.photoRequired : null; }
    var file = input.files[0];
    if (file.size > MAX_PHOTO) { return msgs.photoTooLarge; }
    if (!/^image\/(jpeg|png)$/.test(file.type)) { return msgs.photoWrongType; }
    return null;
  }

  function validateStep(form, fieldset) {
    var step = fieldset.dataset.step, data = {};
    stepFields(fieldset).forEach(function (el) { data[el.name] = el.value; });
    var token = form.querySelector('input[name=csrf_token]').value;
    return fetch(form.dataset.validateUrl, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": token },
      body: JSON.stringify({ step: step, data: data })
    }).then(function (resp) {
      if (resp.status === 200 || resp.status === 422) { return resp.json(); }
      return { errors: {} }; // the server checks everything again on Finish!
    }).then(function (body) {
      var errors = body.errors || {};
      stepFields(fieldset).forEach(function (el) { fieldError(form, el.name, errors[el.name]); });
      if (step === "data_alamat") {
        var p = photoProblem(form);
        fieldError(form, "photo", p);
        if (p) { errors.photo = p; }
      }
      return errors;
    }).catch(function () { return {}; });
  }

  function initSteps(form) {
    var fieldsets = Array.prototype.slice.call(form.querySelectorAll("fieldset[data-step]"));
    var indicators = document.querySelectorAll("[data-step-indicator]");
    form.noValidate = true;
    function show(index, focus) {
      fieldsets.forEach(function (fs, i) { fs.classList.toggle("current", i === index); });
      Array.prototype.forEach.call(indicators, function (li, i) {
        if (i === index) { li.setAttribute("aria-current", "step"); } else { li.removeAttribute("aria-current"); }
      });
      if (focus) {
        var first = fieldsets[index].querySelector('[aria-invalid="true"]') ||
          fieldsets[index].querySelector("input:not([type=hidden]), select, textarea");
        if (first) { first.focus(); }
      }
    }
    var start = fieldsets.findIndex(function (fs) { return fs.dataset.step === form.dataset.startStep; });
    show(Math.max(start, 0), start > 0);
    function current() { return fieldsets.findIndex(function (fs) { return fs.classList.contains("current"); }); }
    form.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) { return; }
      if (button.hasAttribute("data-prev")) { show(Math.max(current() - 1, 0), true); }
      if (button.hasAttribute("data-next")) {
        var index = current();
        button.disabled = true;
        validateStep(form, fieldsets[index]).then(function (errors) {
          button.disabled = false;
          if (Object.keys(errors).length) {
            var bad = fieldsets[index].querySelector('[aria-invalid="true"]');
            if (bad) { bad.focus(); }
          } else { show(Math.min(index + 1, fieldsets.length - 1), true); }
        });
      }
    });
    form.addEventListener("submit", function (event) {
      if (form.dataset.checked === "1" || (event.submitter && event.submitter.name === "aksi")) { return; }
      event.preventDefault();
      var finish = form.querySelector("[data-finish]");
      finish.disabled = true;
      validateStep(form, fieldsets[fieldsets.length - 1]).then(function (errors) {
        finish.disabled = false;
        if (Object.keys(errors).length) {
          var bad = form.querySelector('.current [aria-invalid="true"]');
          if (bad) { bad.focus(); }
          return;
        }
        form.dataset.checked = "1";
        finish.disabled = true;
        form.submit();
      });
    });
  }

  function initRegions(form) {
    var selects = {};
    form.querySelectorAll("select[data-region-level]").forEach(function (s) { selects[s.dataset.regionLevel] = s; });
    Object.keys(selects).forEach(function (level) {
      selects[level].addEventListener("change", function () {
        var lvl = parseInt(level, 10), child = selects[lvl + 1];
        for (var l = lvl + 1; selects[l]; l++) { selects[l].length = 1; }
        if (!child || !this.value) { return; }
        fetch("/wilayah?parent=" + encodeURIComponent(this.value), { credentials: "same-origin" })
          .then(function (r) { return r.json(); })
          .then(function (items) {
            items.forEach(function (item) { child.add(new Option(item.name, item.code)); });
          });
      });
    });
  }

  document.querySelectorAll("form").forEach(function (form) {
    if (form.querySelector("select[data-region-level]")) { initRegions(form); }
    if (form.classList.contains("steps-form")) { initSteps(form); }
  });
  var summary = document.getElementById("ringkasan-kesalahan");
  if (summary && !document.querySelector(".steps-form")) { summary.focus(); }

  /* narrow phones: plain tables become cards (app.css .table-stack); each cell is labelled with its
     column's heading. Grids that only make sense as grids opt out with .no-stack. */
  function stackTables() {
    Array.prototype.forEach.call(document.querySelectorAll("table.table:not(.no-stack):not(.lg-board):not(.tr-sheet):not(.sv-num-table):not(.sv-small)"), function (table) {
      var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) { return th.textContent.trim(); });
      if (!heads.length || table.querySelector("tbody td[colspan]")) { return; }
      Array.prototype.forEach.call(table.querySelectorAll("tbody tr"), function (tr) {
        Array.prototype.forEach.call(tr.children, function (cell, i) {
          if (!cell.hasAttribute("data-label") && heads[i]) { cell.setAttribute("data-label", heads[i]); }
        });
      });
      table.classList.add("table-stack");
    });
  }
  stackTables();
})();
