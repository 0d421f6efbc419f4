// Filters the list of briefs on the search page as the reader types.
// Without JavaScript the full list shows, so nothing depends on this.
(function () {
  var form = document.getElementById("search_form");
  var input = document.getElementById("search_input");
  var status = document.getElementById("search_status");
  var items = document.querySelectorAll("#search_list > li");
  if (!form || !input) return;
  form.hidden = false;
  var timer;
  function update() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    items.forEach(function (li) {
      var text = li.textContent.toLowerCase();
      var match = words.every(function (w) { return text.indexOf(w) >= 0; });
      li.hidden = !match;
      if (match) shown++;
    });
    status.textContent = words.length ? shown + (shown === 1 ? " brief matches" : " briefs match") : "";
  }
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 250); });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; update(); }
})();
