/* UKM/Koperasi forms: sections one at a time, quick checks, live Rupiah hint. Forms work without it. */
(function () {
  "use strict";
  var MAX_PHOTO = 3 * 1024 * 1024;
  var GROUPED = /^\d{1,3}(\.\d{3})+$/, PLAIN = /^\d+$/;

  function rupiahDigits(value) {
    var text = value.replace(/\s+/g, "");
    if (/^rp/i.test(text)) { text = text.slice(2).replace(/^\.+/, ""); }
    text = text.replace(/,0{1,2}$/, "");
    if (GROUPED.test(text)) { return text.replace(/\./g, ""); }
    return PLAIN.test(text) ? text : null;
  }

  function formatRupiah(digits) {
    return "Rp " + digits.replace(/^0+(?=\d)/, "").replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  function labelOf(el) {
    var label = document.querySelector('label[for="' + el.id + '"]');
    return label ? label.textContent.replace("*", "").replace(/\s+/g, " ").trim() : el.name;
  }

  function fieldError(form, el, message) {
    var box = form.querySelector('[data-error-for="' + el.name + '"]') || document.getElementById("e-" + el.name);
    if (box) { box.textContent = message || ""; box.hidden = !message; }
    if (message) { el.setAttribute("aria-invalid", "true"); } else { el.removeAttribute("aria-invalid"); }
    var wrap = el.closest(".field");
    if (wrap) { wrap.classList.toggle("has-error", !!message); }
  }

  function problem(form, el) {
    var msgs = form.dataset, value = (el.value || "").trim(), label = labelOf(el);
    if (el.type === "file") {
      var file = el.files && el.files[0];
      if (!file) { return el.required ? (msgs.msgPhotoRequired || msgs.msgRequired.replace("{label}", label)) : null; }
      if (file.size > MAX_PHOTO) { return msgs.msgPhotoSize; }
      return /^image\/(jpeg|png)$/.test(file.type) ? null : msgs.msgPhotoType;
    }
    if (el.required && !value) { return msgs.msgRequired.replace("{label}", label); }
    if (!value) {
      if (el.name === "permit_number") {
        var kind = form.querySelector("[name=permit_kind]");
        if (kind && kind.value && kind.value !== "belum_ada") { return msgs.msgPermit; }
      }
      return null;
    }
    if (el.hasAttribute("data-money")) {
      return rupiahDigits(value) === null ? msgs.msgMoney.replace("{label}", label) : null;
    }
    if (el.getAttribute("inputmode") === "numeric" && msgs.msgNumber && !(PLAIN.test(value) || GROUPED.test(value))) {
      return msgs.msgNumber.replace("{label}", label);
    }
    if (el.name === "permit_number") {
      var k = form.querySelector("[name=permit_kind]");
      if (k && k.value === "nib" && !/^\d{13}$/.test(value.replace(/[\s.\-]/g, ""))) { return msgs.msgNib; }
    }
    return null;
  }

  function check(form, scope) {
    var bad = [];
    scope.querySelectorAll("input[name], select[name], textarea[name]").forEach(function (el) {
      if (el.type === "hidden" || !el.id) { return; }
      var message = problem(form, el);
      fieldError(form, el, message);
      if (message) { bad.push(el); }
    });
    return bad;
  }

  function initMoney(form) {
    form.querySelectorAll("input[data-money]").forEach(function (el) {
      var out = document.getElementById("p-" + el.name);
      if (!out) { return; }
      el.addEventListener("input", function () {
        var digits = rupiahDigits(el.value);
        out.textContent = digits ? formatRupiah(digits) : "";
      });
    });
  }

  function initPhotos(form) {
    form.querySelectorAll("input[type=file]").forEach(function (el) {
      el.addEventListener("change", function () { fieldError(form, el, problem(form, el)); });
    });
  }

  function initSteps(form) {
    var sets = Array.prototype.slice.call(form.querySelectorAll("fieldset[data-step]"));
    var marks = document.querySelectorAll("[data-step-indicator]");
    form.noValidate = true;
    function show(index, focus) {
      sets.forEach(function (fs, i) { fs.classList.toggle("current", i === index); });
      Array.prototype.forEach.call(marks, function (li, i) {
        if (i === index) { li.setAttribute("aria-current", "step"); } else { li.removeAttribute("aria-current"); }
      });
      if (focus) {
        var first = sets[index].querySelector('[aria-invalid="true"]') ||
          sets[index].querySelector("input:not([type=hidden]), select, textarea");
        if (first) { first.focus(); }
      }
    }
    function current() { return sets.findIndex(function (fs) { return fs.classList.contains("current"); }); }
    function showField(el) {
      var fs = el.closest("fieldset[data-step]");
      if (fs) { show(sets.indexOf(fs), false); }
      el.focus();
    }
    var start = sets.findIndex(function (fs) { return fs.dataset.step === form.dataset.startStep; });
    show(Math.max(start, 0), false);
    form.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) { return; }
      if (button.hasAttribute("data-prev")) { show(Math.max(current() - 1, 0), true); }
      if (button.hasAttribute("data-next")) {
        var bad = check(form, sets[current()]);
        if (bad.length) { bad[0].focus(); } else { show(Math.min(current() + 1, sets.length - 1), true); }
      }
    });
    form.addEventListener("submit", function (event) {
      if (event.submitter && event.submitter.name === "aksi") { return; }
      var bad = check(form, form);
      if (bad.length) {
        event.preventDefault();
        showField(bad[0]);
        return;
      }
      var finish = form.querySelector("[data-finish]");
      if (finish) { setTimeout(function () { finish.disabled = true; }, 0); }
    });
    var summary = document.getElementById("ringkasan-kesalahan");
    if (summary) {
      summary.addEventListener("click", function (event) {
        var link = event.target.closest("a[href^='#f-']");
        var target = link && document.getElementById(link.getAttribute("href").slice(1));
        if (target) { event.preventDefault(); showField(target); }
      });
    }
  }

  document.querySelectorAll("#form-ukm, #form-produk").forEach(function (form) {
    initMoney(form);
    initPhotos(form);
    if (form.classList.contains("ukm-steps")) { initSteps(form); }
  });
})();
