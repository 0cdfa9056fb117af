// Runs before the first paint (a classic script in index.html's head). It tells the static
// first screen which page the link opens, so that it shows the home page's opening only on the
// home page's link, a demo's heading only on that demo's link and a tour step only on that
// step's, and it applies the presenter and embedded layouts as the app will (the same
// storage key and link key), so the app's first screen replaces this one in place.
(() => {
  const root = document.documentElement;
  const hash = location.hash.replace(/^#*\/*/, '');
  const at = hash.indexOf('?');
  const page = (at < 0 ? hash : hash.slice(0, at)).replace(/\/+$/, '');
  const query = new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
  if (page === '') root.classList.add('opens-home');
  else root.dataset.opens = page;
  // The tour's step as the app reads it (model/src/tour.rs): a whole number from 1 to 10, the
  // first when the link has none; any other value shows no step, as the app then says why.
  if (page === 'tour') {
    const step = (query.getAll('step').pop() ?? '1').trim();
    if (/^[0-9]+$/.test(step) && Number(step) >= 1 && Number(step) <= 10) root.dataset.step = String(Number(step));
  }
  if (query.getAll('embed').pop() === '1') root.classList.add('embed');
  try {
    if (localStorage.getItem('cloud-lab-presenter') === '1') root.classList.add('presenter');
  } catch {
    // Storage refused: the app then starts out of presenter mode too.
  }
})();
