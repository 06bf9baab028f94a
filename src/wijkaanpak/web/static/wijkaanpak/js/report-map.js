// SPDX-License-Identifier: EUPL-1.2
// Two maps of residents' reports, drawn without a base map (no network needed):
// the pin map of the report form, and the public map of problems.
(function () {
  "use strict";
  if (typeof L === "undefined") {
    return;
  }

  function outline(map) {
    var data = document.getElementById("area-geojson");
    if (!data) {
      return null;
    }
    var layer = L.geoJSON(JSON.parse(data.textContent), {
      style: function () {
        return { color: "#0b4f8a", weight: 2, fillColor: "#5b9bd5", fillOpacity: 0.2 };
      },
      onEachFeature: function (feature, polygon) {
        polygon.bindTooltip(feature.properties.name);
      },
    }).addTo(map);
    var bounds = layer.getBounds();
    if (bounds.isValid()) {
      map.fitBounds(bounds, { padding: [12, 12] });
    }
    return layer;
  }

  // The report form: a click sets the pin and fills the hidden fields.
  var pinContainer = document.getElementById("pin-map");
  if (pinContainer) {
    var latitude = document.getElementById("id_latitude");
    var longitude = document.getElementById("id_longitude");
    var status = document.getElementById("pin-status");
    var pinMap = L.map(pinContainer, { zoomSnap: 0.25 });
    pinMap.attributionControl.setPrefix(false);
    if (!outline(pinMap)) {
      pinMap.setView([52.1, 5.3], 7);
    }
    var marker = null;
    var place = function (latlng) {
      if (marker) {
        marker.setLatLng(latlng);
      } else {
        marker = L.marker(latlng, { keyboard: true, title: pinContainer.getAttribute("aria-label") }).addTo(pinMap);
      }
      latitude.value = latlng.lat.toFixed(6);
      longitude.value = latlng.lng.toFixed(6);
      if (status) {
        status.textContent = latitude.value + ", " + longitude.value;
      }
      pinContainer.setAttribute("data-pinned", "true");
    };
    if (latitude.value && longitude.value) {
      place(L.latLng(parseFloat(latitude.value), parseFloat(longitude.value)));
    }
    pinMap.on("click", function (event) {
      place(event.latlng);
    });
  }

  // The public map: one circle per problem, from the data the page carries.
  var pointsContainer = document.getElementById("points-map");
  var pointsData = document.getElementById("report-points");
  if (pointsContainer && pointsData) {
    var points = JSON.parse(pointsData.textContent);
    var pointsMap = L.map(pointsContainer, { zoomSnap: 0.25, preferCanvas: true });
    pointsMap.attributionControl.setPrefix(false);
    pointsMap.attributionControl.addAttribution(pointsContainer.dataset.attribution || "");
    var group = L.featureGroup();
    points.forEach(function (point) {
      L.circleMarker([point.lat, point.lon], {
        radius: 6, color: "#0b4f8a", weight: 2, fillColor: "#5b9bd5", fillOpacity: 0.8,
      })
        .bindTooltip("#" + point.id + " " + point.category + ": " + point.status)
        .addTo(group);
    });
    group.addTo(pointsMap);
    var bounds = group.getBounds();
    if (bounds.isValid()) {
      pointsMap.fitBounds(bounds, { padding: [12, 12], maxZoom: 17 });
    } else {
      pointsMap.setView([52.1, 5.3], 7);
    }
    pointsContainer.setAttribute("data-drawn", String(points.length));
  }
})();
