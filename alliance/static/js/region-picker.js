// Region picker: turns each <select data-region-picker> into a text box that suggests regions as people
// type, because scrolling through some 240 regions is slow, above all on a phone. The select stays in the
// form, hidden, and keeps holding the chosen code, so the form posts exactly what it posts without script.
(function () {
    "use strict";

    // The template renders the translated messages onto this script's own tag.
    var messages = document.currentScript ? document.currentScript.dataset : {};
    var format = new Intl.NumberFormat(document.documentElement.lang || undefined);
    // Letters that Unicode does not split into a base letter and an accent.
    var UNSPLIT_LETTERS = { "ß": "ss", "æ": "ae", "ł": "l", "ø": "o", "đ": "d" };
    var ANNOUNCE_DELAY = 400;

    function fold(text) {
        return text
            .normalize("NFD")
            .replace(/[\u0300-\u036f]/g, "")
            .toLowerCase()
            .replace(/[ßæłøđ]/g, function (letter) { return UNSPLIT_LETTERS[letter]; })
            .replace(/[^\p{L}\p{N}]+/gu, " ")
            .trim();
    }

    function countMessage(count) {
        if (count === 0) {
            return messages.noMatch || "";
        }
        if (count === 1) {
            return messages.oneMatch || "";
        }
        return (messages.matches || "").replace("{count}", format.format(count));
    }

    function regionsOf(select) {
        var regions = [];
        Array.prototype.forEach.call(select.querySelectorAll("optgroup"), function (group) {
            Array.prototype.forEach.call(group.querySelectorAll("option"), function (option) {
                regions.push({ code: option.value, label: option.text, country: group.label, key: fold(option.text) });
            });
        });
        return regions;
    }

    function enhance(select) {
        var form = select.form;
        var country = form && form.elements.namedItem("country");
        var regions = regionsOf(select);
        var label = form && form.querySelector('label[for="' + select.id + '"]');
        var input = document.createElement("input");
        var listbox = document.createElement("div");
        var status = document.createElement("p");
        var shown = [];
        var active = -1;
        var announceTimer = null;

        // The text box takes over the select's id, so its label and the error summary's link point at it.
        input.id = select.id;
        select.id = select.id + "-select";
        input.type = "text";
        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", input.id + "-listbox");
        input.setAttribute("autocomplete", "off");
        input.setAttribute("autocapitalize", "none");
        input.setAttribute("spellcheck", "false");
        ["aria-describedby", "aria-invalid"].forEach(function (name) {
            if (select.hasAttribute(name)) {
                input.setAttribute(name, select.getAttribute(name));
            }
        });
        listbox.id = input.id + "-listbox";
        listbox.className = "region-picker__listbox";
        listbox.setAttribute("role", "listbox");
        if (label) {
            label.id = label.id || input.id + "-label";
            listbox.setAttribute("aria-labelledby", label.id);
        }
        listbox.hidden = true;
        status.className = "visually-hidden";
        status.setAttribute("role", "status");

        var picker = document.createElement("div");
        picker.className = "region-picker";
        picker.append(input, listbox, status);
        select.after(picker);
        select.hidden = true;

        function chosen() {
            return regions.find(function (region) { return region.code === select.value; }) || null;
        }

        // The server refuses a region outside the chosen country, so only that country's regions are offered.
        // Regions are grouped under the same country names the country select shows.
        function candidates() {
            if (!country || !country.value) {
                return regions;
            }
            var countryName = country.options[country.selectedIndex].text;
            return regions.filter(function (region) { return region.country === countryName; });
        }

        function matches(query) {
            var words = fold(query).split(" ").filter(Boolean);
            return candidates().filter(function (region) {
                return words.every(function (word) { return region.key.indexOf(word) !== -1; });
            });
        }

        // While the box shows the chosen region, every region is a suggestion, not only the chosen one.
        function query() {
            var region = chosen();
            return region && input.value === region.label ? "" : input.value;
        }

        function announce(text) {
            window.clearTimeout(announceTimer);
            announceTimer = window.setTimeout(function () { status.textContent = text; }, ANNOUNCE_DELAY);
        }

        function setActive(index) {
            var options = listbox.querySelectorAll('[role="option"]');
            if (active >= 0 && options[active]) {
                options[active].setAttribute("aria-selected", "false");
            }
            active = index;
            if (index < 0) {
                input.removeAttribute("aria-activedescendant");
                return;
            }
            options[index].setAttribute("aria-selected", "true");
            input.setAttribute("aria-activedescendant", options[index].id);
            options[index].scrollIntoView({ block: "nearest" });
        }

        function render() {
            var group = null;
            listbox.textContent = "";
            shown.forEach(function (region, index) {
                if (!group || group.getAttribute("data-country") !== region.country) {
                    var heading = document.createElement("div");
                    group = document.createElement("div");
                    group.className = "region-picker__group";
                    group.setAttribute("role", "group");
                    group.setAttribute("data-country", region.country);
                    heading.id = listbox.id + "-group-" + index;
                    heading.className = "region-picker__country";
                    heading.setAttribute("role", "presentation");
                    heading.textContent = region.country;
                    group.setAttribute("aria-labelledby", heading.id);
                    group.append(heading);
                    listbox.append(group);
                }
                var option = document.createElement("div");
                option.id = listbox.id + "-" + region.code;
                option.className = "region-picker__option";
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.setAttribute("data-index", String(index));
                if (region.code === select.value) {
                    option.classList.add("region-picker__option--chosen");
                }
                option.textContent = region.label;
                group.append(option);
            });
        }

        function open() {
            shown = matches(query());
            active = -1;
            render();
            listbox.hidden = false;
            input.setAttribute("aria-expanded", "true");
            input.removeAttribute("aria-activedescendant");
            // On a phone the text box often sits low on the screen, leaving the suggestions out of sight.
            listbox.scrollIntoView({ block: "nearest" });
            announce(countMessage(shown.length));
        }

        function close() {
            listbox.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function isOpen() {
            return !listbox.hidden;
        }

        function choose(region) {
            var previous = select.value;
            select.value = region ? region.code : "";
            input.value = region ? region.label : "";
            close();
            if (select.value !== previous) {
                select.dispatchEvent(new Event("change", { bubbles: true }));
            }
        }

        // Leaving the box takes the highlighted suggestion, or the one region the text names; otherwise the
        // box goes back to the region that will really be sent, so what people see is what the form posts.
        function settle() {
            var region = chosen();
            var highlighted = active >= 0 ? shown[active] : null;
            close();
            if (highlighted) {
                choose(highlighted);
                return;
            }
            if (region && input.value === region.label) {
                return;
            }
            var typed = fold(input.value);
            if (!typed) {
                choose(null);
                return;
            }
            var found = matches(input.value);
            var exact = found.find(function (match) {
                return match.key === typed || fold(match.code) === typed;
            });
            choose(exact || (found.length === 1 ? found[0] : region));
        }

        input.value = chosen() ? chosen().label : "";

        input.addEventListener("input", function () {
            if (!fold(input.value)) {
                choose(null);
                announce("");
                return;
            }
            open();
        });

        input.addEventListener("click", function () {
            if (isOpen()) {
                close();
            } else {
                open();
            }
        });

        input.addEventListener("keydown", function (event) {
            switch (event.key) {
                case "ArrowDown":
                    if (!isOpen()) {
                        open();
                    }
                    if (!event.altKey && shown.length) {
                        setActive((active + 1) % shown.length);
                    }
                    break;
                case "ArrowUp":
                    if (!isOpen()) {
                        open();
                    }
                    if (shown.length) {
                        setActive(active <= 0 ? shown.length - 1 : active - 1);
                    }
                    break;
                case "Enter":
                    if (!isOpen()) {
                        return;
                    }
                    // Enter picks a region here; it must not send the form half filled in.
                    if (active >= 0) {
                        choose(shown[active]);
                    } else if (shown.length === 1) {
                        choose(shown[0]);
                    }
                    break;
                case "Escape":
                    if (isOpen()) {
                        close();
                    } else {
                        choose(null);
                    }
                    break;
                default:
                    return;
            }
            event.preventDefault();
        });

        input.addEventListener("blur", settle);

        // Pressing on a suggestion must not take the focus from the text box, or it would settle first.
        listbox.addEventListener("mousedown", function (event) {
            event.preventDefault();
        });

        listbox.addEventListener("click", function (event) {
            var option = event.target.closest('[role="option"]');
            if (option) {
                choose(shown[Number(option.getAttribute("data-index"))]);
            }
        });

        if (country) {
            country.addEventListener("change", function () {
                var region = chosen();
                if (region && candidates().indexOf(region) === -1) {
                    choose(null);
                }
                if (isOpen()) {
                    open();
                }
            });
        }
    }

    document.querySelectorAll("select[data-region-picker]").forEach(enhance);
})();
