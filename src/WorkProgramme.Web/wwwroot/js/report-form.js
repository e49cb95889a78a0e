// Shows the execution level the chosen keyword gives (footnote 7) as the officer picks it: colour and word together.
(function () {
    const select = document.getElementById("keyword");
    const level = select && document.getElementById(select.dataset.levelTarget);
    if (!select || !level) {
        return;
    }

    select.addEventListener("change", function () {
        const option = select.options[select.selectedIndex];
        level.className = "level pill level--" + option.dataset.level;
        level.textContent = option.dataset.word;
    });
})();

// "Use this suggestion": copies the translation memory's match into its field and leaves the form unsaved; without
// script the button posts the form back with the suggestion in place.
(function () {
    document.querySelectorAll("[data-suggestion-for]").forEach(function (button) {
        button.addEventListener("click", function (event) {
            const field = document.querySelector("[name=\"" + button.dataset.suggestionFor + "\"]");
            if (!field) {
                return;
            }

            event.preventDefault();
            field.value = button.dataset.suggestion;
            button.closest(".translation-suggestion").hidden = true;
            field.focus();
        });
    });
})();
