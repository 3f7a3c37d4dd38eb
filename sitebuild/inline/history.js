// A gate in front of the theme's instant navigation for popstate events,
// inlined into every page's head by partials/mdx-history.html. The theme
// fetches and swaps the whole page on the first popstate it sees, even when
// only the fragment changed (Back after a skip link or a table-of-contents
// link); that would wipe a check's answers. So a popstate that stays on the
// page on screen is kept from the theme (the browser scrolls by itself).
// Listeners on window run in the order they were added, so this must run
// before the theme's bundle. mdx-site.mjs tells it which page is on screen.
(() => {
  let shownPath = location.pathname;
  window.addEventListener("popstate", (event) => {
    if (location.pathname === shownPath) event.stopImmediatePropagation();
  });
  window.mdxHistory = {
    shown(path) {
      shownPath = path;
    },
  };
})();
