// The phone settings' country list: a filter box that hides the countries whose name doesn't contain what is typed
// (ignoring case and accents). Without this script the list is all there, ticked or not, and works the same.
(function () {
  'use strict';
  var fold = function (text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  };
  document.querySelectorAll('[data-region-filter]').forEach(function (filter) {
    var box = filter.querySelector('input');
    var list = document.getElementById(filter.getAttribute('data-region-filter'));
    var count = filter.querySelector('[data-region-count]');
    var items = Array.prototype.slice.call(list.querySelectorAll('li'));
    filter.hidden = false;
    box.addEventListener('input', function () {
      var wanted = fold(box.value.trim());
      var shown = 0;
      items.forEach(function (item) {
        var match = wanted === '' || fold(item.textContent).indexOf(wanted) !== -1
          || item.querySelector('input').value.toLowerCase() === wanted;
        item.hidden = !match;
        if (match) { shown++; }
      });
      count.textContent = count.getAttribute('data-template').replace('{0}', shown);
    });
  });
})();
