// Forwards a short or old address (a page sitebuild/redirects.py writes) to
// the page named in its canonical link, and replaces this entry, so Back does
// not land on the forwarding page again. A fragment of the target wins: the
// visitor's own would be appended to it ("/over/#privacy#x").
(() => {
  const target = new URL(document.querySelector('link[rel="canonical"]').href);
  if (!target.hash) target.hash = location.hash;
  location.replace(target.href);
})();
