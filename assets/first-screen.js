// Runs before the first paint (a classic script in index.html's head). It tells the static
// first screen which page the link opens, so that it shows the home page's opening only on the
// home page's link, a demo's heading only on that demo's link and the tour's first step only on
// the tour's, and it applies the presenter and embedded layouts as the app will (the same
// storage key and link key), so the app's first screen replaces this one in place.
(() => {
  const root = document.documentElement;
  const hash = location.hash.replace(/^#*\/*/, '');
  const at = hash.indexOf('?');
  const page = (at < 0 ? hash : hash.slice(0, at)).replace(/\/+$/, '');
  const query = new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
  if (page === '') root.classList.add('opens-home');
  // The static tour is its first step, which the tour's link writes without a step.
  else if (!(page === 'tour' && query.has('step'))) root.dataset.opens = page;
  if (query.getAll('embed').pop() === '1') root.classList.add('embed');
  try {
    if (localStorage.getItem('cloud-lab-presenter') === '1') root.classList.add('presenter');
  } catch {
    // Storage refused: the app then starts out of presenter mode too.
  }
})();
