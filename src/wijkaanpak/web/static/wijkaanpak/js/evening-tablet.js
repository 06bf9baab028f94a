// SPDX-License-Identifier: EUPL-1.2
// The tablet of an irritation evening: every report is first saved on the
// tablet (localStorage) with its own key, then sent. The server saves each key
// once, so a queue sent twice (a lost answer, a reload) makes no duplicates.
(function () {
  "use strict";
  var form = document.getElementById("tablet-form");
  if (!form) {
    return;
  }
  var storageKey = form.dataset.storageKey;
  var countElement = document.getElementById("queue-count");
  var message = document.getElementById("tablet-message");
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var sending = false;

  function load() {
    try {
      return JSON.parse(window.localStorage.getItem(storageKey) || "[]");
    } catch (error) {
      return [];
    }
  }

  function store(queue) {
    window.localStorage.setItem(storageKey, JSON.stringify(queue));
    countElement.textContent = String(queue.length);
  }

  function newKey() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  function say(text) {
    message.textContent = text;
  }

  function send() {
    var queue = load();
    if (sending || queue.length === 0) {
      return Promise.resolve();
    }
    sending = true;
    return fetch(form.dataset.syncUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify({ items: queue }),
    })
      .then(function (response) {
        if (response.status === 429) {
          // Too much at once: keep the queue, say why, and try again later.
          return response.json().then(function (answer) {
            say(answer.error);
            window.setTimeout(send, 1000 * (answer.retry_after || 30));
            return null;
          });
        }
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (answer) {
        if (answer === null) {
          return;
        }
        // Drop what the server has (accepted now or before) or refused for
        // good; keep the rest. Reports added meanwhile stay in the queue.
        var done = {};
        var refused = [];
        answer.results.forEach(function (result) {
          done[result.key] = true;
          if (result.outcome === "rejected") {
            refused.push(result.errors.join(" "));
          }
        });
        store(load().filter(function (item) {
          return !done[item.key];
        }));
        say(refused.length ? form.dataset.rejected + " " + refused.join(" ") : form.dataset.sent);
      })
      .catch(function () {
        say(form.dataset.offline);
      })
      .then(function () {
        sending = false;
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var data = new FormData(form);
    var queue = load();
    queue.push({
      key: newKey(),
      category: data.get("category"),
      description: data.get("description"),
      address: data.get("address"),
      name: data.get("name") || "",
      email: data.get("email") || "",
      email_updates: data.get("email_updates") === "on",
      taken_at: new Date().toISOString(),
    });
    store(queue);
    form.reset();
    say(form.dataset.saved);
    send();
  });
  document.getElementById("tablet-send").addEventListener("click", send);
  window.addEventListener("online", send);
  // Keep a copy of this page and its files, so it opens again without network.
  if ("serviceWorker" in navigator && form.dataset.workerUrl) {
    navigator.serviceWorker.register(form.dataset.workerUrl).then(function (registration) {
      var worker = registration.active || registration.waiting || registration.installing;
      var keep = [window.location.href];
      document.querySelectorAll("link[rel=stylesheet][href], script[src]").forEach(function (element) {
        keep.push(element.href || element.src);
      });
      function ask() {
        worker.postMessage({ keep: keep });
      }
      if (worker.state === "activated") {
        ask();
      } else {
        worker.addEventListener("statechange", function () {
          if (worker.state === "activated") {
            ask();
          }
        });
      }
    }).catch(function () {
      // Without a worker the page still queues; it just cannot reopen offline.
    });
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.kept) {
        form.dataset.kept = "yes";
      }
    });
  }
  store(load());
  window.setInterval(send, 30000);
  send();
})();
