// Signature export with a progress bar: the CSV is fetched here, its rows counted as they arrive, and the
// finished file handed to the browser. Without this script the button downloads the file directly.
(function () {
    "use strict";

    const form = document.querySelector("[data-export-form]");
    if (!form || !window.fetch || !window.ReadableStream || !window.URL.createObjectURL) {
        return;
    }
    const button = form.querySelector("[data-export-download]");
    const progressBox = document.querySelector("[data-export-progress]");
    const progress = progressBox.querySelector("progress");
    const status = document.querySelector("[data-export-status]");
    const errorBox = document.querySelector("[data-export-error]");
    const format = new Intl.NumberFormat(document.documentElement.lang || undefined);
    // Screen readers read every change of the status text: a new figure once a second is enough.
    const ANNOUNCE_EVERY_MS = 1000;
    const QUOTE = 0x22;
    const NEWLINE = 0x0a;

    function message(name, values) {
        return form.getAttribute("data-message-" + name).replace(/\{(\w+)\}/g, function (placeholder, key) {
            return key in values ? format.format(values[key]) : placeholder;
        });
    }

    function showError(name) {
        const paragraph = document.createElement("p");
        paragraph.className = "help-block help-critical";
        paragraph.textContent = message(name, {});
        errorBox.replaceChildren(paragraph);
        status.textContent = "";
        progressBox.hidden = true;
        finish();
    }

    // aria-disabled rather than disabled: a disabled button would lose the keyboard focus.
    function start() {
        button.setAttribute("aria-disabled", "true");
        errorBox.replaceChildren();
        status.textContent = message("starting", {});
    }

    function finish() {
        button.removeAttribute("aria-disabled");
    }

    // A line break ends a CSV record unless it falls inside a quoted cell; both bytes are single bytes in
    // UTF-8, so the count can run on the raw chunks. The first record is the header.
    function rowCounter() {
        let lineBreaks = 0;
        let quoted = false;
        return {
            add(bytes) {
                for (const byte of bytes) {
                    if (byte === QUOTE) {
                        quoted = !quoted;
                    } else if (byte === NEWLINE && !quoted) {
                        lineBreaks += 1;
                    }
                }
            },
            get rows() {
                return Math.max(0, lineBreaks - 1);
            },
        };
    }

    function fileName(response) {
        const match = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") || "");
        return match ? match[1] : "signatures.csv";
    }

    function save(blob, name) {
        const url = URL.createObjectURL(blob);
        const link = document.createElement("a");
        link.href = url;
        link.download = name;
        link.hidden = true;
        document.body.appendChild(link);
        link.click();
        link.remove();
        window.setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    }

    function showProgress(done, total) {
        // Signatures that arrive during the export may take the count past the total announced.
        progress.max = Math.max(total, done, 1);
        progress.value = done;
    }

    async function download(url) {
        let response;
        try {
            response = await fetch(url, { credentials: "same-origin", headers: { "X-Requested-With": "XMLHttpRequest" } });
        } catch (error) {
            showError("failed");
            return;
        }
        if (response.status === 401 || response.status === 403) {
            showError("refused");
            return;
        }
        if (!response.ok) {
            showError("failed");
            return;
        }
        if (!(response.headers.get("Content-Type") || "").startsWith("text/csv")) {
            // The form came back with errors: show it as the browser would without this script.
            window.location.assign(url);
            return;
        }
        const total = parseInt(response.headers.get("X-Export-Rows"), 10) || 0;
        const counter = rowCounter();
        const chunks = [];
        const reader = response.body.getReader();
        let announcedAt = 0;
        progressBox.hidden = false;
        showProgress(0, total);
        try {
            for (;;) {
                const { done, value } = await reader.read();
                if (done) {
                    break;
                }
                chunks.push(value);
                counter.add(value);
                showProgress(counter.rows, total);
                if (Date.now() - announcedAt > ANNOUNCE_EVERY_MS) {
                    announcedAt = Date.now();
                    status.textContent = message("progress", { done: counter.rows, total: total });
                }
            }
        } catch (error) {
            showError("failed");
            return;
        }
        progress.max = Math.max(counter.rows, 1);
        progress.value = progress.max;
        status.textContent = message("done", { done: counter.rows, total: total });
        save(new Blob(chunks, { type: "text/csv;charset=utf-8" }), fileName(response));
        finish();
    }

    // The count shown by the server belongs to the filters it was asked about, not to the ones chosen since.
    form.addEventListener("change", function () {
        const count = form.querySelector("[data-export-count]");
        if (count) {
            count.hidden = true;
        }
    });

    form.addEventListener("submit", function (event) {
        if (event.submitter !== button) {
            return;
        }
        event.preventDefault();
        if (button.hasAttribute("aria-disabled")) {
            return;
        }
        const url = new URL(form.action);
        const query = new URLSearchParams(new FormData(form));
        query.set(button.name, button.value);
        url.search = query.toString();
        start();
        download(url.toString());
    });
})();
