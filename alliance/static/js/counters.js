// Live counters: every element with data-counter-url polls its campaign's count and counts up to it.
// The page shows the right number without this script; it only keeps the number fresh.
(function () {
    "use strict";

    var POLL_SECONDS = 15;
    var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var format = new Intl.NumberFormat(document.documentElement.lang || undefined);

    function numberElement(element) {
        return element.hasAttribute("data-counter") ? element : element.querySelector("[data-counter]");
    }

    function countUp(target, from, to) {
        if (reduceMotion || to <= from) {
            target.textContent = format.format(to);
            return;
        }
        var started = null;
        var duration = Math.min(2000, 300 + (to - from) * 40);
        function step(now) {
            started = started || now;
            var share = Math.min(1, (now - started) / duration);
            target.textContent = format.format(Math.round(from + (to - from) * share));
            if (share < 1) {
                window.requestAnimationFrame(step);
            }
        }
        window.requestAnimationFrame(step);
    }

    function refresh(element, freshness) {
        var target = numberElement(element);
        if (!target || document.hidden) {
            return;
        }
        fetch(element.getAttribute("data-counter-url"), { credentials: "omit", cache: freshness || "default" })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (data) {
                if (!data) {
                    return;
                }
                var shown = parseInt(element.getAttribute("data-counter-value") || target.textContent.replace(/\D/g, ""), 10) || 0;
                element.setAttribute("data-counter-value", data.confirmed);
                countUp(target, shown, data.confirmed);
                var progress = element.parentElement && element.parentElement.querySelector("progress");
                if (progress) {
                    progress.value = data.confirmed;
                }
            })
            .catch(function () { /* the number on the page stays as it is */ });
    }

    // Pages come from a cache and may be a few seconds old: ask the server for the current count at once,
    // past the browser's own copy, which may be older than the page.
    document.querySelectorAll("[data-counter-url]").forEach(function (element) {
        refresh(element, "no-cache");
        window.setInterval(function () { refresh(element); }, POLL_SECONDS * 1000);
    });
})();
