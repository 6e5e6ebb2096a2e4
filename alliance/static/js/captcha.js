// Proof-of-work captcha: while the visitor fills in the form, find the number whose SHA-256 hash the
// server asked for, and send it with the form. Without this script (or without Web Crypto) the server
// asks a short question instead, so the form always works.
(function () {
    "use strict";

    var BATCH = 500;

    function hex(buffer) {
        return Array.prototype.map.call(new Uint8Array(buffer), function (byte) {
            return ("0" + byte.toString(16)).slice(-2);
        }).join("");
    }

    function hashOf(text) {
        return window.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)).then(hex);
    }

    // Hash in batches so the page stays responsive and the browser can hash in parallel.
    function solve(challenge, start) {
        var attempts = [];
        var last = Math.min(start + BATCH - 1, challenge.maxNumber);
        for (var number = start; number <= last; number++) {
            attempts.push(hashOf(challenge.salt + number));
        }
        return Promise.all(attempts).then(function (hashes) {
            var found = hashes.indexOf(challenge.challenge);
            if (found >= 0) {
                return start + found;
            }
            if (last >= challenge.maxNumber) {
                throw new Error("no solution");
            }
            return solve(challenge, last + 1);
        });
    }

    function payload(challenge, number) {
        return window.btoa(JSON.stringify({
            algorithm: challenge.algorithm,
            challenge: challenge.challenge,
            number: number,
            salt: challenge.salt,
            signature: challenge.signature
        }));
    }

    function prepare(container) {
        var form = container.closest("form");
        var input = container.querySelector("input[name=altcha]");
        var status = container.querySelector("[data-captcha-status]");
        var solution = null;
        var submitting = false;

        function start() {
            if (!solution) {
                solution = fetch(container.getAttribute("data-challenge-url"), {credentials: "same-origin"})
                    .then(function (response) {
                        if (!response.ok) {
                            throw new Error("no challenge");
                        }
                        return response.json();
                    })
                    .then(function (challenge) {
                        return solve(challenge, 0).then(function (number) {
                            input.value = payload(challenge, number);
                        });
                    });
            }
            return solution;
        }

        form.addEventListener("focusin", start, {once: true});
        form.addEventListener("submit", function (event) {
            if (input.value || submitting) {
                return;
            }
            event.preventDefault();
            submitting = true;
            status.textContent = container.getAttribute("data-working");
            // Whatever happens, the form goes: without a solution the server asks its question.
            start().catch(function () {}).then(function () {
                status.textContent = "";
                form.submit();
            });
        });
    }

    if (!window.crypto || !window.crypto.subtle || !window.fetch || !window.TextEncoder) {
        return;
    }
    document.querySelectorAll("[data-captcha]").forEach(prepare);
}());
