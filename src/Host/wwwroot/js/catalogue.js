// Catalogue admin form: add document and fee rows in place. Without JavaScript, the "apply and add rows" button does
// the same through the server, so this script only saves a round trip.
(() => {
    'use strict';
    document.documentElement.classList.add('js');
    let next = 0;
    for (const button of document.querySelectorAll('[data-add-row]')) {
        const template = document.getElementById(button.dataset.addRow);
        const into = document.getElementById(button.dataset.into);
        if (!template || !into) {
            continue;
        }

        button.hidden = false;
        button.addEventListener('click', () => {
            // A fresh index key: list binding follows the Index fields, so keys need not be consecutive numbers.
            const key = `js${Date.now().toString(36)}${next++}`;
            into.insertAdjacentHTML('beforeend', template.innerHTML.replaceAll('__i__', key));
            const first = into.lastElementChild?.querySelector('input[type=text], select');
            first?.focus();
        });
    }
})();
