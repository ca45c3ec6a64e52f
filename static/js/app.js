// Behaviour the pages share, bound through data attributes so that no page needs an inline handler: the
// Content-Security-Policy allows scripts only from this site or with the request's nonce.
//   <button data-print>            prints the page
//   <form data-confirm="…">        asks before submitting
//   <element data-autofocus>       takes the focus when the page opens (an error summary)
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});
document.addEventListener(
  "submit",
  function (event) {
    const form = event.target.closest("form[data-confirm]");
    if (form && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  },
  true,
);
(function () {
  const first = document.querySelector("[data-autofocus]");
  if (first) {
    first.focus();
  }
})();
