// Applicant portal: municipality suggestions, attachment checks before sending, a character
// counter, send-once buttons and a session keep-alive (so the form's CSRF token stays valid) while a long form is
// open. Every page works without it.
(function () {
  'use strict';

  var code = document.getElementById('municipalityCode');
  var options = document.getElementById('municipality-options');
  if (code && options && window.fetch) {
    var timer;
    code.addEventListener('input', function () {
      clearTimeout(timer);
      var text = code.value.trim();
      if (text === '' || /^\d{6}$/.test(text)) {
        return;
      }
      timer = setTimeout(function () {
        fetch(code.dataset.lookup + '?q=' + encodeURIComponent(text), { headers: { Accept: 'application/json' } })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (found) {
            var english = document.documentElement.lang === 'en';
            options.replaceChildren.apply(options, found.map(function (municipality) {
              var option = document.createElement('option');
              option.value = municipality.code;
              option.textContent = municipality.code + ' ' + (english ? municipality.nameEn : municipality.fullName);
              return option;
            }));
          })
          .catch(function () { /* suggestions are optional */ });
      }, 250);
    });
  }

  var files = document.getElementById('attachments');
  var fileError = document.getElementById('attachments-check');
  if (files && fileError) {
    var problem = function () {
      var chosen = Array.prototype.slice.call(files.files);
      var total = chosen.reduce(function (sum, file) { return sum + file.size; }, 0);
      if (chosen.length > Number(files.dataset.maxFiles)) { return files.dataset.tooMany; }
      if (chosen.some(function (file) { return file.size > Number(files.dataset.maxBytes); })) { return files.dataset.tooLarge; }
      if (total > Number(files.dataset.maxTotal)) { return files.dataset.totalTooLarge; }
      return '';
    };
    var show = function () {
      var message = problem();
      fileError.textContent = message;
      fileError.hidden = message === '';
      return message === '';
    };
    files.addEventListener('change', show);
    files.form.addEventListener('submit', function (event) {
      if (!show()) {
        event.preventDefault();
        files.focus();
      }
    });
  }

  var body = document.getElementById('body');
  var counter = document.getElementById('body-count');
  if (body && counter) {
    var count = function () {
      counter.textContent = counter.dataset.template
        .replace('{0}', body.value.length.toLocaleString())
        .replace('{1}', Number(body.maxLength).toLocaleString());
    };
    body.addEventListener('input', count);
    count();
  }

  // A form that must be sent once: the button is disabled after the first press (the server
  // also sends a draft only once).
  Array.prototype.forEach.call(document.querySelectorAll('form.send-once'), function (form) {
    form.addEventListener('submit', function () {
      Array.prototype.forEach.call(form.querySelectorAll('button[type="submit"]'), function (button) {
        setTimeout(function () { button.disabled = true; }, 0);
      });
    });
  });

  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }

  var longForm = document.querySelector('form[data-keepalive]');
  if (longForm && window.fetch) {
    var pings = 0;
    var keepAlive = setInterval(function () {
      pings += 1;
      if (pings > 24) {
        clearInterval(keepAlive);
      }
      fetch(longForm.dataset.keepalive, { method: 'HEAD', credentials: 'same-origin', cache: 'no-store' })
        .catch(function () { /* retried at the next interval */ });
    }, 10 * 60 * 1000);
  }
}());
