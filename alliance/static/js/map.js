// Supporter map: a region's counts on hover and focus, its panel opened in place, and the layer switch
// without a reload. Every link on the map already leads to a full page saying the same, so without this
// script nothing is lost; with it the map stays where it is while people look around.
(function () {
    "use strict";

    // The layer the server shows when the address names none (KINDS_LAYER in regions/map.py).
    var DEFAULT_LAYER = "kinds";
    // Room kept between the details box and what it describes, and between the box and the screen's edge.
    var GAP = 12;
    var EDGE = 8;
    // A pointer's arrow or hand reaches about this far below its hotspot; the box stays clear of it.
    var CURSOR = 22;

    var layout = document.querySelector(".map-layout");
    var figure = layout && layout.querySelector(".map-figure");
    var map = figure && figure.querySelector("svg.supporter-map");
    if (!map) {
        return;
    }
    var layerLinks = Array.prototype.slice.call(document.querySelectorAll(".map-layers a[data-layer]"));
    var layers = layerLinks.map(function (link) { return link.getAttribute("data-layer"); });
    var table = document.querySelector(".map-table");
    var rows = {};
    var names = {};
    var requests = 0;
    var shownPath = window.location.pathname;

    function text(element) {
        return element.textContent.replace(/\s+/g, " ").trim();
    }

    // The table's own headers label the counts, so the box speaks the page's language.
    var columns = table ? Array.prototype.slice.call(table.tHead.rows[0].cells) : [];
    var countryColumn = columns.findIndex(function (cell) { return cell.getAttribute("data-map-details") === "country"; });
    var countColumns = [];
    columns.forEach(function (cell, index) {
        if (cell.getAttribute("data-map-details") === "count") {
            countColumns.push({ index: index, label: text(cell) });
        }
    });
    document.querySelectorAll("tr[data-region]").forEach(function (row) {
        rows[row.getAttribute("data-region")] = row;
    });

    // The box below names the region; the browser's own tooltip from each <title> would cover it.
    map.querySelectorAll("[data-nuts]").forEach(function (region) {
        var title = region.querySelector("title");
        if (title) {
            names[region.getAttribute("data-nuts")] = title.textContent;
            title.remove();
        }
    });

    var details = document.createElement("div");
    details.id = "map-details";
    details.className = "map-details";
    details.setAttribute("role", "tooltip");
    details.hidden = true;
    figure.append(details);
    var describedLink = null;

    function codeOf(link) {
        var region = link.querySelector("[data-nuts]");
        return region ? region.getAttribute("data-nuts") : "";
    }

    function regionLink(code) {
        var region = map.querySelector('[data-nuts="' + code + '"]');
        return region ? region.closest("a") : null;
    }

    function paragraph(className, content) {
        var element = document.createElement("p");
        element.className = className;
        element.textContent = content;
        return element;
    }

    function fillDetails(code) {
        var row = rows[code];
        details.textContent = "";
        details.append(paragraph("map-details__name", names[code] || code));
        if (!row) {
            return;
        }
        if (countryColumn >= 0) {
            details.append(paragraph("map-details__country", text(row.cells[countryColumn])));
        }
        var counts = document.createElement("dl");
        countColumns.forEach(function (column) {
            var term = document.createElement("dt");
            var value = document.createElement("dd");
            term.textContent = column.label;
            value.textContent = text(row.cells[column.index]);
            counts.append(term, value);
        });
        details.append(counts);
    }

    // Puts the box below `anchor` (a rectangle in the viewport), or above it where the screen ends, and
    // slides it sideways to stay on screen: it never overlaps the anchor while one of the two sides fits.
    function place(anchor) {
        var width = details.offsetWidth;
        var height = details.offsetHeight;
        var screenWidth = document.documentElement.clientWidth;
        var screenHeight = document.documentElement.clientHeight;
        var below = anchor.bottom + GAP;
        var above = anchor.top - GAP - height;
        var top = below;
        if (below + height > screenHeight - EDGE) {
            top = (above >= EDGE || anchor.top > screenHeight - anchor.bottom) ? above : below;
        }
        var left = Math.max(EDGE, Math.min(anchor.left, screenWidth - EDGE - width));
        var frame = figure.getBoundingClientRect();
        details.style.left = left - frame.left + "px";
        details.style.top = top - frame.top + "px";
    }

    function describe(link, anchor) {
        if (describedLink !== link) {
            hideDetails();
            fillDetails(codeOf(link));
            describedLink = link;
            link.setAttribute("aria-describedby", details.id);
        }
        details.hidden = false;
        place(anchor);
    }

    function describeNearRegion(link) {
        describe(link, link.getBoundingClientRect());
    }

    function hideDetails() {
        details.hidden = true;
        if (describedLink) {
            describedLink.removeAttribute("aria-describedby");
            describedLink = null;
        }
    }

    function linkAt(event) {
        var link = event.target.closest ? event.target.closest("a") : null;
        return link && map.contains(link) && codeOf(link) ? link : null;
    }

    function followPointer(event) {
        var link = linkAt(event);
        if (link) {
            describe(link, { left: event.clientX, top: event.clientY, bottom: event.clientY + CURSOR });
        }
    }

    map.addEventListener("mouseover", followPointer);
    map.addEventListener("mousemove", followPointer);
    map.addEventListener("mouseout", function (event) {
        var link = linkAt(event);
        if (!link || link.contains(event.relatedTarget)) {
            return;
        }
        // A region still holding the keyboard's focus keeps its box.
        var focused = map.querySelector("a:focus");
        if (focused) {
            describeNearRegion(focused);
        } else {
            hideDetails();
        }
    });
    // Chromium lets an SVG element with focus listeners take the focus itself, so the figure listens instead.
    figure.addEventListener("focusin", function (event) {
        var link = linkAt(event);
        if (link) {
            describeNearRegion(link);
        }
    });
    figure.addEventListener("focusout", function (event) {
        if (linkAt(event)) {
            hideDetails();
        }
    });
    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && !details.hidden) {
            hideDetails();
        }
    });

    function layerIn(address) {
        var layer = new URL(address, window.location.href).searchParams.get("layer");
        return layers.indexOf(layer) === -1 ? DEFAULT_LAYER : layer;
    }

    function currentLayer() {
        var current = layerLinks.find(function (link) { return link.hasAttribute("aria-current"); });
        return current ? current.getAttribute("data-layer") : DEFAULT_LAYER;
    }

    function withLayer(address, layer, keepQuery) {
        var url = new URL(address, window.location.href);
        if (!keepQuery) {
            url.search = "";
        }
        url.hash = "";
        if (layer === DEFAULT_LAYER) {
            url.searchParams.delete("layer");
        } else {
            url.searchParams.set("layer", layer);
        }
        return url;
    }

    function showLayer(layer) {
        layers.forEach(function (name) { map.classList.toggle("layer-" + name, name === layer); });
        layerLinks.forEach(function (link) {
            if (link.getAttribute("data-layer") === layer) {
                link.setAttribute("aria-current", "true");
            } else {
                link.removeAttribute("aria-current");
            }
        });
        document.querySelectorAll("ul.map-legend[data-legend]").forEach(function (legend) {
            legend.hidden = legend.getAttribute("data-legend") !== layer;
        });
        // Downloads always name their layer, the default included, as the server renders them.
        document.querySelectorAll("a[data-layer-link]").forEach(function (link) {
            var url = new URL(link.href);
            url.searchParams.set("layer", layer);
            link.setAttribute("href", url.pathname + url.search);
        });
        // Region links name the layer unless it is the default, as the server writes them.
        document.querySelectorAll(".map-figure__svg a[href], .map-table tbody th a, a[data-map-link]").forEach(function (link) {
            var url = withLayer(link.getAttribute("href"), layer, false);
            link.setAttribute("href", url.pathname + url.search);
        });
        // Sorting the table keeps the layer too.
        document.querySelectorAll(".map-table thead a").forEach(function (link) {
            var url = withLayer(link.getAttribute("href"), layer, true);
            link.setAttribute("href", url.search + "#region-table");
        });
    }

    function select(code) {
        document.querySelectorAll(".map-figure__svg a.is-selected, .map-table tr.is-selected").forEach(function (element) {
            element.classList.remove("is-selected");
        });
        document.querySelectorAll(".map-figure__svg a[aria-current], .map-table a[aria-current]").forEach(function (link) {
            link.removeAttribute("aria-current");
        });
        var link = regionLink(code);
        if (link) {
            link.classList.add("is-selected");
            link.setAttribute("aria-current", "page");
        }
        var row = rows[code];
        var rowLink = row && row.querySelector("th a");
        if (rowLink) {
            row.classList.add("is-selected");
            rowLink.setAttribute("aria-current", "page");
        }
    }

    function selectedCode() {
        var row = table && table.querySelector("tr.is-selected");
        return row ? row.getAttribute("data-region") : "";
    }

    // Takes the region panel, the marking of the chosen region and the title from another map page.
    function showPage(page, path) {
        var previous = selectedCode();
        var panel = layout.querySelector(".map-panel");
        var next = page.querySelector(".map-panel");
        var chosen = page.querySelector("tr.is-selected");
        if (next) {
            next = document.adoptNode(next);
            if (panel) {
                panel.replaceWith(next);
            } else {
                layout.append(next);
            }
        } else if (panel) {
            panel.remove();
        }
        select(chosen ? chosen.getAttribute("data-region") : "");
        document.title = page.title;
        shownPath = path;
        // Focus goes where the page changed: the new panel's heading, or back to the region just left.
        var heading = next && document.getElementById(next.getAttribute("aria-labelledby"));
        var target = heading || regionLink(previous) || document.getElementById("main");
        if (target) {
            target.focus();
        }
    }

    function open(address, push) {
        var request = ++requests;
        var url = new URL(address, window.location.href);
        layout.setAttribute("aria-busy", "true");
        fetch(url.href, { headers: { Accept: "text/html" } })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(response.status);
                }
                return response.text();
            })
            .then(function (html) {
                if (request !== requests) {
                    return;
                }
                var page = new DOMParser().parseFromString(html, "text/html");
                if (!page.querySelector(".map-layout")) {
                    throw new Error("not a map page");
                }
                if (push) {
                    window.history.pushState(null, "", url.href);
                }
                layout.removeAttribute("aria-busy");
                showPage(page, url.pathname);
            })
            .catch(function () {
                if (request !== requests) {
                    return;
                }
                // The page the link names says everything the panel would have.
                if (window.location.href === url.href) {
                    window.location.reload();
                } else {
                    window.location.assign(url.href);
                }
            });
    }

    function isPlainClick(event) {
        return !event.defaultPrevented && event.button === 0 &&
            !(event.ctrlKey || event.metaKey || event.shiftKey || event.altKey);
    }

    layout.addEventListener("click", function (event) {
        var link = event.target.closest ? event.target.closest("a[href]") : null;
        if (!link || !isPlainClick(event)) {
            return;
        }
        if (link.hasAttribute("data-layer")) {
            event.preventDefault();
            var layer = link.getAttribute("data-layer");
            showLayer(layer);
            window.history.replaceState(window.history.state, "", withLayer(window.location.href, layer, true).href);
            return;
        }
        if (!(map.contains(link) || link.hasAttribute("data-map-link"))) {
            return;
        }
        event.preventDefault();
        hideDetails();
        var address = withLayer(link.getAttribute("href"), currentLayer(), false);
        if (address.pathname === shownPath) {
            var panel = layout.querySelector(".map-panel");
            var heading = panel && document.getElementById(panel.getAttribute("aria-labelledby"));
            if (heading) {
                heading.focus();
            }
            return;
        }
        open(address.href, true);
    });

    window.addEventListener("popstate", function () {
        showLayer(layerIn(window.location.href));
        if (window.location.pathname !== shownPath) {
            open(window.location.href, false);
        }
    });
})();
