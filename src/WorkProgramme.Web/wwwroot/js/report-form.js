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
