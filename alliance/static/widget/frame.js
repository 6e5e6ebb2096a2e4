// Inside the widget's frame: tell the partner's page how tall the widget is, so that it shows without a
// scroll bar, and open links in a new tab rather than inside the small frame.
(function () {
    "use strict";

    if (window.parent === window) {
        return;
    }

    var lastHeight = 0;

    function reportHeight() {
        var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
        if (height !== lastHeight) {
            lastHeight = height;
            // The height is no secret, and the partner's origin is not known here: any page may read it.
            window.parent.postMessage({ cohesionWidget: { height: height } }, "*");
        }
    }

    document.querySelectorAll("a[href]").forEach(function (link) {
        link.target = "_blank";
        link.rel = "noopener";
    });
    if (window.ResizeObserver) {
        new ResizeObserver(reportHeight).observe(document.documentElement);
    } else {
        window.addEventListener("resize", reportHeight);
    }
    reportHeight();
}());
