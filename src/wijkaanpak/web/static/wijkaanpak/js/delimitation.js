// SPDX-License-Identifier: EUPL-1.2
// The delimitation map: clicking a neighbourhood ticks or unticks it in the
// form below, and the summary says at once how many people the choice holds,
// which share of the problems, and whether it is one connected area. The form
// works without this script; the server checks the same again when saving.
(function () {
  "use strict";
  var container = document.getElementById("area-map");
  var summary = document.getElementById("selection-summary");
  var adjacencyData = document.getElementById("area-adjacency");
  if (!container || !summary || !adjacencyData || !container.wijkaanpakLayer) {
    return;
  }
  var layer = container.wijkaanpakLayer;
  var neighbours = JSON.parse(adjacencyData.textContent);
  var boxes = {};
  var inputs = document.querySelectorAll('input[name="neighbourhoods"]');
  for (var i = 0; i < inputs.length; i += 1) {
    boxes[inputs[i].value] = inputs[i];
  }
  var selectable = container.dataset.selectable === "true" && inputs.length > 0;
  var polygons = {};
  var totalMass = 0;
  layer.eachLayer(function (polygon) {
    var properties = polygon.feature.properties;
    polygons[properties.code] = polygon;
    totalMass += Math.max(0, properties.mass || 0);
  });
  var format = new Intl.NumberFormat(document.documentElement.lang || "nl");

  function chosen() {
    var codes = [];
    for (var code in boxes) {
      if (boxes[code].checked) {
        codes.push(code);
      }
    }
    return codes;
  }

  function connected(codes) {
    if (codes.length === 0) {
      return false;
    }
    var inside = {};
    codes.forEach(function (code) { inside[code] = true; });
    var seen = {};
    var queue = [codes[0]];
    seen[codes[0]] = true;
    var reached = 1;
    while (queue.length) {
      var code = queue.pop();
      (neighbours[code] || []).forEach(function (other) {
        if (inside[other] && !seen[other]) {
          seen[other] = true;
          reached += 1;
          queue.push(other);
        }
      });
    }
    return reached === codes.length;
  }

  function update() {
    var codes = chosen();
    var people = 0;
    var mass = 0;
    codes.forEach(function (code) {
      var polygon = polygons[code];
      if (polygon) {
        people += polygon.feature.properties.inhabitants || 0;
        mass += Math.max(0, polygon.feature.properties.mass || 0);
      }
    });
    layer.eachLayer(function (polygon) {
      var properties = polygon.feature.properties;
      properties.focus = codes.indexOf(properties.code) >= 0;
      layer.resetStyle(polygon);
    });
    var percent = totalMass > 0 ? Math.round((100 * mass) / totalMass) : 0;
    var text = summary.dataset.templatePeople
      .replace("{people}", format.format(Math.round(people)))
      .replace("{percent}", String(percent));
    if (!connected(codes)) {
      text += " " + summary.dataset.templateApart;
    }
    summary.textContent = text;
    container.setAttribute("data-chosen", String(codes.length));
  }

  if (selectable) {
    layer.eachLayer(function (polygon) {
      polygon.on("click", function () {
        var box = boxes[polygon.feature.properties.code];
        if (box) {
          box.checked = !box.checked;
          update();
        }
      });
    });
    for (var code in boxes) {
      boxes[code].addEventListener("change", update);
    }
  }
  update();
})();
