// The reception form: shows the submitter's fields only when someone else hands the dossier in, and recomputes the
// fee as the officer types the number of pages or copies (the server computes it again on submit).
(() => {
    const form = document.getElementById("reception-form");
    if (!form) {
        return;
    }

    document.documentElement.classList.add("js");
    const toggles = [...form.querySelectorAll("[data-toggle=submitter]")];
    const submitter = document.getElementById("submitter-fields");
    const showSubmitter = () => {
        submitter.hidden = !toggles.some(t => t.checked);
    };
    toggles.forEach(t => t.addEventListener("change", showSubmitter));
    // Keep the fields visible when the server reported an error in them.
    if (!submitter.querySelector("[aria-invalid=true]")) {
        showSubmitter();
    }

    const units = form.querySelector("[data-fees]");
    const total = document.getElementById("fee-total");
    if (!units || !total) {
        return;
    }

    const lines = JSON.parse(units.dataset.fees);
    const amountFor = (line, n) => {
        if (line.perDossier) {
            return line.amount;
        }

        const first = Math.min(n, line.first ?? n);
        const sum = first * line.amount + (n - first) * (line.next ?? line.amount);
        return line.max == null ? sum : Math.min(sum, line.max);
    };
    const format = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
    units.addEventListener("input", () => {
        const n = Math.max(1, parseInt(units.value, 10) || 1);
        total.textContent = format.format(lines.reduce((sum, line) => sum + amountFor(line, n), 0));
    });
})();
