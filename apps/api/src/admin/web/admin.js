// @ts-check
/*
 * The dashboard's only own script (htmx does the fetching and swapping): confirmation of destructive forms and
 * "select all" boxes. Loaded as a file, so the page's CSP can forbid inline script altogether.
 */
'use strict';

/** Forms marked data-confirm ask first. */
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  const question = form.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});

/** A checkbox marked data-select-all ticks every box of its form with the name it gives. */
document.addEventListener('change', (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || !box.dataset.selectAll || !box.form) return;
  for (const element of Array.from(box.form.elements)) {
    if (element instanceof HTMLInputElement && element.type === 'checkbox' && element.name === box.dataset.selectAll) {
      element.checked = box.checked;
    }
  }
});
