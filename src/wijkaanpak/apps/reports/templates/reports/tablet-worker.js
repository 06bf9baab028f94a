// SPDX-License-Identifier: EUPL-1.2
// The service worker of an irritation evening's tablet page. It keeps a copy
// of the page and the files it uses, so the page opens again after a reload or
// a restart of the browser without network. The reports themselves wait in
// the page's localStorage and are sent by the page when the network is back;
// this worker only answers reads (GET) and never anything that sends.
"use strict";

var CACHE = "wijkaanpak-evening-tablet-v1";

self.addEventListener("install", function (event) {
  event.waitUntil(self.skipWaiting());
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

// The page names itself and the files it loaded before the worker ran.
self.addEventListener("message", function (event) {
  var urls = (event.data && event.data.keep) || [];
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return Promise.all(urls.map(function (url) {
        return cache.add(new Request(url, { credentials: "same-origin" })).catch(function () {
          return null;
        });
      }));
    }).then(function () {
      if (event.source) {
        event.source.postMessage({ kept: urls.length });
      }
    })
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") {
    return;
  }
  // The network first, so a connected tablet always gets the current page
  // and categories; the kept copy only when there is no network.
  event.respondWith(
    fetch(request)
      .then(function (response) {
        if (response.ok && !response.redirected) {
          var copy = response.clone();
          caches.open(CACHE).then(function (cache) {
            return cache.put(request, copy);
          });
        }
        return response;
      })
      .catch(function () {
        return caches.match(request, { ignoreVary: true }).then(function (kept) {
          return kept || Response.error();
        });
      })
  );
});
