// The #CohesionAlliance widget for partners' websites: turns its own script tag (with data-campaign) and
// every <div data-cohesion-widget> into a frame showing the live counter and the sign form.
// It sets no cookie, stores nothing, talks to no one but the frame, and leaves no global behind.
(function () {
    "use strict";

    var LANGUAGES = "bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv".split(" ");
    var script = document.currentScript;
    if (!script || !script.src) {
        return;
    }
    var origin = new URL(script.src).origin;
    var frames = [];

    function language(requested) {
        var wanted = [requested].concat(navigator.languages || [navigator.language]);
        for (var i = 0; i < wanted.length; i++) {
            var code = String(wanted[i] || "").slice(0, 2).toLowerCase();
            if (LANGUAGES.indexOf(code) >= 0) {
                return code;
            }
        }
        return "en";
    }

    function frameFor(element) {
        var campaign = element.getAttribute("data-campaign");
        if (!campaign || !/^[-\w]+$/.test(campaign)) {
            return null;
        }
        var query = new URLSearchParams({ page: location.origin + location.pathname });
        var partner = element.getAttribute("data-partner");
        if (partner && /^\d+$/.test(partner)) {
            query.set("partner", partner);
        }
        var frame = document.createElement("iframe");
        frame.src = origin + "/" + language(element.getAttribute("data-lang")) + "/widget/" + campaign + "/?" + query;
        frame.title = "#CohesionAlliance";
        frame.style.cssText = "display:block;width:100%;max-width:40rem;height:640px;border:0";
        frames.push(frame);
        return frame;
    }

    window.addEventListener("message", function (event) {
        var data = event.data && event.data.cohesionWidget;
        if (event.origin !== origin || !data || typeof data.height !== "number") {
            return;
        }
        frames.forEach(function (frame) {
            if (frame.contentWindow === event.source) {
                frame.style.height = Math.max(100, Math.min(data.height, 4000)) + "px";
            }
        });
    });

    if (script.hasAttribute("data-campaign")) {
        var own = frameFor(script);
        if (own) {
            script.parentNode.insertBefore(own, script);
        }
    }
    function fillPlaceholders() {
        document.querySelectorAll("div[data-cohesion-widget]:not([data-cohesion-widget=done])").forEach(function (div) {
            var frame = frameFor(div);
            if (frame) {
                div.setAttribute("data-cohesion-widget", "done");
                div.appendChild(frame);
            }
        });
    }

    fillPlaceholders();
    // An async script may run before the rest of the page is parsed.
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", fillPlaceholders);
    }
}());
