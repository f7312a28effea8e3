// Site search from the header, over the index Pagefind builds (search: true in site.yaml).
// Progressive: the form stays hidden until the index loads, so without JavaScript, or from file://,
// the page reads as it does without search.
(() => {
  "use strict";
  const form = document.querySelector("form.site-search");
  if (!form) return;
  const input = form.querySelector("input");
  const results = form.querySelector(".search-results");
  const root = new URL(form.dataset.root, document.baseURI);
  let pagefind = null;
  let latest = 0;

  import(new URL("pagefind/pagefind.js", root).href)
    .then(async (module) => {
      await module.options({ baseUrl: root.pathname, excerptLength: 24 });
      module.init();
      pagefind = module;
      form.hidden = false;
    })
    .catch(() => {});

  const clear = () => {
    latest += 1;
    results.replaceChildren();
    results.hidden = true;
  };

  const show = (query, found, total) => {
    const list = document.createElement("ol");
    for (const result of found) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = result.url;
      link.textContent = result.meta.title || result.url;
      const excerpt = document.createElement("p");
      // Pagefind escapes the page's text and marks the matched words with <mark>.
      excerpt.innerHTML = result.excerpt;
      item.append(link, excerpt);
      list.append(item);
    }
    const status = document.createElement("p");
    status.className = "search-status";
    status.textContent = total === 0 ? `${form.dataset.none} “${query}”` : `${total} ${total === 1 ? form.dataset.one : form.dataset.many}`;
    results.replaceChildren(status, ...(found.length ? [list] : []));
    results.hidden = false;
  };

  input.addEventListener("input", async () => {
    const query = input.value.trim();
    if (!query || !pagefind) return clear();
    const ticket = ++latest;
    const search = await pagefind.debouncedSearch(query, {}, 200);
    if (search === null || ticket !== latest) return;
    const found = await Promise.all(search.results.slice(0, 8).map((result) => result.data()));
    if (ticket === latest) show(query, found, search.results.length);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    results.querySelector("a")?.focus();
  });
  form.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      input.value = "";
      clear();
      input.focus();
    }
  });
  document.addEventListener("click", (event) => {
    if (!form.contains(event.target)) clear();
  });
})();
