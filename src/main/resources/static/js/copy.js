// Copy and Print buttons: hidden in the page's markup and shown here, so that a browser without script shows
// only what works without it. No inline script: the Content-Security-Policy allows only files of this origin.
(function () {
  'use strict';
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    var done = document.querySelector('[data-copied-for="' + button.getAttribute('data-copy') + '"]');
    if (!source || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      var text = source.dataset.copyText || Array.prototype.map.call(source.querySelectorAll('li'), function (item) {
        return item.textContent.trim();
      }).join('\n') || source.textContent.trim();
      navigator.clipboard.writeText(text).then(function () {
        if (done) {
          done.hidden = false;
        }
      });
    });
  });
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      window.print();
    });
  });
}());
