// Reading preferences: text size (A− / A / A+) and high contrast, on every page, remembered
// in localStorage. The choice is applied before the first paint by the inline snippet in
// base.html's <head>; this script shows the controls (they stay hidden without scripts, where
// the browser's own zoom serves) and keeps them and the page in step.
(function () {
  'use strict';
  var KEY = 'congkhai.prefs';
  var MIN = -1;
  var MAX = 3;
  var root = document.documentElement;

  function load() {
    try {
      var saved = JSON.parse(localStorage.getItem(KEY) || '{}');
      return { size: Number(saved.size) || 0, contrast: saved.contrast === true };
    } catch (e) {
      return { size: 0, contrast: false };
    }
  }

  function save(prefs) {
    try {
      localStorage.setItem(KEY, JSON.stringify(prefs));
    } catch (e) {
      // Storage refused (a private window, a kiosk profile): the choice holds for this page.
    }
  }

  function apply(prefs, box) {
    if (prefs.size) root.setAttribute('data-size', String(prefs.size));
    else root.removeAttribute('data-size');
    if (prefs.contrast) root.setAttribute('data-contrast', 'high');
    else root.removeAttribute('data-contrast');
    if (!box) return;
    var buttons = box.querySelectorAll('button[data-size]');
    for (var i = 0; i < buttons.length; i++) {
      var step = Number(buttons[i].getAttribute('data-size'));
      var next = step === 0 ? 0 : prefs.size + step;
      buttons[i].disabled = step !== 0 && (next < MIN || next > MAX);
      buttons[i].setAttribute('aria-pressed', String(step === 0 && prefs.size === 0));
    }
    var contrast = box.querySelector('button[data-contrast]');
    if (contrast) contrast.setAttribute('aria-pressed', String(prefs.contrast));
  }

  function start() {
    var box = document.getElementById('tuy-chon');
    if (!box) return;
    var prefs = load();
    box.hidden = false;
    apply(prefs, box);
    box.addEventListener('click', function (event) {
      var button = event.target.closest('button');
      if (!button || button.disabled) return;
      if (button.hasAttribute('data-contrast')) {
        prefs.contrast = !prefs.contrast;
      } else {
        var step = Number(button.getAttribute('data-size'));
        prefs.size = step === 0 ? 0 : Math.min(MAX, Math.max(MIN, prefs.size + step));
      }
      save(prefs);
      apply(prefs, box);
    });
    // Another tab changed them: follow.
    window.addEventListener('storage', function (event) {
      if (event.key === KEY) {
        prefs = load();
        apply(prefs, box);
      }
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
