// SPDX-License-Identifier: EUPL-1.2
// A print button without inline script.
(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-print]");
  for (var index = 0; index < buttons.length; index += 1) {
    buttons[index].addEventListener("click", function () {
      window.print();
    });
  }
})();
