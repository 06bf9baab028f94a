// SPDX-License-Identifier: EUPL-1.2
// Draws the neighbourhoods of a focus area from the GeoJSON the page carries.
// No base map: tiles would need the network, and the polygons tell the story.
(function () {
  "use strict";
  var container = document.getElementById("area-map");
  var data = document.getElementById("area-geojson");
  if (!container || !data || typeof L === "undefined") {
    return;
  }
  var collection = JSON.parse(data.textContent);
  var map = L.map(container, { zoomSnap: 0.25, attributionControl: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(container.dataset.attribution || "");
  var surroundings = document.getElementById("surroundings-geojson");
  if (surroundings) {
    // Context only: grey and not interactive, so the area stands out.
    L.geoJSON(JSON.parse(surroundings.textContent), {
      interactive: false,
      style: function () {
        return { color: "#8c8c8c", weight: 1, fillColor: "#d9d9d9", fillOpacity: 0.6 };
      },
    }).addTo(map);
  }
  var layer = L.geoJSON(collection, {
    style: function (feature) {
      // A stacking map colours each neighbourhood by its class and marks the
      // focus area with a thick border; a plain area map colours all alike.
      // The delimitation map also marks the assistant's proposal, dashed.
      var fill = feature.properties.fill;
      if (fill) {
        var focus = feature.properties.focus;
        var proposed = feature.properties.proposed;
        return {
          color: focus || proposed ? "#000000" : "#555555",
          weight: focus ? 4 : proposed ? 3 : 1,
          dashArray: proposed && !focus ? "6 4" : null,
          fillColor: fill,
          fillOpacity: 0.8,
        };
      }
      return { color: "#0b4f8a", weight: 2, fillColor: "#5b9bd5", fillOpacity: 0.45 };
    },
    onEachFeature: function (feature, polygon) {
      var label = feature.properties.name + " (" + feature.properties.code + ")";
      polygon.bindTooltip(label);
      polygon.on("add", function () {
        var element = polygon.getElement && polygon.getElement();
        if (element) {
          element.setAttribute("data-code", feature.properties.code);
          element.setAttribute("aria-label", label);
        }
      });
    },
  }).addTo(map);
  var bounds = layer.getBounds();
  if (bounds.isValid()) {
    map.fitBounds(bounds, { padding: [12, 12] });
  } else {
    map.setView([52.1, 5.3], 7);
  }
  container.setAttribute("data-drawn", String(layer.getLayers().length));
  // Other scripts of the page (the delimitation) work on the drawn layer.
  container.wijkaanpakLayer = layer;
  container.dispatchEvent(new CustomEvent("area-map:ready", { detail: layer }));
})();

// Legend swatches take their colour from a data attribute (no inline styles).
(function () {
  "use strict";
  var swatches = document.querySelectorAll(".swatch[data-colour]");
  for (var index = 0; index < swatches.length; index += 1) {
    swatches[index].style.backgroundColor = swatches[index].getAttribute("data-colour");
  }
})();
